import { Alert, Form, Input, InputNumber, Radio, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, refusalText, type Schemas } from '../../api/client';
import { fill } from '../../fill';
import { FormDialog } from '../../FormDialog';
import { instantRule, shanghaiInstant } from '../../time';
import { TextField, type FormWords } from './studio-fields';

type Batch = Schemas['StudioBatchSummaryDto'];
type BatchView = Schemas['StudioBatchDto'];

/** A batch (every two years, the API says when another is too near): its year, application window and creation standard. */
export function CreateBatchDialog({ w, onDone, onClose }: { w: FormWords; onDone: () => void; onClose: () => void }) {
  type V = { year: number; opensAt: string; closesAt: string; criteria: string };
  const instant = (label: string, name: string) => (
    <Form.Item label={label} name={name} rules={[{ required: true, message: w.instantInvalid }, instantRule(w.instantInvalid)]}>
      <Input placeholder="2026-04-28 00:00" />
    </Form.Item>
  );
  return (
    <FormDialog<V, { batchId?: string }>
      title={w.createBatch}
      send={(v) =>
        api.POST('/studio-batches', {
          body: {
            year: v.year,
            opensAt: shanghaiInstant(v.opensAt) ?? v.opensAt,
            closesAt: shanghaiInstant(v.closesAt) ?? v.closesAt,
            criteria: v.criteria
              .split('\n')
              .map((c) => c.trim())
              .filter(Boolean),
          },
        })
      }
      onDone={onDone}
      onClose={onClose}
      fields={
        <>
          <Form.Item label={w.year} name="year" rules={[{ required: true, message: w.yearRequired }]}>
            <InputNumber min={2017} max={2100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          {instant(w.opensAt, 'opensAt')}
          {instant(w.closesAt, 'closesAt')}
          <TextField label={w.criteria} name="criteria" max={15000} rows={4} w={{ ...w, fieldRequired: w.criteriaRequired }} />
        </>
      }
    />
  );
}

/** The leadership group's decision on a batch: each screened studio approved (named, its grant instructed) or not, with the reason. */
export function ApproveBatchDialog({ batch, w, onDone, onClose }: { batch: Batch; w: FormWords; onDone: (batch: BatchView) => void; onClose: () => void }) {
  type V = { decisions: Array<{ approve: boolean; reason?: string }> };
  const [studios, setStudios] = useState<BatchView['studios'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api
      .GET('/studio-batches/{id}', { params: { path: { id: batch.id } } })
      .then(({ data, error: e }) => (data ? setStudios(data.studios.filter((s) => s.status === 'screened')) : setError(refusalText(e))));
  }, [batch.id]);
  if (!studios) return error ? <Alert type="error" showIcon role="alert" message={error} /> : <Spin />;
  return (
    <FormDialog<V, BatchView>
      title={fill(w.approveTitle, { year: batch.year })}
      width={640}
      initial={{ decisions: studios.map(() => ({ approve: true })) }}
      send={(v) => {
        const approved = studios.filter((_, i) => v.decisions[i].approve).map((s) => s.id);
        const notApproved = studios.flatMap((s, i) => (v.decisions[i].approve ? [] : [{ studioId: s.id, reason: (v.decisions[i].reason ?? '').trim() }]));
        return api.POST('/studio-batches/{id}/approval', { params: { path: { id: batch.id } }, body: { approved, notApproved } });
      }}
      onDone={onDone}
      onClose={onClose}
      fields={
        <>
          <Typography.Paragraph>{studios.length ? w.approveHint : w.noneScreened}</Typography.Paragraph>
          {studios.map((s, i) => (
            <div key={s.id}>
              <Form.Item label={s.name} name={['decisions', i, 'approve']}>
                <Radio.Group
                  optionType="button"
                  options={[
                    { value: true, label: w.approve },
                    { value: false, label: w.notApprove },
                  ]}
                />
              </Form.Item>
              <Form.Item noStyle dependencies={[['decisions', i, 'approve']]}>
                {({ getFieldValue }) =>
                  getFieldValue(['decisions', i, 'approve']) === false && (
                    <TextField label={`${w.reason}：${s.name}`} name={['decisions', i, 'reason']} max={1000} rows={2} w={{ ...w, fieldRequired: w.reasonRequired }} />
                  )
                }
              </Form.Item>
            </div>
          ))}
        </>
      }
    />
  );
}
