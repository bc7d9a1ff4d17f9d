import { ConflictException, Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '../../../../libs/audit';
import { APP_CONFIG, type AppConfig } from '../../../../libs/config';
import { shanghaiDate } from '../../../../libs/contract/calendar';
import { NamedMasters, RoundEntity, type CandidateEntity } from '../../../../libs/db';
import { SKILL_LEVELS, type SkillLevel } from '../../../../libs/domain';
import { PiiCipher } from '../../../../libs/security/pii';
import type { TokenClaims } from '../../../../libs/security/token';
import { recordPiiRead } from '../audit/pii-read';
import { CandidateAccess } from '../candidates/candidate-access';
import { INDUSTRY_LABELS, labelOf, SEX_LABELS } from '../candidates/candidate-labels';
import { personalData, seesClearPii } from '../candidates/candidate-view';
import type { ExportFile } from '../common/export-file';
import { ObjectionRepository } from '../rounds/objection.repository';
import { PublicNoticeService } from '../rounds/public-notice.service';
import { RoundsService } from '../rounds/rounds.service';
import type { Opinion } from './application-form.pdf';
import { findFaces } from './document-fonts';
import { DocumentRenderer } from './document-renderer';
import type { ListedPerson } from './round-documents.pdf';

/** What the form prints in place of a value the retention sweep erased. */
const ERASED = '已删除（保存期满）';
/** At the foot of a copy whose ID number, mobile and address are masked for the caller. */
const MASKED_NOTE = '注：本件按查阅权限隐去了身份证号码、手机号码和家庭地址的部分内容。';

const pdf = (content: Buffer, filename: string): ExportFile => ({ content, contentType: 'application/pdf', filename });
const sexLabel = (sex: unknown) => (sex === 'male' || sex === 'female' ? SEX_LABELS[sex] : '');
const text = (v: unknown) => (typeof v === 'string' ? v : '');

function opinionOf(v: unknown): Opinion | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  return { text: text(o.text), date: typeof o.date === 'string' ? o.date : null };
}

