import { ApiProperty } from '@nestjs/swagger';
import { Flag, Int, ListOf, NULLABLE, Objs, One, Text, type Answer, type Fields } from '../common/api-response';
import { RegisterOfficeEntryDto } from '../register/register.responses';
import type { ImportAnswer } from './master-import.service';
import type { MasterListService } from './master-list.service';
import type { MasterView } from './master-view';

export class MasterImportResultDto implements Fields<ImportAnswer> {
  @Objs('files created by this import: {candidateId}') imported!: object[];
  @Objs('masters already imported, left as they were: {candidateId}') unchanged!: object[];
}

export class BenefitCountsDto implements Fields<MasterView['benefits']> {
  @Int() offered!: number;
  @Int() taken_up!: number;
  @Int() declined!: number;
  @Int() granted!: number;
}

/** A named master as staff see them (master-view.ts). */
export class MasterViewDto implements Fields<MasterView> {
  @Text() candidateId!: string;
  @Text() name!: string;
  @Int() yearNamed!: number;
  @Text('the day they were named (YYYY-MM-DD)', NULLABLE) namedOn!: string | null;
  @Text() industry!: string;
  @Text() trade!: string;
  @Text(undefined, NULLABLE) skillLevel!: string | null;
  @Text() employer!: string;
  @Text('sub-district', NULLABLE) area!: string | null;
  @Text('in clear for the programme office, masked (3303**********123X) for every other role; null once erased', NULLABLE) idNumber!: string | null;
  @Text('in clear for the programme office, masked (138****5678) otherwise; null once erased', NULLABLE) mobile!: string | null;
  @Text('in clear for the programme office, cut after 6 characters otherwise; null once erased', NULLABLE) homeAddress!: string | null;
  @Flag('the retention sweep erased the personal data') erased!: boolean;
  @One(RegisterOfficeEntryDto, 'the register entry as the office reads it: whether limited, the deeds even when the public does not see them')
  register!: RegisterOfficeEntryDto;
  @One(BenefitCountsDto, "how many of the master's benefits stand at each status") benefits!: BenefitCountsDto;
}

export class MasterPageDto implements Fields<Answer<MasterListService, 'list'>> {
  @ListOf(MasterViewDto) items!: MasterViewDto[];
  @Int('masters matching') total!: number;
  @Int() page!: number;
  @Int() pageSize!: number;
}

export class MasterYearsDto implements Fields<Answer<MasterListService, 'years'>> {
  @ApiProperty({ type: 'integer', isArray: true, description: 'the latest first' }) years!: number[];
}
