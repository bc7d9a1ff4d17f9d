import { Card, Table, Tag } from 'antd';
import { useI18n, useWords } from '../../i18n';
import { words } from '../CandidateFile.words';
import { CardTitle } from './CardTitle';

interface Precheck {
  check: string;
  passed: boolean;
  detail: string;
}

/** The automatic pre-checks (自动预审) made at nomination, each with a pass or fail tag and the API's detail. */
export function PrechecksCard({ prechecks }: { prechecks: Array<Record<string, unknown>> }) {
  const { name } = useI18n();
  const w = useWords(words);
  if (!prechecks.length) return null;
  return (
    <Card title={<CardTitle>{w.prechecks}</CardTitle>}>
      <Table<Precheck>
        size="small"
        rowKey="check"
        pagination={false}
        dataSource={prechecks as unknown as Precheck[]}
        columns={[
          { title: w.check, key: 'check', render: (_, p) => name('precheck', p.check) },
          { title: w.result, key: 'passed', render: (_, p) => (p.passed ? <Tag color="#237804">{w.passed}</Tag> : <Tag color="#a8071a">{w.failed}</Tag>) },
          { title: w.detail, dataIndex: 'detail', key: 'detail' },
        ]}
      />
    </Card>
  );
}
