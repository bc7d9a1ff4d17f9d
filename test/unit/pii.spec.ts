import { randomBytes } from 'node:crypto';
import type { CipherSuite } from '../../libs/security/cipher-suites';
import { maskAccountNumber, maskIdNumber, maskMobile, PiiCipher } from '../../libs/security/pii';

const k1 = randomBytes(32);
const k2 = randomBytes(32);
const indexKey = randomBytes(32);

const cipherWith = (keys: Record<string, Buffer>, activeKeyId: string, index = indexKey, suite?: CipherSuite) =>
  new PiiCipher({ keys: new Map(Object.entries(keys)), activeKeyId, indexKey: index, suite });

/** Flips one bit of one base64url part of a sealed string. */
function tamper(sealed: string, part: number, byte = 0): string {
  const parts = sealed.split('.');
  const buf = Buffer.from(parts[part], 'base64url');
  buf[byte] ^= 0x01;
  parts[part] = buf.toString('base64url');
  return parts.join('.');
}

describe('PiiCipher encrypt/decrypt', () => {
  const cipher = cipherWith({ k1 }, 'k1');

  it.each([
    ['an ID number', '11010519491231002X'],
    ['a mobile number', '13812345678'],
    ['a Chinese home address', '浙江省温州市瓯海区娄桥街道古岸头村 12 号'],
    ['text with emoji and newlines', '工匠大师 🛠\n第二行'],
    ['the empty string', ''],
  ])('round-trips %s', (_label, plain) => {
    expect(cipher.decrypt(cipher.encrypt(plain))).toBe(plain);
  });

  it('does not contain the plain text in the sealed string', () => {
    const sealed = cipher.encrypt('11010519491231002X');
    expect(sealed).not.toContain('11010519491231002X');
    expect(sealed).not.toContain(Buffer.from('11010519491231002X').toString('base64url'));
  });

  it('seals the same value differently every time (random IV), yet each decrypts', () => {
    const sealed = Array.from({ length: 5 }, () => cipher.encrypt('13812345678'));
    expect(new Set(sealed).size).toBe(5);
    expect(new Set(sealed.map((s) => s.split('.')[2])).size).toBe(5); // distinct IVs
    for (const s of sealed) expect(cipher.decrypt(s)).toBe('13812345678');
  });

  it('has the documented shape v1.<keyId>.<iv>.<tag>.<ciphertext>', () => {
    const parts = cipher.encrypt('abc').split('.');
    expect(parts).toHaveLength(5);
    expect(parts[0]).toBe('v1');
    expect(parts[1]).toBe('k1');
    expect(Buffer.from(parts[2], 'base64url')).toHaveLength(12);
    expect(Buffer.from(parts[3], 'base64url')).toHaveLength(16);
  });

  it('refuses a tampered ciphertext', () => {
    const sealed = cipher.encrypt('浙江省温州市瓯海区');
    expect(() => cipher.decrypt(tamper(sealed, 4))).toThrow();
    expect(() => cipher.decrypt(tamper(sealed, 4, 5))).toThrow();
  });

  it('refuses a tampered authentication tag or IV', () => {
    const sealed = cipher.encrypt('13812345678');
    expect(() => cipher.decrypt(tamper(sealed, 3))).toThrow();
    expect(() => cipher.decrypt(tamper(sealed, 2))).toThrow();
  });

  it('refuses a sealed string relabelled with another configured key id', () => {
    const both = cipherWith({ k1, k2 }, 'k1');
    const relabelled = both.encrypt('13812345678').replace(/^v1\.k1\./, 'v1.k2.');
    expect(() => both.decrypt(relabelled)).toThrow();
  });

  it('refuses data sealed under the same key id but a different key', () => {
    const other = cipherWith({ k1: k2 }, 'k1');
    expect(() => cipher.decrypt(other.encrypt('13812345678'))).toThrow();
  });

  it('refuses an unknown key id, naming it', () => {
    const onlyK2 = cipherWith({ k2 }, 'k2');
    expect(() => onlyK2.decrypt(cipher.encrypt('13812345678'))).toThrow(/unknown key id 'k1'/);
  });

  it('refuses an unknown format version', () => {
    const sealed = cipher.encrypt('13812345678').replace(/^v1\./, 'v2.');
    expect(() => cipher.decrypt(sealed)).toThrow(/unknown format 'v2'/);
  });

  it('refuses a truncated sealed string', () => {
    const sealed = cipher.encrypt('13812345678');
    expect(() => cipher.decrypt(sealed.split('.').slice(0, 3).join('.'))).toThrow();
    expect(() => cipher.decrypt('not a sealed value')).toThrow();
  });
});

