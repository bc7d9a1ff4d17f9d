import { Button, Form, Input, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { api, type Schemas } from '../../api/client';
import { FormDialog } from '../../FormDialog';
import { shanghai } from '../../time';
import { dateRule, StudioFormFields, TextField, type FormWords, type StudioForm } from './studio-fields';

type Batch = Schemas['StudioBatchSummaryDto'];

/** The named masters, one each: every named master is offered the recuperation trip, so its list names them all. */
function useNamedMasters(): Array<{ value: string; label: string }> {
  const [masters, setMasters] = useState<Array<{ value: string; label: string }>>([]);
  useEffect(() => {
    void api
      .GET('/benefits', { params: { query: { kind: 'recuperation_trip' } } })
      .then(({ data }) => setMasters((data ?? []).map((b) => ({ value: b.candidateId, label: `${b.name}（${b.candidateId.slice(0, 8)}）` }))));
  }, []);
  return masters;
}

/** The office applies for a studio named after a named master, in a batch taking applications, with its "N" apprentices. */
export function RegisterDialog({ batches, w, onDone, onClose }: { batches: Batch[]; w: FormWords; onDone: (studioId: string) => void; onClose: () => void }) {
  type V = StudioForm & { batchId: string; masterId: string; apprentices: Array<{ name: string; startOn: string }> };
  const masters = useNamedMasters();
  const now = new Date().toISOString();
  const open = batches.filter((b) => b.opensAt <= now && now < b.closesAt);
  return (
    <FormDialog<V, { studioId?: string }>
      title={w.registerTitle}
      width={640}
      initial={{ batchId: open.length === 1 ? open[0].id : undefined, apprentices: [{ name: '', startOn: '' }] }}
      send={(v) =>
        api.POST('/studios', {
          body: {
            batchId: v.batchId,
            masterId: v.masterId,
            name: v.name.trim(),
            hostUnit: v.hostUnit.trim(),
            premises: v.premises.trim(),
            trade: v.trade.trim(),
            plan: v.plan.trim(),
            apprentices: v.apprentices.map((a) => ({ name: a.name.trim(), startOn: a.startOn })),
          },
        })
      }
      onDone={(reply) => onDone(String(reply.studioId))}
      onClose={onClose}
      fields={
        <>
          {/* required={false}: antd would mark a Select's wrapper aria-required, which axe refuses on a div; the rule still checks. */}
          <Form.Item label={w.batch} name="batchId" required={false} rules={[{ required: true, message: w.batchRequired }]}>
            <Select options={open.map((b) => ({ value: b.id, label: `${b.year}（${shanghai(b.opensAt)} — ${shanghai(b.closesAt)}）` }))} />
          </Form.Item>
          <Form.Item label={w.master} name="masterId" required={false} rules={[{ required: true, message: w.masterRequired }]}>
            <Select showSearch optionFilterProp="label" options={masters} />
          </Form.Item>
          <StudioFormFields w={w} />
          <Form.List
            name="apprentices"
            rules={[{ validator: (_, rows?: unknown[]) => (rows?.length ? Promise.resolve() : Promise.reject(new Error(w.apprenticesRequired))) }]}
          >
            {(rows, { add, remove }, { errors }) => (
              <Form.Item label={w.apprentices}>
                {rows.map((row, i) => (
                  <Space key={row.key} align="start" wrap>
                    <TextField label={`${w.apprenticeName} ${i + 1}`} name={[row.name, 'name']} max={50} w={{ ...w, fieldRequired: w.nameRequired }} />
                    <Form.Item label={`${w.startOn} ${i + 1}`} name={[row.name, 'startOn']} rules={[dateRule(w, true)]}>
                      <Input placeholder="2026-05-01" />
                    </Form.Item>
                    <Button onClick={() => remove(row.name)} aria-label={`${w.removeRow} ${i + 1}`}>
                      {w.removeRow}
                    </Button>
                  </Space>
                ))}
                <Button onClick={() => add({ name: '', startOn: '' })}>{w.addRow}</Button>
                <Form.ErrorList errors={errors} />
              </Form.Item>
            )}
          </Form.List>
        </>
      }
    />
  );
}
