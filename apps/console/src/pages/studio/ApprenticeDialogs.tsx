import { Form, Input, InputNumber, Select } from 'antd';
import { SKILL_LEVEL_LABELS } from '../../../../api/src/candidates/candidate-labels';
import { api, type Schemas } from '../../api/client';
import { fill } from '../../fill';
import { FormDialog, type Answer } from '../../FormDialog';
import { useI18n } from '../../i18n';
import { dateRule, TextField } from './studio-fields';
import { path, type DialogProps } from './StudioDialogs';

type View = Schemas['StudioViewDto'];
type Apprentice = View['apprentices'][number];

/** The studio with the apprentice as the API answered it (added, or its outcome recorded). */
async function withApprentice(view: View, answer: Promise<Answer<Schemas['ApprenticeDto']>>): Promise<Answer<View>> {
  const { data, error } = await answer;
  if (!data) return { error };
  const { studioId: _, ...apprentice } = data;
  const others = view.apprentices.filter((a) => a.id !== apprentice.id);
  return { data: { ...view, apprentices: [...others, apprentice].sort((a, b) => a.startOn.localeCompare(b.startOn)) } };
}

export function AddApprenticeDialog({ view, w, onDone, onClose }: DialogProps) {
  type V = { name: string; startOn: string; endOn?: string };
  return (
    <FormDialog<V, View>
      title={fill(w.addApprenticeTitle, { name: view.name })}
      send={(v) =>
        withApprentice(
          view,
          api.POST('/studios/{id}/apprentices', { ...path(view), body: { name: v.name.trim(), startOn: v.startOn, ...(v.endOn && { endOn: v.endOn }) } }),
        )
      }
      onDone={onDone}
      onClose={onClose}
      fields={
        <>
          <TextField label={w.apprenticeName} name="name" max={50} w={{ ...w, fieldRequired: w.nameRequired }} />
          <Form.Item label={w.startOn} name="startOn" rules={[dateRule(w, true)]}>
            <Input placeholder="2026-05-01" />
          </Form.Item>
          <Form.Item label={w.endOn} name="endOn" rules={[dateRule(w)]}>
            <Input placeholder="2028-04-30" />
          </Form.Item>
        </>
      }
    />
  );
}

/** An apprenticeship's end and what it led to: a skill level, a competition placing, a note (each when known). */
export function OutcomeDialog({ view, apprentice, w, onDone, onClose }: DialogProps & { apprentice: Apprentice }) {
  const { name } = useI18n();
  type V = { endOn?: string; skillLevel?: string; competition?: string; year?: number; placing?: number; note?: string };
  const was = (apprentice.outcome ?? {}) as { skillLevel?: string; competition?: { name: string; year: number; placing: number }; note?: string };
  const competition = ({ getFieldValue }: { getFieldValue: (n: string) => unknown }) => ({
    validator: () => {
      const given = ['competition', 'year', 'placing'].filter((n) => getFieldValue(n) !== undefined && getFieldValue(n) !== null && getFieldValue(n) !== '');
      return given.length === 0 || given.length === 3 ? Promise.resolve() : Promise.reject(new Error(w.competitionIncomplete));
    },
  });
  return (
    <FormDialog<V, View>
      title={fill(w.outcomeTitle, { name: apprentice.name })}
      initial={{
        endOn: apprentice.endOn ?? undefined,
        skillLevel: was.skillLevel,
        competition: was.competition?.name,
        year: was.competition?.year,
        placing: was.competition?.placing,
        note: was.note,
      }}
      send={(v) => {
        const outcome = {
          ...(v.skillLevel && { skillLevel: v.skillLevel as Schemas['ApprenticeOutcomeDto']['skillLevel'] }),
          ...(v.competition?.trim() && v.year && v.placing && { competition: { name: v.competition.trim(), year: v.year, placing: v.placing } }),
          ...(v.note?.trim() && { note: v.note.trim() }),
        };
        const body = { ...(v.endOn && { endOn: v.endOn }), outcome };
        return withApprentice(view, api.PATCH('/studios/{id}/apprentices/{apprenticeId}', { params: { path: { id: view.id, apprenticeId: apprentice.id } }, body }));
      }}
      onDone={onDone}
      onClose={onClose}
      fields={
        <>
          <Form.Item label={w.endOn} name="endOn" rules={[dateRule(w)]}>
            <Input placeholder="2028-04-30" />
          </Form.Item>
          <Form.Item label={w.skillLevel} name="skillLevel">
            <Select allowClear options={Object.keys(SKILL_LEVEL_LABELS).map((s) => ({ value: s, label: name('skillLevel', s) }))} />
          </Form.Item>
          <Form.Item label={w.competition} name="competition" dependencies={['year', 'placing']} rules={[competition]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item label={w.competitionYear} name="year">
            <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label={w.placing} name="placing">
            <InputNumber min={1} max={100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <TextField label={w.outcomeNote} name="note" max={1000} rows={2} w={w} required={false} />
        </>
      }
    />
  );
}
