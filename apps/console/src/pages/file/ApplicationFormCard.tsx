import { Card, Descriptions, List, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { FORM_LABELS } from '../../../../api/src/candidates/candidate-labels';
import type { Schemas } from '../../api/client';
import { fill } from '../../fill';
import { useI18n, useWords } from '../../i18n';
import { words } from '../CandidateFile.words';
import { CardTitle } from './CardTitle';

type File = Schemas['CandidateViewDto'];
type Form = Record<string, unknown>;
type Labelled = keyof typeof FORM_LABELS;

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : typeof v === 'number' ? String(v) : null);
const record = (v: unknown): Form | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Form) : null);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** A calendar day (YYYY-MM-DD) as the paper writes it: 2017年4月10日 (or as it is in English). */
export function day(date: unknown, lang: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text(date) ?? '');
  if (!m) return text(date);
  return lang === 'zh' ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : `${m[1]}-${m[2]}-${m[3]}`;
}

/**
 * The application form (推荐申报表, 附件2) as the paper lays it out, under the paper's own labels: personal
 * details, skill level, honours, achievements, deeds and the two opinions with their dates; then what the
 * online form adds (conditions claimed, competition, consent). The ID number, mobile and address are the
 * file's, as the API masks them for the caller.
 */
export function ApplicationFormCard({ file }: { file: File }) {
  const { lang, name, t } = useI18n();
  const w = useWords(words);
  const form = (file.form ?? {}) as Form;
  // The paper's label without its typesetting (full-width spaces, line breaks); English has its own.
  const label = (key: Labelled) => (lang === 'zh' ? FORM_LABELS[key].replace(/[\u3000\n]/g, '') : (w as Record<string, string>)[key]);
  const personal = (v: string | null) => (file.erased ? w.erased : (v ?? null));

  const opinion = (v: unknown): ReactNode => {
    const o = record(v);
    if (!o) return null;
    return (
      <>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>{text(o.text)}</Typography.Paragraph>
        <Typography.Text type="secondary">
          {[o.sealed === true ? w.sealed : o.sealed === false ? w.notSealed : null, day(o.date, lang)].filter(Boolean).join(' · ')}
        </Typography.Text>
      </>
    );
  };
  const conditions = list(form.conditions)
    .map(record)
    .filter((c): c is Form => c !== null);
  const honours = list(form.honours)
    .map(text)
    .filter((h): h is string => h !== null);
  const competition = record(form.competition);
  const consent = record(form.consent);

  const rows: Array<[string, ReactNode]> = [
    [label('name'), file.name],
    [label('idNumber'), personal(file.idNumber)],
    [label('sex'), form.sex ? name('sex', text(form.sex)) : null],
    [form.birthDate ? w.birthDate : w.birthYear, form.birthDate ? day(form.birthDate, lang) : text(form.birthYear)],
    [label('ethnicity'), text(form.ethnicity)],
    [label('education'), text(form.education)],
    [label('politicalAffiliation'), text(form.politicalAffiliation)],
    [label('employer'), file.employer],
    [label('position'), text(form.position)],
    [label('homeAddress'), personal(file.homeAddress)],
    [label('mobile'), personal(file.mobile)],
    [label('industry'), name('industry', file.industry)],
    [w.industryJustification, text(form.industryJustification)],
    [label('trade'), file.trade],
    [label('yearsOfWork'), file.yearsOfWork === null ? null : fill(w.years, { n: file.yearsOfWork })],
    [label('skillLevel'), file.skillLevel ? name('skillLevel', file.skillLevel) : null],
    [
      w.conditions,
      conditions.length ? (
        <List
          size="small"
          split={false}
          dataSource={conditions}
          renderItem={(c) => (
            <List.Item style={{ paddingInline: 0 }}>
              <Tag color="blue">{name('condition', text(c.kind))}</Tag>
              {text(c.evidence)}
            </List.Item>
          )}
        />
      ) : null,
    ],
    [
      label('honours'),
      honours.length ? (
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {honours.map((h, i) => (
            <li key={i}>{h}</li>
          ))}
        </ul>
      ) : null,
    ],
    [label('achievements'), text(form.achievements)],
    [label('deeds'), text(form.deeds)],
    [label('nominatorOpinion'), opinion(form.nominatorOpinion)],
    [label('endorserOpinion'), opinion(form.endorserOpinion)],
    [
      w.competition,
      competition
        ? [
            text(competition.year),
            text(competition.name),
            competition.placing ? fill(w.placing, { n: text(competition.placing) ?? '' }) : null,
            text(competition.organiser),
          ]
            .filter(Boolean)
            .join(' · ')
        : null,
    ],
    [w.consent, consent ? fill(w.consentSigned, { date: day(consent.signedOn, lang) ?? '—', by: text(consent.attestedBy) ?? '—' }) : null],
  ];

  return (
    <Card title={<CardTitle>{t.form}</CardTitle>} extra={<Typography.Text type="secondary">{w.formHint}</Typography.Text>}>
      <Descriptions bordered size="small" column={1} labelStyle={{ width: '12em' }}>
        {rows
          .filter(([, value]) => value !== null && value !== undefined && value !== '')
          .map(([key, value]) => (
            <Descriptions.Item key={key} label={key}>
              <div style={{ whiteSpace: 'pre-wrap' }}>{value}</div>
            </Descriptions.Item>
          ))}
      </Descriptions>
    </Card>
  );
}
