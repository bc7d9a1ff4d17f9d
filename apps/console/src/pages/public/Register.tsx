import { Alert, Input, Space, Spin, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { api, refusalText, type Schemas } from '../../api/client';
import { fill } from '../../fill';
import { useWords } from '../../i18n';
import { PersonCard } from './parts';
import { words } from './Register.words';

type Master = Schemas['RegisterPublicEntryDto'];

/** Whether the master matches every word of the search, in any published field. */
function matches(m: Master, search: string): boolean {
  const text = [m.name, m.trade, m.employer, m.studio, String(m.yearNamed)].filter(Boolean).join(' ').toLowerCase();
  return search
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => text.includes(word));
}

/** 名录: the public register of named masters (GET /public/masters), searchable as one types. */
export function Register() {
  const w = useWords(words);
  const [masters, setMasters] = useState<Master[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [search, setSearch] = useState('');

  useEffect(() => {
    void api
      .GET('/public/masters')
      .then(({ data, error: refusal }) => (data ? setMasters((data as Schemas['RegisterListDto']).masters) : setError(refusalText(refusal))));
  }, []);
  const shown = useMemo(() => (masters ?? []).filter((m) => matches(m, search)), [masters, search]);

  if (error) return <Alert type="error" showIcon message={`${w.loadFailed}: ${error}`} role="alert" />;
  if (!masters) return <Spin />;
  const sex = (s: string | null | undefined) => (s === 'male' ? w.male : s === 'female' ? w.female : null);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, marginBottom: 0 }}>
        {w.title}
      </Typography.Title>
      <Input.Search aria-label={w.search} placeholder={w.search} allowClear size="large" onChange={(e) => setSearch(e.target.value)} onSearch={setSearch} />
      <Typography.Text role="status">{fill(w.count, { shown: shown.length, total: masters.length })}</Typography.Text>
      {shown.length === 0 && <Typography.Text>{w.empty}</Typography.Text>}
      {shown.map((m, i) => (
        <PersonCard key={`${m.yearNamed}-${m.name}-${i}`} name={m.name}>
          <Typography.Paragraph style={{ marginBottom: m.deeds ? 8 : 0 }}>
            {[fill(w.yearNamed, { year: m.yearNamed }), sex(m.sex)].filter(Boolean).join(' · ')}
            {m.trade === undefined ? (
              <>
                <br />
                {w.limited}
              </>
            ) : (
              <>
                <br />
                {w.employer}：{m.employer}
                <br />
                {w.trade}：{m.trade}
                {m.studio && (
                  <>
                    <br />
                    {w.studio}：{m.studio}
                  </>
                )}
              </>
            )}
          </Typography.Paragraph>
          {m.deeds && (
            <Typography.Paragraph ellipsis={{ rows: 4, expandable: true, symbol: '…' }} style={{ marginBottom: 0 }}>
              {w.deeds}：{m.deeds}
            </Typography.Paragraph>
          )}
        </PersonCard>
      ))}
      <a href="/public/masters?format=csv" download>
        {w.csv}
      </a>
    </Space>
  );
}