describe('PiiCipher under the national suite (SM4-CBC + HMAC-SM3)', () => {
  const cipher = cipherWith({ k1 }, 'k1', indexKey, 'sm4');

  it.each([
    ['an ID number', '11010519491231002X'],
    ['a Chinese home address', '浙江省温州市瓯海区娄桥街道古岸头村 12 号'],
    ['exactly one SM4 block', '0123456789abcdef'],
    ['the empty string', ''],
  ])('round-trips %s', (_label, plain) => {
    expect(cipher.decrypt(cipher.encrypt(plain))).toBe(plain);
  });

  it('has the documented shape s1.<keyId>.<16-byte iv>.<32-byte HMAC-SM3 tag>.<whole SM4 blocks>', () => {
    const sealed = cipher.encrypt('13812345678');
    const parts = sealed.split('.');
    expect(parts).toHaveLength(5);
    expect(parts.slice(0, 2)).toEqual(['s1', 'k1']);
    expect(Buffer.from(parts[2], 'base64url')).toHaveLength(16);
    expect(Buffer.from(parts[3], 'base64url')).toHaveLength(32);
    expect(Buffer.from(parts[4], 'base64url')).toHaveLength(16); // 11 bytes padded to one block
    expect(sealed).not.toContain(Buffer.from('13812345678').toString('base64url'));
  });

  it('seals the same value differently every time (random IV)', () => {
    const sealed = Array.from({ length: 5 }, () => cipher.encrypt('13812345678'));
    expect(new Set(sealed.map((s) => s.split('.')[2])).size).toBe(5);
  });

  it('refuses a tampered ciphertext, tag or IV before decrypting, naming the tag', () => {
    const sealed = cipher.encrypt('浙江省温州市瓯海区');
    for (const [part, byte] of [
      [4, 0],
      [4, 20],
      [3, 0],
      [3, 31],
      [2, 0],
      [2, 15],
    ])
      expect(() => cipher.decrypt(tamper(sealed, part, byte))).toThrow(/authentication tag does not verify/);
  });

  it('refuses a truncated tag or IV, and a value relabelled with another key id', () => {
    const both = cipherWith({ k1, k2 }, 'k1', indexKey, 'sm4');
    const parts = both.encrypt('13812345678').split('.');
    expect(() => both.decrypt([...parts.slice(0, 3), parts[3].slice(0, 20), parts[4]].join('.'))).toThrow();
    expect(() => both.decrypt([parts[0], parts[1], parts[2].slice(0, 8), ...parts.slice(3)].join('.'))).toThrow();
    expect(() => both.decrypt(['s1', 'k2', ...parts.slice(2)].join('.'))).toThrow(/does not verify/);
  });

  it('refuses an AES value relabelled as SM4 and the reverse', () => {
    const aes = cipherWith({ k1 }, 'k1');
    expect(() => aes.decrypt(aes.encrypt('13812345678').replace(/^v1\./, 's1.'))).toThrow();
    expect(() => cipher.decrypt(cipher.encrypt('13812345678').replace(/^s1\./, 'v1.'))).toThrow();
  });
});

describe('PiiCipher switching the active suite', () => {
  const aes = cipherWith({ k1 }, 'k1');
  const sm4 = cipherWith({ k1 }, 'k1', indexKey, 'sm4');

  it('reads data sealed under AES-256-GCM after switching to SM4, and writes SM4 from then on', () => {
    const old = aes.encrypt('浙江省温州市瓯海区娄桥街道');
    expect(sm4.decrypt(old)).toBe('浙江省温州市瓯海区娄桥街道');
    expect(sm4.encrypt('x').startsWith('s1.k1.')).toBe(true);
  });

  it('reads data sealed under SM4 after switching back to AES-256-GCM', () => {
    expect(aes.decrypt(sm4.encrypt('11010519491231002X'))).toBe('11010519491231002X');
  });

  it('switches suite and key together: SM4 under a new key still reads AES under the old', () => {
    const next = cipherWith({ k1, k2 }, 'k2', indexKey, 'sm4');
    expect(next.encrypt('x').startsWith('s1.k2.')).toBe(true);
    expect(next.decrypt(aes.encrypt('13812345678'))).toBe('13812345678');
  });

  it('keeps the blind index (the uniqueness key) unchanged across the switch', () => {
    expect(sm4.blindIndex('id', '11010519491231002X')).toBe(aes.blindIndex('id', '11010519491231002X'));
  });
});

describe('PiiCipher sealing bytes (attachments)', () => {
  const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(5000)]);

  it.each<[CipherSuite]>([['aes-256-gcm'], ['sm4']])('round-trips a document under %s, the plain bytes nowhere in the sealed ones', (suite) => {
    const cipher = cipherWith({ k1 }, 'k1', indexKey, suite);
    const sealed = cipher.encryptBytes(pdf);
    expect(sealed.subarray(0, 3).toString()).toBe(suite === 'sm4' ? 's1.' : 'v1.');
    expect(sealed.includes(Buffer.from('%PDF-'))).toBe(false);
    expect(sealed.includes(pdf.subarray(100, 132))).toBe(false);
    expect(cipher.decryptBytes(sealed).equals(pdf)).toBe(true);
  });

  it('reads a document sealed under one suite after switching to the other, and an empty one', () => {
    const aes = cipherWith({ k1 }, 'k1');
    const sm4 = cipherWith({ k1 }, 'k1', indexKey, 'sm4');
    expect(sm4.decryptBytes(aes.encryptBytes(pdf)).equals(pdf)).toBe(true);
    expect(aes.decryptBytes(sm4.encryptBytes(pdf)).equals(pdf)).toBe(true);
    expect(aes.decryptBytes(aes.encryptBytes(Buffer.alloc(0))).length).toBe(0);
  });

  it('refuses a tampered, truncated or unknown-key document', () => {
    const cipher = cipherWith({ k1 }, 'k1', indexKey, 'sm4');
    const sealed = cipher.encryptBytes(pdf);
    const flipped = Buffer.from(sealed);
    flipped[flipped.length - 1] ^= 0x01;
    expect(() => cipher.decryptBytes(flipped)).toThrow(/does not verify/);
    expect(() => cipher.decryptBytes(sealed.subarray(0, 20))).toThrow();
    expect(() => cipherWith({ k2 }, 'k2').decryptBytes(sealed)).toThrow(/unknown key id 'k1'/);
    expect(() => cipher.decryptBytes(pdf)).toThrow();
  });
});

