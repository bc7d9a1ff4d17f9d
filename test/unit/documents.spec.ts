import { ServiceUnavailableException } from '@nestjs/common';
import { findFaces, parseFace } from '../../apps/api/src/documents/document-fonts';
import { chineseInstant, yuanText } from '../../apps/api/src/documents/official-document';
import { chineseDate } from '../../apps/api/src/documents/pdf-sheet';
import { publicEntry, registerTable } from '../../apps/api/src/register/register-view';
import type { RegisterRow } from '../../apps/api/src/register/register.repository';

describe('printed documents: the font', () => {
  const noto = '/usr/share/fonts/opentype/noto';

  it('takes Noto Serif CJK SC when installed, else Noto Sans CJK SC, the bold falling back to the regular', () => {
    const all = findFaces({ font: null, fontBold: null }, () => true);
    expect(all).toEqual({
      regular: { path: `${noto}/NotoSerifCJK-Regular.ttc`, name: 'NotoSerifCJKsc-Regular' },
      bold: { path: `${noto}/NotoSerifCJK-Bold.ttc`, name: 'NotoSerifCJKsc-Bold' },
    });
    const sansOnly = findFaces({ font: null, fontBold: null }, (p) => p === `${noto}/NotoSansCJK-Regular.ttc`);
    expect(sansOnly.regular).toEqual({ path: `${noto}/NotoSansCJK-Regular.ttc`, name: 'NotoSansCJKsc-Regular' });
    expect(sansOnly.bold).toEqual(sansOnly.regular);
  });

  it('takes DOCUMENT_FONT (path#PostScriptName for a collection) over the installed ones', () => {
    expect(parseFace('/fonts/simsun.ttc#SimSun')).toEqual({ path: '/fonts/simsun.ttc', name: 'SimSun' });
    expect(parseFace('/fonts/FangSong.ttf')).toEqual({ path: '/fonts/FangSong.ttf' });
    expect(findFaces({ font: '/fonts/a.otf', fontBold: null }, () => true)).toEqual({ regular: { path: '/fonts/a.otf' }, bold: { path: '/fonts/a.otf' } });
  });

  it('answers 503 saying what to install when there is no font, or the one named is not there', () => {
    expect(() => findFaces({ font: null, fontBold: null }, () => false)).toThrow(ServiceUnavailableException);
    expect(() => findFaces({ font: null, fontBold: null }, () => false)).toThrow(/fonts-noto-cjk.*DOCUMENT_FONT/);
    expect(() => findFaces({ font: '/nowhere/x.ttf', fontBold: null }, () => false)).toThrow(/DOCUMENT_FONT names a file that is not there: \/nowhere\/x.ttf/);
  });
});

describe('printed documents: dates and money as Chinese documents write them', () => {
  it('dates, and a period ending at midnight as the day before', () => {
    expect(chineseDate('2031-04-08')).toBe('2031年4月8日');
    expect(chineseDate(null)).toBe('');
    expect(chineseInstant(new Date('2031-04-20T02:00:00Z'))).toBe('2031年4月20日10:00');
    expect(chineseInstant(new Date('2031-04-19T16:00:00Z'))).toBe('2031年4月20日');
    expect(chineseInstant(new Date('2031-04-26T16:00:00Z'), true)).toBe('2031年4月26日');
  });

  it('amounts in fen as yuan, in 万 when whole', () => {
    expect(yuanText(2_000_000)).toBe('2万元');
    expect(yuanText(80_000)).toBe('800元');
    expect(yuanText(123_450)).toBe('1234.50元');
  });
});

describe('the public register', () => {
  const row = (over: Partial<RegisterRow> = {}): RegisterRow => ({
    candidateId: '00000000-0000-4000-8000-000000000001',
    name: '王建国',
    sex: 'female',
    trade: '眼镜装配',
    employer: '温州瓯海眼镜有限公司',
    yearNamed: 2031,
    namedOn: '2031-04-28',
    limited: false,
    deeds: '带徒二十余人',
    studio: '王建国眼镜装配技能大师工作室',
    updatedBy: 'office-1',
    updatedAt: '2031-05-01T00:00:00.000Z',
    ...over,
  });

  it('shows a full entry field by field, and a limited one as name and year alone', () => {
    expect(publicEntry(row())).toEqual({
      name: '王建国',
      sex: 'female',
      trade: '眼镜装配',
      employer: '温州瓯海眼镜有限公司',
      yearNamed: 2031,
      studio: '王建国眼镜装配技能大师工作室',
      deeds: '带徒二十余人',
    });
    expect(publicEntry(row({ limited: true }))).toEqual({ name: '王建国', yearNamed: 2031 });
  });

  it('writes the CSV with Chinese headers; a limited entry keeps its name and year, every other cell empty', () => {
    const table = registerTable([row(), row({ limited: true, name: '李明' })]);
    expect(table.columns.map((c) => c.header)).toEqual(['姓名', '性别', '工种', '工作单位', '命名年度', '示范性工作室', '主要事迹']);
    expect(table.rows).toEqual([
      ['王建国', '女', '眼镜装配', '温州瓯海眼镜有限公司', 2031, '王建国眼镜装配技能大师工作室', '带徒二十余人'],
      ['李明', null, null, null, 2031, null, null],
    ]);
  });
});
