import { Flag, Int, ListOf, NULLABLE, One, OneOf, Text, type Answer, type Fields, type PropertyOptions } from '../common/api-response';
import type { FullEntry, LimitedEntry } from './register-view';
import type { RegisterService } from './register.service';

/** Absent from a limited entry; null where nothing is recorded. */
const FULL_ONLY: PropertyOptions = { nullable: true, optional: true };

/** One master's public entry (register-view.ts): name and year only for a master who asked to be limited. */
export class RegisterPublicEntryDto implements Fields<LimitedEntry | FullEntry> {
  @Text() name!: string;
  @Int() yearNamed!: number;
  @OneOf(['male', 'female'], 'absent when limited', FULL_ONLY) sex!: string | null;
  @Text('absent when limited', { optional: true }) trade!: string;
  @Text('absent when limited', { optional: true }) employer!: string;
  @Text('the demonstration studio named after the master, once named; absent when limited', FULL_ONLY) studio!: string | null;
  @Text('the deeds the office published, null until it does; absent when limited', FULL_ONLY) deeds!: string | null;
}

export class RegisterListDto implements Fields<Answer<RegisterService, 'list'>> {
  @Int('masters listed') total!: number;
  @ListOf(RegisterPublicEntryDto, 'by year named, then by name in pinyin order') masters!: RegisterPublicEntryDto[];
}

/** The office's view of one entry (register-view.ts): what it recorded, by whom and when, and what the public reads. */
export class RegisterOfficeEntryDto implements Fields<Answer<RegisterService, 'setEntry'>> {
  @Text() candidateId!: string;
  @Text() name!: string;
  @Int() yearNamed!: number;
  @Flag('the public entry shows the name and the year named only') limited!: boolean;
  @Text(undefined, NULLABLE) deeds!: string | null;
  @Text(undefined, NULLABLE) updatedBy!: string | null;
  @Text('ISO instant', NULLABLE) updatedAt!: string | null;
  @One(RegisterPublicEntryDto, 'the entry as the public reads it') public!: RegisterPublicEntryDto;
}
