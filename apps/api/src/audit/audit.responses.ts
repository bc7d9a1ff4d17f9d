import type { AuditActor, AuditRow } from '../../../../libs/audit';
import { Flag, Int, NULLABLE, Obj, One, OneOf, OPTIONAL, Text, type Answer, type Fields } from '../common/api-response';
import type { AuditController } from './audit.controller';

export class AuditVerifyResultDto implements Fields<Answer<AuditController, 'verify'>> {
  @Flag('the whole chain recomputes') ok!: boolean;
  @Int('rows checked') rows!: number;
  @Int('the id of the first row that fails; null when intact', NULLABLE) firstBrokenRow!: number | null;
  @Text("the recomputed head's hash") headHash!: string;
  @Flag('given an earlier digest: its row still carries its hash', OPTIONAL) digestMatches!: boolean;
}

export class AuditDigestDto implements Fields<Answer<AuditController, 'digest'>> {
  @Text("the chain's head hash as stored") headHash!: string;
  @Int() rows!: number;
  @Int('the head row, null for an empty log', NULLABLE) headId!: number | null;
  @Text('ISO instant') at!: string;
}

export class AuditActorDto implements Fields<AuditActor> {
  @Text(undefined, NULLABLE) issuer!: string | null;
  @Text(undefined, NULLABLE) userId!: string | null;
  @Text(undefined, NULLABLE) role!: string | null;
}

/** A row of the audit log with its place in the chain. */
export class AuditRowDto implements Fields<AuditRow> {
  @Text() id!: string;
  @Text('ISO instant, to the millisecond') at!: string;
  @OneOf(['sha256', 'sm3']) alg!: string;
  @One(AuditActorDto) actor!: AuditActorDto;
  @Text('the route of a write, request.refused, pii.read, payment.instruction_created, …') action!: string;
  @Text(undefined, NULLABLE) route!: string | null;
  @Text(undefined, NULLABLE) objectType!: string | null;
  @Text(undefined, NULLABLE) objectId!: string | null;
  @Text(undefined, NULLABLE) candidateId!: string | null;
  @Text(undefined, NULLABLE) roundId!: string | null;
  @Int('the HTTP status answered', NULLABLE) status!: number | null;
  @Obj('ids, the redacted request, the answer: nothing personal') detail!: object;
  @Text() prevHash!: string;
  @Text() hash!: string;
}
