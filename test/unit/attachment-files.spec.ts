import {
  checkUpload,
  cleanFilename,
  contentDisposition,
  declaredType,
  decodeMultipartName,
  extensionType,
  MAX_FILENAME_CHARS,
  sniffContentType,
  type UploadedPart,
} from '../../apps/api/src/attachments/attachment-files';

const PDF = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n%%EOF\n', 'latin1');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0xff, 0xd9]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('\0\0\0\rIHDR', 'latin1')]);
/** What multer reports for a name a browser sent as UTF-8 bytes. */
const asMulterName = (name: string) => Buffer.from(name, 'utf8').toString('latin1');

describe('sniffContentType: the content decides', () => {
  it('recognises PDF, JPEG and PNG by their magic bytes', () => {
    expect(sniffContentType(PDF)).toBe('application/pdf');
    expect(sniffContentType(JPEG)).toBe('image/jpeg');
    expect(sniffContentType(PNG)).toBe('image/png');
  });

  it('refuses everything else, including truncated signatures and near misses', () => {
    for (const b of [
      Buffer.from('hello, this is text pretending to be a pdf'),
      Buffer.from('%PDF'), // no dash
      Buffer.from(' %PDF-1.7'), // not at the start
      Buffer.from([0xff, 0xd8]),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a]),
      Buffer.from('GIF89a'),
      Buffer.alloc(0),
    ]) {
      expect(sniffContentType(b)).toBeNull();
    }
  });
});

describe('declaredType and extensionType', () => {
  it('normalises the image and PDF types a client may declare, and ignores generic ones', () => {
    expect(declaredType('application/pdf')).toBe('application/pdf');
    expect(declaredType('Image/JPG; charset=binary')).toBe('image/jpeg');
    expect(declaredType('image/pjpeg')).toBe('image/jpeg');
    expect(declaredType('image/x-png')).toBe('image/png');
    expect(declaredType('image/gif')).toBe('image/gif');
    expect(declaredType('application/octet-stream')).toBeNull();
    expect(declaredType('')).toBeNull();
    expect(declaredType(undefined)).toBeNull();
  });

  it('reads only the extensions of our three types', () => {
    expect(extensionType('a.PDF')).toBe('application/pdf');
    expect(extensionType('a.jpeg')).toBe('image/jpeg');
    expect(extensionType('a.png')).toBe('image/png');
    expect(extensionType('a.docx')).toBeNull();
    expect(extensionType('pdf')).toBeNull();
  });
});

describe('filenames', () => {
  it('re-decodes the latin1 name multer gives as UTF-8, so Chinese names survive', () => {
    expect(decodeMultipartName(asMulterName('身份证正面.jpg'))).toBe('身份证正面.jpg');
    expect(decodeMultipartName('plain.pdf')).toBe('plain.pdf');
    // Not valid UTF-8 once re-encoded: left as it came.
    expect(decodeMultipartName('café.pdf')).toBe('café.pdf');
    // Already decoded (outside latin1): left alone.
    expect(decodeMultipartName('技能证书.pdf')).toBe('技能证书.pdf');
  });

  it('strips path components of either kind, control characters and blank names', () => {
    expect(cleanFilename('../../etc/passwd.pdf', 'application/pdf')).toBe('passwd.pdf');
    expect(cleanFilename('C:\\Users\\王\\荣誉证书.png', 'image/png')).toBe('荣誉证书.png');
    expect(cleanFilename('a\u0000b\r\n.pdf', 'application/pdf')).toBe('ab.pdf');
    expect(cleanFilename('  spaced.pdf  ', 'application/pdf')).toBe('spaced.pdf');
    expect(cleanFilename('', 'image/jpeg')).toBe('attachment.jpg');
    expect(cleanFilename('..', 'application/pdf')).toBe('attachment.pdf');
    expect(cleanFilename('dir/', 'image/png')).toBe('attachment.png');
    expect(cleanFilename(undefined, 'image/png')).toBe('attachment.png');
  });

  it(`caps a name at ${MAX_FILENAME_CHARS} characters, keeping the extension and whole characters`, () => {
    const long = `${'工'.repeat(300)}.pdf`;
    const cut = cleanFilename(long, 'application/pdf');
    expect(Array.from(cut)).toHaveLength(MAX_FILENAME_CHARS);
    expect(cut.endsWith('工.pdf')).toBe(true);
    const emoji = '😀'.repeat(250);
    const cutEmoji = cleanFilename(emoji, 'image/png');
    expect(Array.from(cutEmoji)).toHaveLength(MAX_FILENAME_CHARS);
    expect(cutEmoji).toBe('😀'.repeat(MAX_FILENAME_CHARS));
    expect(cleanFilename('x'.repeat(200), 'image/png')).toBe('x'.repeat(200));
  });

  it('builds an RFC 8187 Content-Disposition with every unsafe byte percent-encoded', () => {
    expect(contentDisposition('证书.pdf')).toBe("attachment; filename*=UTF-8''%E8%AF%81%E4%B9%A6.pdf");
    expect(contentDisposition(`it's (1) "x"*;.png`)).toBe("attachment; filename*=UTF-8''it%27s%20%281%29%20%22x%22%2A%3B.png");
    expect(decodeURIComponent(contentDisposition('王 建国.jpg').split("''")[1])).toBe('王 建国.jpg');
  });
});

