import { importProblems } from '../../apps/api/src/masters/master-import.rules';
import { bodyFromSheets, SheetProblem, toCells } from '../../apps/api/src/masters/master-sheet';

const NOW = new Date('2026-12-07T04:00:00Z');
const terms = { subsidyMonths: 24 };
const row = (over: Record<string, unknown> = {}) => ({
  idNumber: '11010519491231002X',
  roundYear: 2019,
  commendedOn: '2019-12-28',
  bonusPaid: { reference: 'B', paidOn: '2020-01-05' },
  subsidiesPaid: [{ instalment: 1, reference: 'S1', paidOn: '2020-01-10' }],
  ...over,
});

describe('the import rules across fields and rows', () => {
  it('accepts a master as the paper file shows them', () => {
    expect(importProblems({ masters: [row()] }, terms, NOW)).toEqual([]);
  });

  it('names the row and field of each problem', () => {
    const masters = [
      row(),
      row({ idNumber: 'C', roundYear: 2027, commendedOn: '2027-01-01', bonusPaid: null, subsidiesPaid: [] }),
      row({ idNumber: '11010519491231002x' }),
      row({ idNumber: 'A', commendedOn: '2021-03-01', bonusPaid: { reference: 'B', paidOn: '2021-02-01' }, subsidiesPaid: [] }),
      row({
        idNumber: 'B',
        subsidiesPaid: [
          { instalment: 2, reference: 'x', paidOn: '2020-02-10' },
          { instalment: 2, reference: 'y', paidOn: '2020-02-11' },
          { instalment: 25, reference: 'z', paidOn: '2027-01-01' },
        ],
      }),
    ];
    expect(importProblems({ masters }, terms, NOW)).toEqual([
      { field: 'masters.1.roundYear', reason: 'is in the future' },
      { field: 'masters.1.commendedOn', reason: 'is after today: only masters already commended can be imported' },
      { field: 'masters.2.idNumber', reason: 'names the same person as masters.0: a master is imported once' },
      { field: 'masters.3.commendedOn', reason: "must fall in the round's year (2019) or the year after" },
      { field: 'masters.3.bonusPaid.paidOn', reason: 'is before the commendation date 2021-03-01' },
      { field: 'masters.4.subsidiesPaid.1.instalment', reason: 'instalment 2 is listed twice' },
      { field: 'masters.4.subsidiesPaid.2.instalment', reason: 'must be 1 to 24: the subsidy runs 24 months' },
      { field: 'masters.4.subsidiesPaid.2.paidOn', reason: 'is after today' },
    ]);
  });

  it('passes over what is malformed (the field validators name it)', () => {
    expect(importProblems({ masters: [null, 'x', { subsidiesPaid: 'none' }] }, terms, NOW)).toEqual([]);
    expect(importProblems({}, terms, NOW)).toEqual([]);
  });
});

describe('the Excel form of an import', () => {
  const header = ['姓名', '身份证号码', '工作单位', '工种', '行业', '评选年度', '表彰日期', '奖金支付凭证号', '奖金支付日期'];

  it('reads the two sheets into the JSON body, the industry by its Chinese name, the subsidy rows by ID number', () => {
    const { body, origin } = bodyFromSheets([
      {
        name: '名单',
        rows: [
          header,
          ['王建国', '11010519491231002x', '厂', '制鞋', '鞋革', 2019, '2019-12-28', null, null],
          [],
          ['李', 'A', '厂', '工', 'eyewear', '2018', '2018-12-01', 'B1', '2018-12-05'],
        ],
      },
      {
        name: '补贴发放',
        rows: [
          ['身份证号码', '期次', '支付凭证号', '支付日期'],
          ['11010519491231002X', 2, 'S2', '2020-02-10'],
        ],
      },
    ]);
    expect(body.masters).toEqual([
      {
        name: '王建国',
        idNumber: '11010519491231002x',
        employer: '厂',
        trade: '制鞋',
        industry: 'footwear_leather',
        roundYear: 2019,
        commendedOn: '2019-12-28',
        bonusPaid: null,
        subsidiesPaid: [{ instalment: 2, reference: 'S2', paidOn: '2020-02-10' }],
      },
      {
        name: '李',
        idNumber: 'A',
        employer: '厂',
        trade: '工',
        industry: 'eyewear',
        roundYear: 2018,
        commendedOn: '2018-12-01',
        bonusPaid: { reference: 'B1', paidOn: '2018-12-05' },
        subsidiesPaid: [],
      },
    ]);
    expect(
      toCells(
        [
          { field: 'masters.1.bonusPaid.paidOn', reason: 'r' },
          { field: 'masters.0.subsidiesPaid.0.paidOn', reason: 's' },
        ],
        origin,
      ),
    ).toEqual([
      { field: '名单!4.奖金支付日期', reason: 'r' },
      { field: '补贴发放!2.支付日期', reason: 's' },
    ]);
  });

  it('refuses unknown and missing columns, and a paid instalment of nobody on the list', () => {
    const shape = (sheets: Parameters<typeof bodyFromSheets>[0]) => {
      try {
        bodyFromSheets(sheets);
        return [];
      } catch (err) {
        return (err as SheetProblem).problems.map((p) => p.field + ' ' + p.reason.slice(0, 20));
      }
    };
    expect(shape([{ name: '名单', rows: [[...header.slice(1), '备注']] }])).toEqual(['名单!1 column "备注" is not o', '名单!1 the column 姓名 is mis']);
    expect(
      shape([
        { name: '名单', rows: [header, ['王', 'X1', '厂', '工', '鞋革', 2019, '2019-12-28']] },
        {
          name: '补贴发放',
          rows: [
            ['身份证号码', '期次', '支付凭证号', '支付日期'],
            ['X2', 1, 'S', '2020-01-10'],
          ],
        },
      ]),
    ).toEqual(['补贴发放!2.身份证号码 is not on the 名单 she']);
  });
});
