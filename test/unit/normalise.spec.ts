import { checkUpload } from '../../apps/api/src/attachments/attachment-files';
import { isNormalText, MAX_DEPTH, normaliseInput } from '../../apps/api/src/common/normalise';

describe('text as the service keeps it', () => {
  it('cleans text: NFC, no invisible or direction characters, no surrounding spaces', () => {
    const { value, problems } = normaliseInput({ name: ' 王\u202e建国\u200b ', nested: [{ reason: 'Cafe\u0301\u00a0' }], n: 3, ok: null });
    expect(problems).toEqual([]);
    expect(value).toEqual({ name: '王建国', nested: [{ reason: 'Café' }], n: 3, ok: null });
  });

  it('refuses control characters, broken UTF-16, prototype keys and deep nesting, naming the field', () => {
    const body = JSON.parse('{"a":{"__proto__":{"x":1}},"list":["ok","bad\\u0000"],"s":"\\ud800","constructor":1}');
    expect(normaliseInput(body).problems).toEqual([
      { field: 'a.__proto__', reason: 'is not an accepted field' },
      { field: 'list.1', reason: 'contains a control character' },
      { field: 's', reason: 'is not valid Unicode text' },
      { field: 'constructor', reason: 'is not an accepted field' },
    ]);
    let deep: unknown = 1;
    for (let i = 0; i < MAX_DEPTH + 1; i++) deep = { d: deep };
    expect(normaliseInput(deep).problems).toEqual([{ field: 'd.'.repeat(MAX_DEPTH).slice(0, -1), reason: `nests deeper than ${MAX_DEPTH} levels` }]);
    // Tabs and line breaks are text.
    expect(normaliseInput({ findings: 'line one\n\tline two' }).problems).toEqual([]);
  });

  it('tells text already clean from text the pipe would change', () => {
    expect(isNormalText('abc')).toBe(true);
    for (const s of [' abc', 'a\u200bc', 'a\u0000', '\ud800', '']) expect([s, isNormalText(s)]).toEqual([s, s === '']);
  });
});

describe('an upload’s name must agree with its content', () => {
  const pdf = (originalname: string) =>
    checkUpload({ kind: 'other' }, { originalname, size: 9, buffer: Buffer.from('%PDF-1.4 x'), mimetype: 'application/octet-stream' }, 1e6);
  it.each(['evil.html', 'setup.exe', 'report\u202efdp.exe', 'photo.png'])('refuses %s holding a PDF', (name) => {
    expect(pdf(name).problems?.map((p) => p.field)).toEqual(['file']);
  });
  it('names a file without an extension by its content, and drops invisible characters', () => {
    expect(pdf('扫描件').ok?.filename).toBe('扫描件.pdf');
    expect(pdf('证书\u200b.PDF').ok?.filename).toBe('证书.PDF');
  });
});
