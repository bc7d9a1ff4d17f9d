import { hkdfSync } from 'node:crypto';
import { ValueError, type DataConverter, type Payload, type PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { isCipherSuite, openAesGcm, openSm4, sealAesGcm, sealSm4, sm4Keys, SUITE_LENGTHS, type CipherSuite, type Sealed, type Sm4Keys } from '../security/cipher-suites';

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const METADATA_CIPHER = 'encryption-cipher';
export const METADATA_KEY_ID = 'encryption-key-id';

/** The keys payloads are sealed under: the personal-data keys (PII_KEYS), from which each suite derives its own. */
export interface PayloadKeys {
  keys: Map<string, Buffer>;
  activeKeyId: string;
  suite: CipherSuite;
}

const PURPOSE = 'temporal-payload';
const utf8 = (s: string) => Buffer.from(s, 'utf8');

/**
 * Seals every Temporal payload (inputs, results, Update arguments, signals, queries, failure details,
 * failures' messages and stack traces as encoded attributes: ./failure-converter.ts),
 * so the Temporal database and UI hold no plaintext — names included. The whole payload (its metadata
 * and data, as protobuf) is encrypted under the active suite and key; the new payload's metadata says
 * `encoding: binary/encrypted`, the suite and the key id, so a key or suite switch leaves older payloads
 * readable. Data: IV ‖ tag ‖ ciphertext; the suite and key id are authenticated with them.
 *
 * A payload without the encrypted encoding passes through decode untouched: histories written before
 * payloads were encrypted (and the recorded histories the replay tests use) stay readable.
 *
 * Codecs run outside the workflow sandbox (client and worker), so workflow code is unaffected. Search
 * attributes are not passed through codecs: they carry ids, stages and statuses only.
 */
export class EncryptionCodec implements PayloadCodec {
  private readonly aes = new Map<string, Buffer>();
  private readonly sm4 = new Map<string, Sm4Keys>();

  constructor(private readonly cfg: PayloadKeys) {}

  async encode(payloads: Payload[]): Promise<Payload[]> {
    const { activeKeyId: keyId, suite } = this.cfg;
    return payloads.map((payload) => {
      const plain = Buffer.from(temporal.api.common.v1.Payload.encode(payload).finish());
      const header = headerOf(suite, keyId);
      const sealed = suite === 'sm4' ? sealSm4(this.sm4Keys(keyId), plain, header) : sealAesGcm(this.aesKey(keyId), plain, header);
      return {
        metadata: { encoding: utf8(ENCRYPTED_ENCODING), [METADATA_CIPHER]: utf8(suite), [METADATA_KEY_ID]: utf8(keyId) },
        data: Buffer.concat([sealed.iv, sealed.tag, sealed.body]),
      };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      const meta = payload.metadata ?? {};
      if (text(meta.encoding) !== ENCRYPTED_ENCODING) return payload;
      const suite = text(meta[METADATA_CIPHER]);
      const keyId = text(meta[METADATA_KEY_ID]);
      if (!isCipherSuite(suite)) throw new ValueError(`cannot decrypt payload: unknown cipher '${suite}'`);
      if (!keyId || !this.cfg.keys.has(keyId)) throw new ValueError(`cannot decrypt payload: unknown key id '${keyId}'`);
      const data = Buffer.from(payload.data ?? []);
      const { iv, tag } = SUITE_LENGTHS[suite];
      if (data.length < iv + tag) throw new ValueError('cannot decrypt payload: too short');
      const sealed: Sealed = { iv: data.subarray(0, iv), tag: data.subarray(iv, iv + tag), body: data.subarray(iv + tag) };
      const header = headerOf(suite, keyId);
      const plain = suite === 'sm4' ? openSm4(this.sm4Keys(keyId), sealed, header) : openAesGcm(this.aesKey(keyId), sealed, header);
      return temporal.api.common.v1.Payload.decode(plain);
    });
  }

  /** AES's payload key: HKDF-SHA-256 of the configured key, so it is not the key that seals stored fields (`v1`). */
  private aesKey(keyId: string): Buffer {
    let key = this.aes.get(keyId);
    if (!key) this.aes.set(keyId, (key = Buffer.from(hkdfSync('sha256', this.cfg.keys.get(keyId)!, Buffer.alloc(0), `${PURPOSE}/aes-256-gcm`, 32))));
    return key;
  }

  private sm4Keys(keyId: string): Sm4Keys {
    let keys = this.sm4.get(keyId);
    if (!keys) this.sm4.set(keyId, (keys = sm4Keys(this.cfg.keys.get(keyId)!, PURPOSE)));
    return keys;
  }
}

function headerOf(suite: CipherSuite, keyId: string): Buffer {
  return utf8(`${PURPOSE}.${suite}.${keyId}`);
}

function text(bytes: Uint8Array | null | undefined): string {
  return bytes ? Buffer.from(bytes).toString('utf8') : '';
}

/**
 * The failure converter's module (./failure-converter): every bundle of the workflows is built with it
 * (`bundleWorkflowCode({ failureConverterPath })`), or failures raised in workflow code — a refused
 * Update's message — would leave the sandbox in clear.
 */
export const FAILURE_CONVERTER_PATH = require.resolve('./failure-converter');

/**
 * The data converter every client, worker, test environment and history reader uses: payloads
 * encrypted, and failures' messages and stack traces with them (encoded attributes).
 */
export function encryptingDataConverter(keys: PayloadKeys): DataConverter {
  return { payloadCodecs: [new EncryptionCodec(keys)], failureConverterPath: FAILURE_CONVERTER_PATH };
}
