import { Body, Controller, Header, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthedRequest } from '../auth/auth.guard';
import { Roles } from '../auth/roles.decorator';
import { PersonExportDto } from './person-export.dto';
import { PersonExportResultDto } from './person.responses';
import { PersonsService } from './persons.service';

@ApiTags('persons')
@ApiBearerAuth()
@Controller('persons')
export class PersonsController {
  constructor(private readonly persons: PersonsService) {}

  @Post('export')
  @HttpCode(200)
  @Roles('union_office')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      "Everything the service holds on one person, for the programme office to answer an access request (PIPL art. 45): every file found by the ID number's blind index, in clear, as JSON. The ID number is sent in the body so it stays out of access logs",
  })
  @ApiOkResponse({ type: PersonExportResultDto })
  export(@Body() dto: PersonExportDto, @Req() req: AuthedRequest) {
    return this.persons.export(dto.idNumber, req.claims);
  }
}
