import { Obj, OneOf, type Fields } from '../common/api-response';
import type { HealthBody } from './health.controller';

export class HealthDto implements Fields<HealthBody> {
  @OneOf(['up', 'down'], 'up only when the database and Temporal both are') status!: string;
  @Obj('{status: up|down, error?}') database!: object;
  @Obj('{status: up|down, error?}') temporal!: object;
  @Obj('{blocked: running workflows blocked for repair (null if Temporal could not say), error?}') workflows!: object;
}
