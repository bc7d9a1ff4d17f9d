import { createHash } from 'node:crypto';
import { ChainVerifier, GENESIS, canonicalJson, canonicalRow, rowHash, type AuditRow, type HashAlgorithm } from '../../libs/audit/chain';
import { redact, redactText } from '../../libs/audit/redact';

/** A chain of `n` rows as the log would write it. */
function chain(n: number, alg: HashAlgorithm = 'sha256'): AuditRow[] {
  const rows: AuditRow[] = [];
  let prev = GENESIS;
  for (let i = 1; i <= n; i++) {
    const row = {
      id: String(i),
      at: new Date(Date.UTC(2031, 4, 1, 8, 0, i)).toISOString(),
      alg,
      actor: { issuer: 'local', userId: `office-${i}`, role: 'union_office' },
      action: 'POST /candidates/:id/decisions',
      route: 'POST /candidates/:id/decisions',
      objectType: 'candidate',
      objectId: `00000000-0000-4000-8000-00000000000${i % 10}`,
      candidateId: `00000000-0000-4000-8000-00000000000${i % 10}`,
      roundId: null,
      status: 200,
      detail: { body: { stage: 'qualification', outcome: 'approve', reason: `理由 ${i}` } },
      prevHash: prev,
    };
    const hash = rowHash(prev, row);
    rows.push({ ...row, hash });
    prev = hash;
  }
  return rows;
}

const verify = (rows: AuditRow[], batch = 3) => {
  const v = new ChainVerifier();
  for (let i = 0; i < rows.length; i += batch) v.feed(rows.slice(i, i + batch));
  return { rows: v.rows, firstBrokenRow: v.firstBrokenRow, headHash: v.headHash };
};

describe('audit chain', () => {
  it('serialises with sorted keys at every depth, so jsonb reordering keys changes nothing', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: null }], c: '王' } })).toBe('{"a":{"c":"王","d":[2,{"y":null,"z":1}]},"b":1}');
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    const [row] = chain(1);
    const reordered = { ...row, detail: { body: { reason: '理由 1', outcome: 'approve', stage: 'qualification' } } };
    expect(canonicalRow(reordered)).toBe(canonicalRow(row));
  });

  it('hashes the previous hash and the canonical row with SHA-256, or SM3 when configured', () => {
    const [row] = chain(1);
    const expected = createHash('sha256')
      .update(`${GENESIS}\n${canonicalRow(row)}`)
      .digest('hex');
    expect(row.hash).toBe(expected);
    const [sm3] = chain(1, 'sm3');
    expect(sm3.hash).toBe(
      createHash('sm3')
        .update(`${GENESIS}\n${canonicalRow(sm3)}`)
        .digest('hex'),
    );
    expect(sm3.hash).not.toBe(row.hash);
  });

  it('verifies an intact chain across batches, mixing algorithms row by row', () => {
    const rows = chain(10);
    expect(verify(rows)).toEqual({ rows: 10, firstBrokenRow: null, headHash: rows[9].hash });
    // A chain switched to SM3 part-way stays verifiable: each row names its algorithm.
    const mixed = chain(4);
    const next = { ...chain(5, 'sm3')[4], prevHash: mixed[3].hash };
    mixed.push({ ...next, hash: rowHash(mixed[3].hash, next) });
    expect(verify(mixed).firstBrokenRow).toBeNull();
  });

  it('finds an edited row at that row, even when only its detail changed', () => {
    const rows = chain(10);
    rows[4] = { ...rows[4], detail: { body: { ...(rows[4].detail.body as object), outcome: 'reject' } } };
    expect(verify(rows)).toMatchObject({ rows: 10, firstBrokenRow: '5' });
  });

  it('finds a row whose hash was recomputed after an edit at the next row', () => {
    const rows = chain(10);
    const edited = { ...rows[4], actor: { ...rows[4].actor, userId: 'someone-else' } };
    rows[4] = { ...edited, hash: rowHash(edited.prevHash, edited) };
    expect(verify(rows).firstBrokenRow).toBe('6');
  });

  it('finds a deleted row at the row after it, and two swapped rows at the first of them', () => {
    const rows = chain(10);
    expect(verify([...rows.slice(0, 6), ...rows.slice(7)]).firstBrokenRow).toBe('8');
    const swapped = [...rows];
    [swapped[2], swapped[3]] = [swapped[3], swapped[2]];
    expect(verify(swapped).firstBrokenRow).toBe('4');
    // The same contents moved under each other's ids: the id is part of what is hashed.
    const relabelled = rows.map((r) => ({ ...r }));
    [relabelled[2].id, relabelled[3].id] = [relabelled[3].id, relabelled[2].id];
    expect(verify(relabelled).firstBrokenRow).toBe('4');
  });

  it('keeps counting past the first broken row', () => {
    const rows = chain(6);
    rows[1] = { ...rows[1], status: 403 };
    expect(verify(rows, 2)).toMatchObject({ rows: 6, firstBrokenRow: '2' });
  });
});

describe('audit redaction', () => {
  it('drops ID numbers, mobiles, addresses, names and account numbers by field, at any depth', () => {
    const body = {
      stage: 'qualification',
      outcome: 'approve',
      reason: '材料齐全',
      amountFen: 80000,
      name: '王建国',
      idNumber: '11010519491231002X',
      form: { mobile: '13812345678', homeAddress: '瓯海区娄桥街道古岸头村12号', employer: '温州瓯海眼镜有限公司' },
      bankAccount: { bank: '工商银行', accountNumber: '6222020200112233445', accountName: '王建国' },
      masters: [{ name: '李四', idNumber: '330304197001010012', roundYear: 2019 }],
    };
    const out = JSON.stringify(redact(body));
    for (const secret of ['王建国', '11010519491231002X', '13812345678', '古岸头村', '6222020200112233445', '李四', '330304197001010012'])
      expect(out).not.toContain(secret);
    expect(redact(body)).toMatchObject({ stage: 'qualification', outcome: 'approve', reason: '材料齐全', amountFen: 80000, masters: [{ roundYear: 2019 }] });
  });

  it('cuts ID numbers, mobiles and account numbers out of free text, and bounds what is large', () => {
    expect(redactText('身份证11010519491231002X有误，联系13812345678')).toBe('身份证[redacted]有误，联系[redacted]');
    expect(redactText('x'.repeat(1000))).toMatch(/…\[1000 characters\]$/);
    expect(redact({ selected: Array.from({ length: 500 }, (_, i) => ({ candidateId: String(i) })) })).toEqual({ selected: '[500 items]' });
    // NUL cannot go into jsonb and a lone surrogate cannot be written as JSON text.
    expect(redactText('a\u0000b\ud800c')).toBe('ab\ufffdc');
  });
});
