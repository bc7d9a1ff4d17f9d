import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The two cipher suites personal data may be sealed under:
 * - `aes-256-gcm`: AES-256-GCM (authenticated encryption), SHA-256 where a hash is needed. The default.
 * - `sm4`: the national suite (商用密码, GB/T 32907 SM4 and GB/T 32905 SM3) for deployments that must
 *   pass a 密评 assessment. Node's crypto offers SM4 only in CBC mode, which does not authenticate,
 *   so each ciphertext carries an HMAC-SM3 tag over its header, IV and ciphertext (encrypt-then-MAC),
 *   checked in constant time before anything is decrypted.
 */
export const CIPHER_SUITES = ['aes-256-gcm', 'sm4'] as const;
export type CipherSuite = (typeof CIPHER_SUITES)[number];

export function isCipherSuite(value: unknown): value is CipherSuite {
  return typeof value === 'string' && (CIPHER_SUITES as readonly string[]).includes(value);
}

/** An IV, a tag and a ciphertext: what either suite produces, laid out by the caller. */
export interface Sealed {
  iv: Buffer;
  tag: Buffer;
  body: Buffer;
}

/** Byte lengths of each suite's IV and tag, for formats that concatenate them. */
export const SUITE_LENGTHS: Record<CipherSuite, { iv: number; tag: number }> = {
  'aes-256-gcm': { iv: 12, tag: 16 },
  sm4: { iv: 16, tag: 32 },
};

/** SM4's two keys, derived from one configured 32-byte key: a 16-byte cipher key and a 32-byte MAC key. */
export interface Sm4Keys {
  enc: Buffer;
  mac: Buffer;
}

/**
 * Derives SM4's keys from a configured 32-byte key by HKDF-SM3, one `purpose` per use (stored fields,
 * Temporal payloads), so no key serves two algorithms or two purposes: the cipher key and the MAC key
 * are independent, and neither is the AES key the same configured entry gives the `v1` format.
 */
export function sm4Keys(master: Buffer, purpose: string): Sm4Keys {
  const derive = (label: string, length: number) => Buffer.from(hkdfSync('sm3', master, Buffer.alloc(0), `${purpose}/sm4-${label}`, length));
  return { enc: derive('enc', 16), mac: derive('mac', 32) };
}

export function sealAesGcm(key: Buffer, plain: Buffer, aad?: Buffer): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  if (aad) cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { iv, tag: cipher.getAuthTag(), body };
}

export function openAesGcm(key: Buffer, { iv, tag, body }: Sealed, aad?: Buffer): Buffer {
  if (iv.length !== 12 || tag.length !== 16) throw new Error('cannot decrypt: malformed IV or tag');
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  if (aad) decipher.setAAD(aad);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]);
}

/** SM4-CBC under a random IV, then HMAC-SM3 over `header ‖ IV ‖ ciphertext`. */
export function sealSm4(keys: Sm4Keys, plain: Buffer, header: Buffer): Sealed {
  const iv = randomBytes(16);
  const cipher = createCipheriv('sm4-cbc', keys.enc, iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { iv, tag: sm3Tag(keys.mac, header, iv, body), body };
}

/** Refuses anything whose tag does not verify, before the ciphertext reaches the cipher (no padding oracle). */
export function openSm4(keys: Sm4Keys, { iv, tag, body }: Sealed, header: Buffer): Buffer {
  if (iv.length !== 16 || tag.length !== 32) throw new Error('cannot decrypt: malformed IV or tag');
  if (!timingSafeEqual(tag, sm3Tag(keys.mac, header, iv, body))) throw new Error('cannot decrypt: authentication tag does not verify');
  const decipher = createDecipheriv('sm4-cbc', keys.enc, iv);
  return Buffer.concat([decipher.update(body), decipher.final()]);
}

function sm3Tag(mac: Buffer, header: Buffer, iv: Buffer, body: Buffer): Buffer {
  // The header's length goes first, so no split of header and IV can be shifted into another.
  const length = Buffer.alloc(4);
  length.writeUInt32BE(header.length);
  return createHmac('sm3', mac).update(length).update(header).update(iv).update(body).digest();
}
