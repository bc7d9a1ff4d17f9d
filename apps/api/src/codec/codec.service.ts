import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { badRequest } from '../common/validation';
import { TEMPORAL_CLIENT } from '../common/temporal.module';
import type { CodecPayloadDto } from './codec.dto';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Temporal's remote codec protocol over the API's own data converter (the codecs of its Temporal
 * client), so the Temporal UI shows what the service itself would read.
 */
@Injectable()
export class CodecService {
  private readonly codecs: PayloadCodec[];

  constructor(@Inject(TEMPORAL_CLIENT) client: Client) {
    this.codecs = client.options.loadedDataConverter.payloadCodecs;
  }

  decode(payloads: CodecPayloadDto[]): Promise<CodecPayloadDto[]> {
    return this.each(payloads, async (p) => {
      for (const codec of [...this.codecs].reverse()) [p] = await codec.decode([p]);
      return p;
    });
  }

  encode(payloads: CodecPayloadDto[]): Promise<CodecPayloadDto[]> {
    return this.each(payloads, async (p) => {
      for (const codec of this.codecs) [p] = await codec.encode([p]);
      return p;
    });
  }

  /** One payload at a time, so a refusal names the one that failed (a wrong key, a changed byte). */
  private async each(payloads: CodecPayloadDto[], run: (p: Payload) => Promise<Payload>): Promise<CodecPayloadDto[]> {
    const wire = payloads.map(fromJson);
    return Promise.all(
      wire.map((p, i) =>
        run(p).then(toJson, (err: Error) => {
          throw badRequest([{ field: `payloads.${i}`, reason: err.message }]);
        }),
      ),
    );
  }
}

function fromJson(p: CodecPayloadDto, i: number): Payload {
  const bad = (v: unknown) => typeof v !== 'string' || !BASE64.test(v);
  const problems = Object.entries(p.metadata)
    .filter(([, v]) => bad(v))
    .map(([k]) => ({ field: `payloads.${i}.metadata.${k}`, reason: 'must be base64' }));
  if (p.data !== undefined && bad(p.data)) problems.push({ field: `payloads.${i}.data`, reason: 'must be base64' });
  if (problems.length) throw badRequest(problems);
  return {
    metadata: Object.fromEntries(Object.entries(p.metadata).map(([k, v]) => [k, Buffer.from(v, 'base64')])),
    data: Buffer.from(p.data ?? '', 'base64'),
  };
}

function toJson(p: Payload): CodecPayloadDto {
  return {
    metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v ?? []).toString('base64')])),
    data: Buffer.from(p.data ?? []).toString('base64'),
  };
}
