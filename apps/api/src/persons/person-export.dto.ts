import { ApiProperty } from '@nestjs/swagger';
import { IsIdNumber } from '../common/id-number.validator';

/** The ID number goes in the body, never the URL: an access request must not leave it in an access log. */
export class PersonExportDto {
  @ApiProperty({ description: "The requester's 18-character resident ID number (GB 11643)", example: '11010519491231002X' })
  @IsIdNumber()
  idNumber!: string;
}