describe('checkUpload', () => {
  const part = (buffer: Buffer, originalname = 'doc.pdf', mimetype = 'application/pdf'): UploadedPart => ({ buffer, originalname, mimetype, size: buffer.length });
  const fieldsOf = (r: ReturnType<typeof checkUpload>) => Object.fromEntries((r.problems ?? []).map((p) => [p.field, p.reason]));

  it('accepts a PDF, a JPEG and a PNG, keeping the cleaned original name', () => {
    expect(checkUpload({ kind: 'id_proof' }, part(PDF, 'a/身份证.pdf'), 1024).ok).toEqual({
      kind: 'id_proof',
      filename: '身份证.pdf',
      contentType: 'application/pdf',
      content: PDF,
    });
    expect(checkUpload({ kind: 'honour' }, part(JPEG, asMulterName('荣誉.jpg'), 'image/jpeg'), 1024).ok?.filename).toBe('荣誉.jpg');
    expect(checkUpload({ kind: 'other' }, part(PNG, 'scan', 'application/octet-stream'), 1024).ok?.contentType).toBe('image/png');
  });

  it('reports a missing or bad kind and a missing file together', () => {
    const r = checkUpload({}, undefined, 1024);
    expect(fieldsOf(r)).toEqual({ kind: expect.stringMatching(/is required; one of: id_proof/), file: expect.stringMatching(/is required/) });
    expect(fieldsOf(checkUpload({ kind: 'selfie' }, part(PDF), 1024))).toEqual({ kind: expect.stringMatching(/must be one of/) });
    expect(fieldsOf(checkUpload({ kind: ['id_proof', 'honour'] }, part(PDF), 1024))).toEqual({ kind: expect.stringMatching(/must be one of/) });
  });

  it('refuses an empty file, an oversized one, and unknown fields', () => {
    expect(fieldsOf(checkUpload({ kind: 'other' }, part(Buffer.alloc(0)), 1024))).toEqual({ file: 'is empty' });
    expect(fieldsOf(checkUpload({ kind: 'other' }, part(Buffer.concat([PDF, Buffer.alloc(2000)])), 1024)).file).toMatch(/larger than the limit of 1024 bytes/);
    expect(fieldsOf(checkUpload({ kind: 'other', note: 'x' }, part(PDF), 1024))).toEqual({ note: 'should not exist' });
    expect(fieldsOf(checkUpload({ kind: 'other', file: 'text' }, undefined, 1024))).toEqual({ file: expect.stringMatching(/must be a file part/) });
  });

  it('decides the type by content: text named .pdf, a mismatched declaration or extension is refused', () => {
    const text = Buffer.from('just some text\n');
    expect(fieldsOf(checkUpload({ kind: 'other' }, part(text, 'fake.pdf', 'application/pdf'), 1024)).file).toMatch(/must be a PDF, JPEG or PNG/);
    expect(fieldsOf(checkUpload({ kind: 'other' }, part(PNG, 'x.bin', 'image/jpeg'), 1024)).file).toBe('is declared as image/jpeg but its content is PNG');
    expect(fieldsOf(checkUpload({ kind: 'other' }, part(PDF, 'x.bin', 'image/gif'), 1024)).file).toBe('is declared as image/gif but its content is PDF');
    expect(fieldsOf(checkUpload({ kind: 'other' }, part(JPEG, 'photo.png', 'application/octet-stream'), 1024)).file).toMatch(/named as PNG .* content is JPEG/);
  });
});
