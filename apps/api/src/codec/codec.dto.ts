import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsObject, IsOptional, IsString, ValidateNested } from 'class-validator';

/** One payload as Temporal's remote codec protocol carries it: the proto's JSON form, bytes in base64. */
export class CodecPayloadDto {
  @ApiProperty({ description: 'Metadata entries, each value base64', example: { encoding: 'YmluYXJ5L2VuY3J5cHRlZA==' } })
  @IsObject()
  metadata!: Record<string, string>;

  @ApiPropertyOptional({ description: 'The payload bytes in base64' })
  @IsOptional()
  @IsString()
  data?: string;
}

/** `{ payloads: [...] }`, the body of POST /codec/decode and /codec/encode and of their answers. */
export class CodecRequestDto {
  @ApiProperty({ type: [CodecPayloadDto] })
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => CodecPayloadDto)
  payloads!: CodecPayloadDto[];
}
