import { Objs, type Fields } from '../common/api-response';
import type { ImportAnswer } from './master-import.service';

export class MasterImportResultDto implements Fields<ImportAnswer> {
  @Objs('files created by this import: {candidateId}') imported!: object[];
  @Objs('masters already imported, left as they were: {candidateId}') unchanged!: object[];
}
