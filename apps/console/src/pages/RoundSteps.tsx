import { Form, Input, InputNumber, Radio } from 'antd';
import type { ReactNode } from 'react';
import { api, type Schemas } from '../api/client';
import { FormDialog } from '../FormDialog';
import type { I18n } from '../i18n';
import { instantRule, shanghaiInstant } from '../time';
import { fill, type W } from './RoundParts';

type Values = Record<string, string | number | undefined> & { reason: string };

/** A round step the office takes with a reason: its title, its own fields, and what it sends. */
export interface Step {
  title: string;
  send: (v: Values) => Promise<{ data?: unknown; error?: unknown }>;
  fields?: ReactNode;
  initial?: Partial<Values>;
}

const instantField = (label: string, name: string, w: W, required = false) => (
  <Form.Item label={label} name={name} rules={[{ required, message: w.untilInvalid }, instantRule(w.untilInvalid)]}>
    <Input placeholder="2026-04-28 00:00" />
  </Form.Item>
);
const choice = (label: string, name: string, options: Array<{ value: string; label: string }>, extra?: string) => (
  <Form.Item label={label} name={name} extra={extra}>
    <Radio.Group optionType="button" options={options} />
  </Form.Item>
);

/** The office's steps on the round (each an Update on its workflow; the reply is the round's view). */
export function roundSteps(id: string, w: W) {
  const path = { params: { path: { id } } };
  const steps = {
    phase: {
      title: w.changePhase,
      initial: { action: 'close' },
      send: (v) =>
        api.POST('/rounds/{id}/phase', {
          ...path,
          body: { action: v.action === 'extend' ? 'extend' : 'close', reason: v.reason, ...(v.action === 'extend' && { until: shanghaiInstant(v.until) ?? undefined }) },
        }),
      fields: (
        <>
          {choice(w.phaseAction, 'action', [
            { value: 'close', label: w.closeNow },
            { value: 'extend', label: w.extend },
          ])}
          <Form.Item noStyle shouldUpdate={(a: Values, b: Values) => a.action !== b.action}>
            {({ getFieldValue }) => getFieldValue('action') === 'extend' && instantField(w.until, 'until', w, true)}
          </Form.Item>
        </>
      ),
    },
    freeze: {
      title: w.freeze,
      send: (v) => api.POST('/rounds/{id}/re-review-list', { ...path, body: { reason: v.reason, ...(v.size && { size: Number(v.size) }) } }),
      fields: (
        <Form.Item label={w.freezeSize} name="size">
          <InputNumber min={1} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      ),
    },
    voting: {
      title: w.openVoting,
      send: (v) => api.POST('/rounds/{id}/voting', { ...path, body: { reason: v.reason, ...(v.closesAt && { closesAt: shanghaiInstant(v.closesAt) ?? undefined }) } }),
      fields: instantField(w.votingClosesAt, 'closesAt', w),
    },
    notice: { title: w.startNotice, send: (v) => api.POST('/rounds/{id}/public-notice', { ...path, body: { reason: v.reason } }) },
    ceremony: {
      title: w.recordCeremony,
      send: (v) => api.POST('/rounds/{id}/ceremony', { ...path, body: { date: String(v.date), reason: v.reason, ...(v.place && { place: String(v.place) }) } }),
      fields: (
        <>
          <Form.Item label={w.ceremonyDate} name="date" rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: w.dateInvalid }]}>
            <Input placeholder="2026-04-28" />
          </Form.Item>
          <Form.Item label={w.ceremonyPlace} name="place">
            <Input maxLength={200} />
          </Form.Item>
        </>
      ),
    },
  } satisfies Record<string, Step>;
  return steps;
}

/** The office resolves an objection: upheld (the candidate is disqualified) or dismissed, with the reason. */
export function resolveStep(objection: Schemas['ObjectionViewDto'], w: W, name: I18n['name']): Step {
  return {
    title: fill(w.resolveTitle, { name: objection.candidateName }),
    initial: { outcome: 'dismissed' },
    send: (v) =>
      api.POST('/objections/{id}/resolution', {
        params: { path: { id: objection.id } },
        body: { outcome: v.outcome === 'upheld' ? 'upheld' : 'dismissed', reason: v.reason },
      }),
    fields: choice(
      w.resolution,
      'outcome',
      [
        { value: 'dismissed', label: name('objection', 'dismissed') },
        { value: 'upheld', label: name('objection', 'upheld') },
      ],
      w.upheldHint,
    ),
  };
}

/** A step's dialog: its fields, then the reason (required); the API's refusal shown as it says it. */
export function StepDialog({ step, w, onClose, onDone }: { step: Step; w: W; onClose: () => void; onDone: () => void }) {
  return (
    <FormDialog<Values, unknown>
      title={step.title}
      initial={step.initial}
      send={(values) => step.send({ ...values, reason: values.reason.trim() })}
      onDone={onDone}
      onClose={onClose}
      fields={
        <>
          {step.fields}
          <Form.Item label={w.reason} name="reason" rules={[{ required: true, whitespace: true, message: w.reasonRequired }]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </>
      }
    />
  );
}
