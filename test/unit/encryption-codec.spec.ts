import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { randomBytes } from 'node:crypto';
import type { CipherSuite } from '../../libs/security/cipher-suites';
import { decodeHistory } from '../../libs/temporal/decode-history';
import { EncryptionCodec, ENCRYPTED_ENCODING } from '../../libs/temporal/encryption-codec';

const k1 = randomBytes(32);
const k2 = randomBytes(32);
const codec = (suite: CipherSuite, activeKeyId = 'k1', keys: Record<string, Buffer> = { k1, k2 }) =>
  new EncryptionCodec({ keys: new Map(Object.entries(keys)), activeKeyId, suite });

const PERSON = { candidateId: 'c-1', name: '王建国', idNumber: '11010519491231002X', mobile: '13812345678' };
const plainPayload = () => defaultPayloadConverter.toPayload(PERSON);
const meta = (p: Payload, key: string) => Buffer.from(p.metadata![key]!).toString();
const visible = (p: Payload) => [Buffer.from(p.data!).toString('latin1'), ...Object.values(p.metadata!).map((v) => Buffer.from(v!).toString())].join(' ');

describe(EncryptionCodec.name, () => {
  it.each(['aes-256-gcm', 'sm4'] as const)('seals a payload under %s, naming the suite and key id, and opens it again', async (suite) => {
    const sut = codec(suite);
    const [sealed] = await sut.encode([plainPayload()]);
    expect(meta(sealed, 'encoding')).toBe(ENCRYPTED_ENCODING);
    expect(meta(sealed, 'encryption-cipher')).toBe(suite);
    expect(meta(sealed, 'encryption-key-id')).toBe('k1');
    for (const clear of [PERSON.name, PERSON.idNumber, PERSON.mobile, 'json/plain']) expect(visible(sealed)).not.toContain(clear);
    const [opened] = await sut.decode([sealed]);
    expect(defaultPayloadConverter.fromPayload(opened)).toEqual(PERSON);
    expect(meta(opened, 'encoding')).toBe('json/plain');
  });

  it('lays SM4 payloads out as a 16-byte IV, a 32-byte HMAC-SM3 tag and whole SM4 blocks', async () => {
    const [sealed] = await codec('sm4').encode([plainPayload()]);
    expect((sealed.data!.length - 16 - 32) % 16).toBe(0);
  });

  it('reads payloads sealed under either suite and any configured key, whichever is active', async () => {
    const [aes] = await codec('aes-256-gcm', 'k1').encode([plainPayload()]);
    const [sm4] = await codec('sm4', 'k2').encode([plainPayload()]);
    for (const reader of [codec('aes-256-gcm', 'k2'), codec('sm4', 'k1')])
      for (const p of await reader.decode([aes, sm4])) expect(defaultPayloadConverter.fromPayload(p)).toEqual(PERSON);
  });

  it('passes payloads that are not encrypted through decode (histories from before encryption)', async () => {
    const plain = plainPayload();
    expect(await codec('sm4').decode([plain])).toEqual([plain]);
  });

  it.each(['aes-256-gcm', 'sm4'] as const)('refuses a %s payload whose IV, tag or ciphertext was changed', async (suite) => {
    const sut = codec(suite);
    const [sealed] = await sut.encode([plainPayload()]);
    for (const at of [0, 13, 20, sealed.data!.length - 1]) {
      const data = Buffer.from(sealed.data!);
      data[at] ^= 1;
      await expect(sut.decode([{ ...sealed, data }])).rejects.toThrow(/cannot decrypt|unable to authenticate/);
    }
  });

  it('refuses a payload relabelled with another key id or suite, and names an unknown key id', async () => {
    const sut = codec('sm4');
    const [sealed] = await sut.encode([plainPayload()]);
    const relabel = (key: string, value: string) => ({ ...sealed, metadata: { ...sealed.metadata, [key]: Buffer.from(value) } });
    await expect(sut.decode([relabel('encryption-key-id', 'k2')])).rejects.toThrow(/does not verify/);
    await expect(sut.decode([relabel('encryption-cipher', 'aes-256-gcm')])).rejects.toThrow();
    await expect(codec('sm4', 'k2', { k2 }).decode([sealed])).rejects.toThrow(/unknown key id 'k1'/);
  });
});

describe(decodeHistory.name, () => {
  it('decodes every list of payloads in a history and leaves search attributes alone', async () => {
    const sut = codec('aes-256-gcm');
    const searchAttributes = { indexedFields: { CandidateStage: defaultPayloadConverter.toPayload(['nomination']) } };
    const history = {
      events: [
        { workflowExecutionStartedEventAttributes: { input: { payloads: await sut.encode([plainPayload()]) }, searchAttributes } },
        { workflowExecutionUpdateAcceptedEventAttributes: { acceptedRequest: { input: { args: { payloads: await sut.encode([plainPayload(), plainPayload()]) } } } } },
      ],
    };
    await decodeHistory(history, [sut]);
    const started = history.events[0].workflowExecutionStartedEventAttributes!;
    expect(defaultPayloadConverter.fromPayload(started.input.payloads[0])).toEqual(PERSON);
    expect(
      history.events[1].workflowExecutionUpdateAcceptedEventAttributes!.acceptedRequest.input.args.payloads.map((p) => defaultPayloadConverter.fromPayload(p)),
    ).toEqual([PERSON, PERSON]);
    expect(defaultPayloadConverter.fromPayload(started.searchAttributes.indexedFields.CandidateStage)).toEqual(['nomination']);
  });
});
