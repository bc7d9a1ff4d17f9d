import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Sensitive personal information (ID number, mobile, home address) at rest: AES-256-GCM under a
 * key named by id, so keys rotate without re-encrypting at once; a keyed hash (blind index) lets
 * the database enforce uniqueness and find a person without ever holding the value in clear.
 */
export interface PiiKeys {
  keys: Map<string, Buffer>;
  activeKeyId: string;
  indexKey: Buffer;
}

export class PiiCipher {
  constructor(private readonly cfg: PiiKeys) {}

  /** `v1.<keyId>.<iv>.<tag>.<ciphertext>`, all base64url. */
  encrypt(plain: string): string {
    const key = this.cfg.keys.get(this.cfg.activeKeyId)!;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', this.cfg.activeKeyId, iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
  }

  decrypt(sealed: string): string {
    const [version, keyId, iv, tag, body] = sealed.split('.');
    if (version !== 'v1') throw new Error(`cannot decrypt: unknown format '${version}'`);
    const key = this.cfg.keys.get(keyId);
    if (!key) throw new Error(`cannot decrypt: unknown key id '${keyId}'`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }

  /** Deterministic keyed hash of a normalised value (no whitespace, upper case), for unique constraints and look-ups. */
  blindIndex(kind: string, value: string): string {
    return createHmac('sha256', this.cfg.indexKey)
      .update(`${kind}:${value.replace(/\s+/g, '').toUpperCase()}`)
      .digest('base64url');
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
