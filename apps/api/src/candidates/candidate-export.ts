import type { Table, TableCell } from '../common/table';
import { AREA_LABELS, CHANNEL_LABELS, INDUSTRY_LABELS, labelOf, STAGE_LABELS, STATUS_LABELS } from './candidate-labels';
import type { CandidateSummary } from './candidate-list.service';

/** Local time as staff read it: the programme's calendar is Asia/Shanghai, whatever the server's zone. */
const shanghai = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export function shanghaiDateTime(iso: string | null): string {
  return iso ? shanghai.format(new Date(iso)) : '';
}

const COLUMNS: Array<{ header: string; width: number; value: (c: CandidateSummary) => TableCell }> = [
  { header: '编号', width: 38, value: (c) => c.id },
  { header: '评选年度', width: 10, value: (c) => c.roundYear },
  { header: '姓名', width: 12, value: (c) => c.name },
  { header: '推荐渠道', width: 10, value: (c) => labelOf(CHANNEL_LABELS, c.channel) },
  { header: '行业', width: 10, value: (c) => labelOf(INDUSTRY_LABELS, c.industry) },
  { header: '工种', width: 14, value: (c) => c.trade },
  { header: '工作单位', width: 28, value: (c) => c.employer },
  { header: '镇街', width: 14, value: (c) => labelOf(AREA_LABELS, c.area) },
  { header: '阶段', width: 16, value: (c) => labelOf(STAGE_LABELS, c.stage) },
  { header: '状态', width: 12, value: (c) => labelOf(STATUS_LABELS, c.status) },
  { header: '截止时间', width: 17, value: (c) => shanghaiDateTime(c.dueAt) },
  { header: '是否逾期', width: 9, value: (c) => (c.overdue ? '是' : '否') },
  { header: '专家评分', width: 9, value: (c) => c.expertScore },
  { header: '推荐时间', width: 17, value: (c) => shanghaiDateTime(c.nominatedAt) },
  { header: '身份证号码', width: 21, value: (c) => (c.erased ? '已删除（保存期满）' : c.idNumber) },
  { header: '手机号码', width: 13, value: (c) => c.mobile },
  { header: '家庭地址', width: 30, value: (c) => c.homeAddress },
];

/** The list as a table with Chinese headers and labels, personal data already masked for the caller. */
export function candidateTable(items: CandidateSummary[]): Table {
  return {
    columns: COLUMNS.map(({ header, width }) => ({ header, width })),
    rows: items.map((c) => COLUMNS.map((col) => col.value(c))),
  };
}
