import { Alert, Button, Select, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { api, refusalText, session, type Schemas } from '../api/client';
import { fill } from '../fill';
import { useWords } from '../i18n';
import { ExpandingTable, SmallTable } from '../tables';
import { shanghai } from '../time';
import { ApproveBatchDialog, CreateBatchDialog } from './studio/BatchDialogs';
import { RegisterDialog } from './studio/RegisterDialog';
import { StudioDetail, type Words } from './studio/StudioDetail';
import { words as formWords } from './studio/StudioForms.words';
import { words } from './Studios.words';

type Batch = Schemas['StudioBatchSummaryDto'];
type Studio = Schemas['StudioSummaryDto'];
type View = Schemas['StudioViewDto'];
type Status = Studio['status'];

const STATUSES: Status[] = ['applied', 'returned', 'screened', 'named', 'rejected', 'not_approved', 'withdrawn'];
const statusName = (w: Words, s: Status) => (s === 'named' ? w.namedStatus : w[s]);

/** The list's row as the studio now stands (the reply to an action on it). */
const summaryOf = (row: Studio, v: View): Studio => ({
  ...row,
  name: v.name,
  hostUnit: v.hostUnit,
  trade: v.trade,
  status: v.status,
  namedOn: v.namedOn,
  apprentices: v.apprentices.length,
});

/**
 * 工匠工作室: the studio batches (GET /studio-batches) and the studios (GET /studios), each opening onto
 * its application, screenings, grant and apprentices (studio/StudioDetail). The office (the API's only
 * role for these) opens batches, applies for studios and takes each studio's next step; the leadership
 * group approves a batch once its window closed. Other readers see the page without buttons.
 */
export function Studios() {
  const w = useWords(words);
  const fw = useWords(formWords);
  const role = session()?.role;
  const office = role === 'union_office';
  const leadership = role === 'leadership';
  const [batches, setBatches] = useState<Batch[] | null>(null);
  const [studios, setStudios] = useState<Studio[] | null>(null);
  const [status, setStatus] = useState<Status | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<ReactNode>(null);

  const loadBatches = useCallback(() => {
    void api.GET('/studio-batches', {}).then(({ data, error: e }) => (data ? setBatches(data) : setError(refusalText(e))));
  }, []);
  const loadStudios = useCallback(() => {
    void api
      .GET('/studios', { params: { query: { ...(status ? { status } : {}), pageSize: 100 } } })
      .then(({ data, error: e }) => (data ? setStudios(data.items) : setError(refusalText(e))));
  }, [status]);
  useEffect(loadBatches, [loadBatches]);
  useEffect(loadStudios, [loadStudios]);

  const close = () => setDialog(null);
  // A new batch or studio changes the lists and their counts: both are asked again.
  const reload = () => {
    close();
    loadBatches();
    loadStudios();
  };
  const changed = (v: View) => setStudios((rows) => rows && rows.map((r) => (r.id === v.id ? summaryOf(r, v) : r)));
  // The list's rows trail the studios' workflows by a moment: the approval's reply says where each studio now stands.
  const approved = (batch: Schemas['StudioBatchDto']) => {
    close();
    loadBatches();
    const decided = new Map(batch.studios.map((s) => [s.id, s]));
    const follow = (r: Studio) => {
      const s = decided.get(r.id);
      return s ? { ...r, status: s.status, namedOn: s.namedOn } : r;
    };
    setStudios((rows) => rows && rows.map(follow));
  };
  const now = new Date().toISOString();

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {w.title}
      </Typography.Title>
      {error && <Alert type="error" showIcon role="alert" message={`${w.loadFailed}: ${error}`} />}
      {dialog}
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {w.batches}
      </Typography.Title>
      {office && <Button onClick={() => setDialog(<CreateBatchDialog w={fw} onDone={reload} onClose={close} />)}>{fw.createBatch}</Button>}
      {!batches && !error ? (
        <Spin />
      ) : (
        <SmallTable<Batch>
          aria-label={w.batches}
          dataSource={batches ?? []}
          columns={[
            { title: w.year, dataIndex: 'year' },
            { title: w.window, render: (_, b) => `${shanghai(b.opensAt)} — ${shanghai(b.closesAt)}` },
            { title: w.applications, dataIndex: 'applications' },
            { title: w.named, dataIndex: 'named' },
            {
              title: w.approvedAt,
              render: (_, b) =>
                b.approvedAt ? (
                  shanghai(b.approvedAt)
                ) : leadership && b.closesAt <= now ? (
                  <Button
                    size="small"
                    aria-label={fill(fw.approveTitle, { year: b.year })}
                    onClick={() => setDialog(<ApproveBatchDialog batch={b} w={fw} onDone={approved} onClose={close} />)}
                  >
                    {fw.approveBatch}
                  </Button>
                ) : (
                  w.notYet
                ),
            },
          ]}
        />
      )}
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {w.studios}
      </Typography.Title>
      <Space wrap>
        <Select<Status | 'all'>
          aria-label={w.filterStatus}
          style={{ width: 220 }}
          value={status ?? 'all'}
          onChange={(v) => setStatus(v === 'all' ? undefined : v)}
          options={[{ value: 'all', label: w.allStatuses }, ...STATUSES.map((s) => ({ value: s, label: statusName(w, s) }))]}
        />
        {office && <Button onClick={() => setDialog(<RegisterDialog batches={batches ?? []} w={fw} onDone={reload} onClose={close} />)}>{fw.register}</Button>}
      </Space>
      <ExpandingTable<Studio>
        aria-label={w.studios}
        rows={studios}
        failed={!!error}
        empty={w.none}
        expanded={(s) => <StudioDetail id={s.id} w={w} office={office} onChange={changed} />}
        columns={[
          { title: w.studio, dataIndex: 'name' },
          { title: w.master, dataIndex: 'masterName' },
          { title: w.hostUnit, dataIndex: 'hostUnit' },
          { title: w.year, dataIndex: 'batchYear' },
          { title: w.status, render: (_, s) => <Tag>{statusName(w, s.status)}</Tag> },
          { title: w.namedOn, render: (_, s) => s.namedOn ?? '—' },
          { title: w.apprentices, dataIndex: 'apprentices' },
        ]}
      />
    </Space>
  );
}
