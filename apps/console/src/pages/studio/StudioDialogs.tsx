import { Checkbox, Form, Input, Radio, Typography } from 'antd';
import { api, type Schemas } from '../../api/client';
import { fill } from '../../fill';
import { FormDialog } from '../../FormDialog';
import { STUDIO_FIELDS, StudioFormFields, TextField, type FormWords, type StudioForm } from './studio-fields';

type View = Schemas['StudioViewDto'];
type Status = View['status'];

export type StudioAction = 'screen' | 'bankAccount' | 'resubmit' | 'withdraw' | 'addApprentice';

/** What the office may do at each status (the studio workflow's rules): a closed application takes nothing more. */
export const OFFICE_ACTIONS: Record<Status, StudioAction[]> = {
  applied: ['screen', 'bankAccount', 'withdraw', 'addApprentice'],
  returned: ['resubmit', 'bankAccount', 'withdraw', 'addApprentice'],
  screened: ['bankAccount', 'withdraw', 'addApprentice'],
  named: ['bankAccount', 'addApprentice'],
  rejected: [],
  not_approved: [],
  withdrawn: [],
};

export interface DialogProps {
  view: View;
  w: FormWords;
  onDone: (view: View) => void;
  onClose: () => void;
}

export const path = (view: View) => ({ params: { path: { id: view.id } } });

/** Every criterion of the batch's creation standard, met or not, with its evidence; then the outcome and the reason. */
export function ScreenDialog({ view, w, criteria, onDone, onClose }: DialogProps & { criteria: string[] }) {
  type V = { outcome: 'pass' | 'fail' | 'return'; reason: string; checks: Array<{ met: boolean; evidence: string }> };
  return (
    <FormDialog<V, View>
      title={fill(w.screenTitle, { name: view.name })}
      width={640}
      initial={{ outcome: 'pass', checks: criteria.map(() => ({ met: false, evidence: '' })) }}
      send={(v) =>
        api.POST('/studios/{id}/screening', {
          ...path(view),
          body: {
            outcome: v.outcome,
            reason: v.reason.trim(),
            criteria: criteria.map((criterion, i) => ({ criterion, met: !!v.checks[i].met, evidence: v.checks[i].evidence.trim() })),
          },
        })
      }
      onDone={onDone}
      onClose={onClose}
      fields={
        <>
          <Typography.Paragraph>{w.criteriaHint}</Typography.Paragraph>
          {criteria.map((criterion, i) => (
            <div key={criterion}>
              <Form.Item name={['checks', i, 'met']} valuePropName="checked" style={{ marginBottom: 4 }}>
                <Checkbox>{fill(w.met, { criterion })}</Checkbox>
              </Form.Item>
              <TextField label={fill(w.evidenceFor, { criterion })} name={['checks', i, 'evidence']} max={2000} w={{ ...w, fieldRequired: w.evidenceRequired }} />
            </div>
          ))}
          <Form.Item label={w.outcome} name="outcome">
            <Radio.Group
              options={[
                { value: 'pass', label: w.pass },
                { value: 'return', label: w.return },
                { value: 'fail', label: w.fail },
              ]}
            />
          </Form.Item>
          <TextField label={w.reason} name="reason" max={1000} rows={3} w={{ ...w, fieldRequired: w.reasonRequired }} />
        </>
      }
    />
  );
}

/**
 * The host unit's account the grant is paid to. The number's form (8 to 32 digits) is the API's rule,
 * checked there once: its refusal names the field.
 */
export function BankAccountDialog({ view, w, onDone, onClose }: DialogProps) {
  type V = { bank: string; accountNumber: string; accountName?: string };
  return (
    <FormDialog<V, View>
      title={fill(w.bankTitle, { name: view.name })}
      initial={{ bank: view.bankAccount?.bank ?? '', accountName: view.bankAccount?.accountName ?? '' }}
      send={(v) =>
        api.PUT('/studios/{id}/bank-account', {
          ...path(view),
          body: { bank: v.bank.trim(), accountNumber: v.accountNumber, ...(v.accountName?.trim() && { accountName: v.accountName.trim() }) },
        })
      }
      onDone={onDone}
      onClose={onClose}
      fields={
        <>
          <TextField label={w.bank} name="bank" max={100} w={{ ...w, fieldRequired: w.bankRequired }} />
          <Form.Item
            label={w.accountNumber}
            name="accountNumber"
            extra={w.accountNumberHint}
            rules={[{ required: true, whitespace: true, message: w.accountNumberRequired }]}
          >
            <Input maxLength={40} autoComplete="off" inputMode="numeric" />
          </Form.Item>
          <Form.Item label={w.accountName} name="accountName" extra={fill(w.accountNameHint, { hostUnit: view.hostUnit })}>
            <Input maxLength={100} />
          </Form.Item>
        </>
      }
    />
  );
}

/** A returned application back to screening: what was added, and the studio's fields as corrected (only those changed are sent). */
export function ResubmitDialog({ view, w, onDone, onClose }: DialogProps) {
  type V = StudioForm & { note: string };
  return (
    <FormDialog<V, View>
      title={fill(w.resubmitTitle, { name: view.name })}
      initial={Object.fromEntries(STUDIO_FIELDS.map((f) => [f, view[f]]))}
      send={(v) => {
        const changed = STUDIO_FIELDS.filter((f) => v[f].trim() !== view[f]);
        const form = Object.fromEntries(changed.map((f) => [f, v[f].trim()]));
        return api.POST('/studios/{id}/resubmission', { ...path(view), body: { note: v.note.trim(), ...(changed.length && { form }) } });
      }}
      onDone={onDone}
      onClose={onClose}
      fields={
        <>
          <TextField label={w.note} name="note" max={1000} rows={3} w={{ ...w, fieldRequired: w.noteRequired }} />
          <StudioFormFields w={w} />
        </>
      }
    />
  );
}

export function WithdrawDialog({ view, w, onDone, onClose }: DialogProps) {
  return (
    <FormDialog<{ reason: string }, View>
      title={fill(w.withdrawTitle, { name: view.name })}
      send={(v) => api.POST('/studios/{id}/withdrawal', { ...path(view), body: { reason: v.reason.trim() } })}
      onDone={onDone}
      onClose={onClose}
      fields={<TextField label={w.reason} name="reason" max={1000} rows={3} w={{ ...w, fieldRequired: w.reasonRequired }} />}
    />
  );
}
