import type { AuditRow } from '../../../../libs/audit';
import { shanghaiDateTime } from '../candidates/candidate-export';
import type { Table } from '../common/table';

/** The audit rows as a table for the CSV writer: one line per row, the chain's hashes included so it can be checked outside. */
export function auditTable(rows: AuditRow[]): Table {
  return {
    columns: [
      { header: '序号', width: 10 },
      { header: '时间', width: 17 },
      { header: '时间(UTC)', width: 26 },
      { header: '签发方', width: 12 },
      { header: '用户', width: 20 },
      { header: '角色', width: 14 },
      { header: '操作', width: 40 },
      { header: '路由', width: 40 },
      { header: '对象类型', width: 14 },
      { header: '对象编号', width: 38 },
      { header: '候选人编号', width: 38 },
      { header: '评选年度编号', width: 38 },
      { header: '状态码', width: 8 },
      { header: '详情', width: 60 },
      { header: '算法', width: 8 },
      { header: '前一哈希', width: 66 },
      { header: '哈希', width: 66 },
    ],
    rows: rows.map((r) => [
      r.id,
      shanghaiDateTime(r.at),
      r.at,
      r.actor.issuer,
      r.actor.userId,
      r.actor.role,
      r.action,
      r.route,
      r.objectType,
      r.objectId,
      r.candidateId,
      r.roundId,
      r.status,
      JSON.stringify(r.detail),
      r.alg,
      r.prevHash,
      r.hash,
    ]),
  };
}
