import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Client } from '@temporalio/client';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../auth/roles.decorator';
import { TEMPORAL_CLIENT } from '../common/temporal.module';

type Check = { status: 'up' | 'down'; error?: string };

async function check(probe: () => Promise<unknown>): Promise<Check> {
  try {
    await probe();
    return { status: 'up' };
  } catch (err) {
    return { status: 'down', error: err instanceof Error ? err.message : String(err) };
  }
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly ds: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'State of the database and of Temporal; 503 when either is down' })
  async health(@Res() res: Response): Promise<void> {
    const [database, temporal] = await Promise.all([check(() => this.ds.query('SELECT 1')), check(() => this.temporal.workflowService.getSystemInfo({}))]);
    const ok = database.status === 'up' && temporal.status === 'up';
    res.status(ok ? 200 : 503).json({ status: ok ? 'up' : 'down', database, temporal });
  }
}