describe('PiiCipher key rotation', () => {
  const before = cipherWith({ k1 }, 'k1');
  const after = cipherWith({ k1, k2 }, 'k2');

  it('still decrypts data sealed under k1 after k2 becomes active', () => {
    const old = before.encrypt('浙江省温州市瓯海区娄桥街道');
    expect(old.split('.')[1]).toBe('k1');
    expect(after.decrypt(old)).toBe('浙江省温州市瓯海区娄桥街道');
  });

  it('seals new data under k2, visible in the sealed string', () => {
    const fresh = after.encrypt('13812345678');
    expect(fresh.startsWith('v1.k2.')).toBe(true);
    expect(after.decrypt(fresh)).toBe('13812345678');
  });

  it('cannot open k2 data with a deployment that only knows k1', () => {
    expect(() => before.decrypt(after.encrypt('13812345678'))).toThrow(/unknown key id 'k2'/);
  });

  it('cannot open k1 data once k1 is removed from the configuration', () => {
    const retired = cipherWith({ k2 }, 'k2');
    expect(() => retired.decrypt(before.encrypt('13812345678'))).toThrow(/unknown key id 'k1'/);
  });
});

describe('PiiCipher.blindIndex', () => {
  const cipher = cipherWith({ k1 }, 'k1');

  it('is deterministic', () => {
    expect(cipher.blindIndex('id_number', '11010519491231002X')).toBe(cipher.blindIndex('id_number', '11010519491231002X'));
  });

  it('is the same across cipher instances (and encryption keys) sharing an index key', () => {
    const rotated = cipherWith({ k1, k2 }, 'k2');
    expect(rotated.blindIndex('id_number', '11010519491231002X')).toBe(cipher.blindIndex('id_number', '11010519491231002X'));
  });

  it('normalises case and surrounding whitespace', () => {
    const canonical = cipher.blindIndex('id_number', '11010519491231002X');
    expect(cipher.blindIndex('id_number', '11010519491231002x')).toBe(canonical);
    expect(cipher.blindIndex('id_number', '  11010519491231002X\n')).toBe(canonical);
    expect(cipher.blindIndex('id_number', '\t11010519491231002x ')).toBe(canonical);
    expect(cipher.blindIndex('mobile', '138 1234 5678')).toBe(cipher.blindIndex('mobile', '13812345678'));
  });

  it('differs for different values', () => {
    expect(cipher.blindIndex('id_number', '11010519491231002X')).not.toBe(cipher.blindIndex('id_number', '110105194912310021'));
  });

  it('differs by kind for the same value', () => {
    expect(cipher.blindIndex('id_number', '13812345678')).not.toBe(cipher.blindIndex('mobile', '13812345678'));
  });

  it('differs by index key', () => {
    const other = cipherWith({ k1 }, 'k1', randomBytes(32));
    expect(other.blindIndex('id_number', '11010519491231002X')).not.toBe(cipher.blindIndex('id_number', '11010519491231002X'));
  });

  it('does not reveal the value', () => {
    const index = cipher.blindIndex('mobile', '13812345678');
    expect(index).not.toContain('13812345678');
    expect(index).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32-byte HMAC in base64url
  });
});

describe('maskIdNumber', () => {
  it('keeps the first four and last four characters of an 18-character number', () => {
    expect(maskIdNumber('33030419900101123X')).toBe('3303**********123X');
    expect(maskIdNumber('330304199001011234')).toBe('3303**********1234');
  });

  it('hides the birth date', () => {
    expect(maskIdNumber('11010519491231002X')).not.toContain('19491231');
  });

  it('masks short values entirely', () => {
    expect(maskIdNumber('12345678')).toBe('********');
    expect(maskIdNumber('')).toBe('');
  });
});

describe('maskMobile', () => {
  it('keeps the first three and last four digits', () => {
    expect(maskMobile('13812345678')).toBe('138****5678');
  });

  it('masks very short values entirely', () => {
    expect(maskMobile('12345')).toBe('*****');
  });
});

describe('maskAccountNumber', () => {
  it('keeps only the last four digits', () => {
    expect(maskAccountNumber('6222021234567890123')).toBe('***************0123');
    expect(maskAccountNumber('1234')).toBe('****');
  });
});