/**
 * The printed documents (README "Printed documents"): the data of each comes through the view the API
 * already shows it by — the file as the caller may see it, the public notice, the round — and is
 * rendered on the documents' own thread.
 */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly ds: DataSource,
    private readonly pii: PiiCipher,
    private readonly access: CandidateAccess,
    private readonly audit: AuditLog,
    private readonly rounds: RoundsService,
    private readonly notices: PublicNoticeService,
    private readonly entries: ObjectionRepository,
    private readonly renderer: DocumentRenderer,
    private readonly masters: NamedMasters,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private faces() {
    return findFaces(this.config.documents);
  }

  /**
   * The application form (附件2), filled from the file as the caller may see it: the ID number, mobile
   * and address in clear for the programme office alone (its copy is the one sealed and filed; each such
   * print is a full-value read in the audit log), masked for every other reader, as on GET /candidates/:id.
   */
  async applicationForm(id: string, claims: TokenClaims): Promise<ExportFile> {
    const row = await this.access.find(id, claims);
    if (row.channel === 'imported') {
      throw new ConflictException(`candidate ${id} was imported from the paper records: the application form is the paper one, the service holds no form to print`);
    }
    const faces = this.faces();
    const personal = personalData(row, claims, this.pii);
    const clear = seesClearPii(claims.role);
    const form = row.form ?? {};
    const shown = (v: string | null) => (personal.erased ? ERASED : (v ?? ''));
    const content = await this.renderer.render({
      kind: 'application-form',
      faces,
      issuer: this.config.documents.office,
      data: {
        year: await this.yearOf(row),
        reference: row.id,
        name: row.name,
        idNumber: shown(personal.idNumber),
        sex: sexLabel(form.sex),
        ethnicity: text(form.ethnicity),
        education: text(form.education),
        politicalAffiliation: text(form.politicalAffiliation),
        employer: row.employer,
        position: text(form.position),
        homeAddress: shown(personal.homeAddress),
        mobile: shown(personal.mobile),
        industry: labelOf(INDUSTRY_LABELS, row.industry),
        trade: row.trade,
        yearsOfWork: row.yearsOfWork === null ? '' : `${row.yearsOfWork} 年`,
        skillLevel: SKILL_LEVELS.includes(row.skillLevel as SkillLevel) ? (row.skillLevel as SkillLevel) : null,
        honours: Array.isArray(form.honours) ? form.honours.map(text).join('\n') : '',
        achievements: text(form.achievements),
        deeds: text(form.deeds),
        nominatorOpinion: opinionOf(form.nominatorOpinion),
        endorserOpinion: opinionOf(form.endorserOpinion),
        note: clear || personal.erased ? null : MASKED_NOTE,
      },
    });
    if (clear) {
      await recordPiiRead(this.audit, claims, {
        objectType: 'candidate',
        objectId: row.id,
        candidateId: row.id,
        roundId: row.roundId,
        detail: { document: 'application-form.pdf', fields: (['idNumber', 'mobile', 'homeAddress'] as const).filter((f) => personal[f]) },
      });
    }
    return pdf(content, `application-form-${row.id}.pdf`);
  }

  /** The round's public notice (公示) as published: the candidates the public notice view lists, the period, how to object. */
  async publicNotice(roundId: string): Promise<ExportFile> {
    const notice = await this.notices.notice(roundId);
    const faces = this.faces();
    const { office, officeContact } = this.config.documents;
    const content = await this.renderer.render({
      kind: 'public-notice',
      faces,
      data: {
        year: notice.year,
        startsAt: new Date(notice.startsAt),
        endsAt: new Date(notice.endsAt),
        people: notice.candidates.map((c) => ({ name: c.name, sex: sexLabel(c.sex), employer: c.employer, trade: c.trade })),
        office,
        officeContact,
      },
    });
    return pdf(content, `public-notice-${notice.year}.pdf`);
  }

  /**
   * The commendation decision (表彰决定), dated on the ceremony the office recorded: the candidates the
   * government approved (commended on that date). 409 until the ceremony is recorded.
   */
  async commendation(roundId: string): Promise<ExportFile> {
    const round = await this.rounds.get(roundId);
    const date = round.windows.ceremony.date;
    if (!date) throw new ConflictException(`the commendation decision is dated on the ceremony, and the office has not recorded the ceremony of the ${round.year} round`);
    const named = (await this.entries.noticeEntries(roundId)).filter((e) => e.outcome === 'approved' || e.outcome === 'commended');
    if (!named.length) throw new ConflictException(`no candidate of the ${round.year} round was approved: there is no one to name`);
    const faces = this.faces();
    const { programme, documents } = this.config;
    const people: ListedPerson[] = named.map((e) => ({ name: e.name, sex: sexLabel(e.sex), employer: e.employer, trade: e.trade }));
    const content = await this.renderer.render({
      kind: 'commendation',
      faces,
      data: {
        year: round.year,
        date,
        people,
        issuer: documents.issuer,
        bonusFen: programme.bonusFen,
        subsidyMonthlyFen: programme.subsidyMonthlyFen,
        subsidyMonths: programme.subsidyMonths,
      },
    });
    return pdf(content, `commendation-${round.year}.pdf`);
  }

  /** The certificate (荣誉证书) of a named master; 409 for a file that is not (yet) a named master. */
  async certificate(id: string, claims: TokenClaims): Promise<ExportFile> {
    const row = await this.access.find(id, claims);
    const master = await this.masters.find(id);
    if (!master) throw new ConflictException(`candidate ${id} is not a named master: a certificate is issued once the master is commended`);
    const faces = this.faces();
    const content = await this.renderer.render({
      kind: 'certificate',
      faces,
      data: {
        name: row.name,
        year: master.yearNamed,
        employer: row.employer,
        trade: row.trade,
        namedOn: master.namedOn ?? '',
        number: `${master.yearNamed}-${row.id.slice(0, 8).toUpperCase()}`,
        issuer: this.config.documents.issuer,
      },
    });
    return pdf(content, `certificate-${row.id}.pdf`);
  }

  /** The form's year: its round's, else the year it was nominated (Asia/Shanghai). */
  private async yearOf(row: CandidateEntity): Promise<number> {
    const round = row.roundId ? await this.ds.getRepository(RoundEntity).findOneBy({ id: row.roundId }) : null;
    return round?.year ?? Number(shanghaiDate(row.createdAt.getTime()).slice(0, 4));
  }
}
