import { csvCell, csvFile, csvText } from '../../apps/api/src/common/csv';

/** The CSV writer behind the candidate export: RFC 4180 quoting, a BOM for Excel, and no formulas from user text. */
describe('CSV writer', () => {
  it('writes plain text and numbers as they are, and empty cells as nothing', () => {
    expect(csvCell('王建国')).toBe('王建国');
    expect(csvCell(87.5)).toBe('87.5');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(null)).toBe('');
  });

  it('quotes a cell holding a comma, a quote or a line break, doubling the quotes', () => {
    expect(csvCell('温州瓯海眼镜有限公司,二车间')).toBe('"温州瓯海眼镜有限公司,二车间"');
    expect(csvCell('"金手指"工作室')).toBe('"""金手指""工作室"');
    expect(csvCell('第一行\n第二行')).toBe('"第一行\n第二行"');
    expect(csvCell('第一行\r\n第二行')).toBe('"第一行\r\n第二行"');
  });

  it.each(['=HYPERLINK("http://evil.example","点我")', '+86 138', '-1+1', '@SUM(A1:A2)', '\t=1+1', '\r=1+1'])(
    'keeps %j from being read as a formula by prefixing an apostrophe',
    (value) => {
      const cell = csvCell(value);
      const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
      expect(unquoted).toBe(`'${value}`);
    },
  );

  it('leaves numbers alone, negative ones included, and text with a formula character further in', () => {
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell('王=建国')).toBe('王=建国');
    expect(csvCell('1101**********002X')).toBe('1101**********002X');
  });

  it('writes a header line and one CRLF-terminated line per row', () => {
    const text = csvText({
      columns: [{ header: '姓名' }, { header: '专家评分' }],
      rows: [
        ['王建国', 88.25],
        ['李, 四', null],
      ],
    });
    expect(text).toBe('姓名,专家评分\r\n王建国,88.25\r\n"李, 四",\r\n');
  });

  it('starts the file with the UTF-8 byte order mark so Excel reads Chinese correctly', () => {
    const file = csvFile({ columns: [{ header: '姓名' }], rows: [['王建国']] });
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(file.subarray(3).toString('utf8')).toBe('姓名\r\n王建国\r\n');
  });

  it('writes a money column with exactly its decimals: yuan with two', () => {
    const text = csvText({ columns: [{ header: '金额（元）', decimals: 2 }], rows: [[20000], [800.5], [0.01], [null]] });
    expect(text).toBe('金额（元）\r\n20000.00\r\n800.50\r\n0.01\r\n\r\n');
  });
});
