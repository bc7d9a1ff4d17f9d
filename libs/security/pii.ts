import { createHmac } from 'node:crypto';
import { openAesGcm, openSm4, sealAesGcm, sealSm4, sm4Keys, SUITE_LENGTHS, type CipherSuite, type Sealed, type Sm4Keys } from './cipher-suites';

/**
 * Sensitive personal information (ID number, mobile, home address) at rest, sealed under a key named
 * by id, so keys rotate without re-encrypting at once; a keyed hash (blind index) lets the database
 * enforce uniqueness and find a person without ever holding the value in clear.
 *
 * Two formats, each naming its suite and key, so whatever was sealed under one suite stays readable
 * after the active suite changes (both are always read, only the active one is written):
 * - `v1.<keyId>.<iv>.<tag>.<ciphertext>`: AES-256-GCM under the configured key itself.
 * - `s1.<keyId>.<iv>.<tag>.<ciphertext>`: SM4-CBC, tag = HMAC-SM3 over `s1.<keyId>`, IV and ciphertext,
 *   under keys derived from the configured key by HKDF-SM3 (cipher-suites.ts).
 *
 * The blind index is HMAC-SHA-256 under either suite, and never changes on a switch: it is the unique
 * key of a person (one nomination per ID number per round) and how they are found, so a switch that
 * changed it would let everyone already held be nominated again and hide them from look-ups until
 * every row was re-indexed.
 */
export interface PiiKeys {
  keys: Map<string, Buffer>;
  activeKeyId: string;
  indexKey: Buffer;
  /** The suite new values are sealed under (default `aes-256-gcm`); both are read. */
  suite?: CipherSuite;
}

const FORMAT: Record<CipherSuite, string> = { 'aes-256-gcm': 'v1', sm4: 's1' };
/** What SM4 keys for stored fields are derived for (Temporal payloads derive their own). */
const SM4_PURPOSE = 'pii-field';

export class PiiCipher {
  private readonly sm4 = new Map<string, Sm4Keys>();

  constructor(private readonly cfg: PiiKeys) {}

  get suite(): CipherSuite {
    return this.cfg.suite ?? 'aes-256-gcm';
  }

  /** `<format>.<keyId>.<iv>.<tag>.<ciphertext>`, all base64url, under the active suite and key. */
  encrypt(plain: string): string {
    const { format, keyId, sealed } = this.seal(Buffer.from(plain, 'utf8'));
    return [format, keyId, sealed.iv, sealed.tag, sealed.body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
  }

  decrypt(value: string): string {
    const [format, keyId, iv, tag, body, extra] = value.split('.');
    if (body === undefined || extra !== undefined) throw new Error('cannot decrypt: malformed value');
    const sealed: Sealed = { iv: Buffer.from(iv, 'base64url'), tag: Buffer.from(tag, 'base64url'), body: Buffer.from(body, 'base64url') };
    return this.open(format, keyId, sealed).toString('utf8');
  }

  /**
   * Bytes (a document) sealed in the same formats and under the same keys as the strings, without the
   * base64 that would grow a scan by a third: `<format>.<keyId>.` in ASCII, then IV ‖ tag ‖ ciphertext
   * raw (their lengths are the suite's, SUITE_LENGTHS).
   */
  encryptBytes(plain: Buffer): Buffer {
    const { format, keyId, sealed } = this.seal(plain);
    return Buffer.concat([Buffer.from(`${format}.${keyId}.`, 'ascii'), sealed.iv, sealed.tag, sealed.body]);
  }

  decryptBytes(value: Buffer): Buffer {
    const dot1 = value.indexOf(0x2e);
    const dot2 = dot1 < 0 ? -1 : value.indexOf(0x2e, dot1 + 1);
    if (dot1 < 0 || dot2 < 0 || dot2 > 200) throw new Error('cannot decrypt: malformed value');
    const format = value.subarray(0, dot1).toString('ascii');
    const keyId = value.subarray(dot1 + 1, dot2).toString('ascii');
    const suite = (Object.keys(FORMAT) as CipherSuite[]).find((s) => FORMAT[s] === format);
    if (!suite) throw new Error(`cannot decrypt: unknown format '${format}'`);
    const { iv, tag } = SUITE_LENGTHS[suite];
    const rest = value.subarray(dot2 + 1);
    if (rest.length < iv + tag) throw new Error('cannot decrypt: malformed value');
    return this.open(format, keyId, { iv: rest.subarray(0, iv), tag: rest.subarray(iv, iv + tag), body: rest.subarray(iv + tag) });
  }

  private seal(data: Buffer): { format: string; keyId: string; sealed: Sealed } {
    const keyId = this.cfg.activeKeyId;
    const format = FORMAT[this.suite];
    const sealed = format === 'v1' ? sealAesGcm(this.key(keyId), data) : sealSm4(this.sm4Keys(keyId), data, Buffer.from(`${format}.${keyId}`));
    return { format, keyId, sealed };
  }

  private open(format: string, keyId: string, sealed: Sealed): Buffer {
    if (format !== 'v1' && format !== 's1') throw new Error(`cannot decrypt: unknown format '${format}'`);
    return format === 'v1' ? openAesGcm(this.key(keyId), sealed) : openSm4(this.sm4Keys(keyId), sealed, Buffer.from(`${format}.${keyId}`));
  }

  /** Deterministic keyed hash of a normalised value (no whitespace, upper case), for unique constraints and look-ups. */
  blindIndex(kind: string, value: string): string {
    return createHmac('sha256', this.cfg.indexKey)
      .update(`${kind}:${value.replace(/\s+/g, '').toUpperCase()}`)
      .digest('base64url');
  }

  private key(keyId: string): Buffer {
    const key = this.cfg.keys.get(keyId);
    if (!key) throw new Error(`cannot decrypt: unknown key id '${keyId}'`);
    return key;
  }

  private sm4Keys(keyId: string): Sm4Keys {
    let keys = this.sm4.get(keyId);
    if (!keys) this.sm4.set(keyId, (keys = sm4Keys(this.key(keyId), SM4_PURPOSE)));
    return keys;
  }
}

/** `330304199001011234` → `3303**********123X`-style: keep the region prefix and the last four. */
export function maskIdNumber(id: string): string {
  return id.length <= 8 ? '*'.repeat(id.length) : id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4);
}

/** `13812345678` → `138****5678`. */
export function maskMobile(mobile: string): string {
  return mobile.length < 7 ? '*'.repeat(mobile.length) : mobile.slice(0, 3) + '****' + mobile.slice(-4);
}

/** `6222021234567890123` → `***************0123`: the last four digits, enough to tell accounts apart. */
export function maskAccountNumber(account: string): string {
  return account.length <= 4 ? '*'.repeat(account.length) : '*'.repeat(account.length - 4) + account.slice(-4);
}
