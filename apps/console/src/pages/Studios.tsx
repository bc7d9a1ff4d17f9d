import { Alert, Button, Input, Select, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { api, refusalText, session, type Schemas } from '../api/client';
import { fill } from '../fill';
import { codesOf } from '../enum-names';
import { useI18n, useWords } from '../i18n';
import { usePagedList } from '../paged';
import { ExpandingTable, SmallTable } from '../tables';
import { shanghai } from '../time';
import { ApproveBatchDialog, CreateBatchDialog } from './studio/BatchDialogs';
import { RegisterDialog } from './studio/RegisterDialog';
import { StudioDetail } from './studio/StudioDetail';
import { words as formWords } from './studio/StudioForms.words';
import { words } from './Studios.words';

type Batch = Schemas['StudioBatchSummaryDto'];
type Studio = Schemas['StudioSummaryDto'];
type View = Schemas['StudioViewDto'];
type Status = Studio['status'];

/** The list's row as the studio now stands (the reply to an action on it). */
const PAGE_SIZE = 20;

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
  const { name } = useI18n();
  const fw = useWords(formWords);
  const role = session()?.role;
  const office = role === 'union_office';
  const leadership = role === 'leadership';
  const [batches, setBatches] = useState<Batch[] | null>(null);
  const [status, setStatus] = useState<Status | undefined>(undefined);
  // Studios accumulate batch after batch: the office narrows them by status and finds one by its or its master's name.
  const [find, setFind] = useState('');
  // What an action's reply says of a row, until the list reads it again (the list trails the workflows by a moment).
  const [latest, setLatest] = useState<Record<string, Studio>>({});
  const [error, setError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<ReactNode>(null);

  const loadBatches = useCallback(() => {
    void api.GET('/studio-batches', {}).then(({ data, error: e }) => (data ? setBatches(data) : setError(refusalText(e))));
  }, []);
  const fetchPage = useCallback(
    (page: number, pageSize: number) => api.GET('/studios', { params: { query: { status, name: find.trim() || undefined, page, pageSize } } }),
    [status, find],
  );
  const { result, error: listError, pagination, reload: loadStudios } = usePagedList(fetchPage, PAGE_SIZE);
  useEffect(loadBatches, [loadBatches]);
  useEffect(() => setLatest({}), [result]);
  const studios = result && result.items.map((r) => latest[r.id] ?? r);

  const close = () => setDialog(null);
  // A new batch or studio changes the lists and their counts: both are asked again.
  const reload = () => {
    close();
    loadBatches();
    loadStudios();
  };
  const changed = (v: View) => {
    const row = studios?.find((r) => r.id === v.id);
    if (row) setLatest((l) => ({ ...l, [v.id]: summaryOf(row, v) }));
  };
  // The list's rows trail the studios' workflows by a moment: the approval's reply says where each studio now stands.
  const approved = (batch: Schemas['StudioBatchDto']) => {
    close();
    loadBatches();
    const decided = new Map(batch.studios.map((s) => [s.id, s]));
    const follow = (r: Studio) => {
      const s = decided.get(r.id);
      return s ? { ...r, status: s.status, namedOn: s.namedOn } : r;
    };
    setLatest((l) => Object.fromEntries((studios ?? []).map((r) => [r.id, follow(l[r.id] ?? r)])));
  };
  const now = new Date().toISOString();

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {w.title}
      </Typography.Title>
      {(error ?? listError) && <Alert type="error" showIcon role="alert" message={`${w.loadFailed}: ${error ?? listError}`} />}
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
          options={[{ value: 'all', label: w.allStatuses }, ...codesOf('studioStatus').map((s) => ({ value: s as Status, label: name('studioStatus', s) }))]}
        />
        <Input.Search allowClear aria-label={w.find} placeholder={w.find} onSearch={setFind} style={{ width: 280 }} />
        {office && <Button onClick={() => setDialog(<RegisterDialog batches={batches ?? []} w={fw} onDone={reload} onClose={close} />)}>{fw.register}</Button>}
      </Space>
      <ExpandingTable<Studio>
        aria-label={w.studios}
        rows={studios}
        failed={!!listError}
        empty={w.none}
        pagination={{ ...pagination, showSizeChanger: true, showTotal: (n) => fill(w.total, { n }) }}
        expanded={(s) => <StudioDetail id={s.id} w={w} office={office} onChange={changed} />}
        columns={[
          { title: w.studio, dataIndex: 'name' },
          { title: w.master, dataIndex: 'masterName' },
          { title: w.hostUnit, dataIndex: 'hostUnit' },
          { title: w.year, dataIndex: 'batchYear' },
          { title: w.status, render: (_, s) => <Tag>{name('studioStatus', s.status)}</Tag> },
          { title: w.namedOn, render: (_, s) => s.namedOn ?? '—' },
          { title: w.apprentices, dataIndex: 'apprentices' },
        ]}
      />
    </Space>
  );
}
