import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Client } from '@temporalio/client';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../auth/roles.decorator';
import { TEMPORAL_CLIENT } from '../common/temporal.module';
import { HealthDto } from './health.responses';

type Check = { status: 'up' | 'down'; error?: string };

/** What GET /health answers (HealthDto documents it). */
export interface HealthBody {
  status: 'up' | 'down';
  database: Check;
  temporal: Check;
  workflows: { blocked: number | null; error?: string };
}

/**
 * Running workflows Temporal flags for repeated workflow-task failures — above all a history the
 * deployed code no longer replays (non-determinism). Such a workflow is not failed: its task retries
 * and it waits, blocked, for a fix or a reset. The server sets `TemporalReportedProblems` after two
 * consecutive task failures and clears it once a task succeeds.
 */
const BLOCKED = `TemporalReportedProblems IS NOT NULL AND ExecutionStatus = 'Running'`;

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
  @ApiOperation({ summary: 'State of the database and of Temporal, and how many workflows are blocked for repair; 503 when either is down' })
  @ApiOkResponse({ type: HealthDto, description: 'the database and Temporal are up' })
  @ApiServiceUnavailableResponse({ type: HealthDto, description: 'the database or Temporal is down' })
  async health(@Res() res: Response): Promise<void> {
    const [database, temporal, workflows] = await Promise.all([
      check(() => this.ds.query('SELECT 1')),
      check(() => this.temporal.workflowService.getSystemInfo({})),
      this.blocked(),
    ]);
    const ok = database.status === 'up' && temporal.status === 'up';
    const body: HealthBody = { status: ok ? 'up' : 'down', database, temporal, workflows };
    res.status(ok ? 200 : 503).json(body);
  }

  /** A blocked workflow needs an operator, not a restart: reported, without turning the service's health down. */
  private async blocked(): Promise<{ blocked: number | null; error?: string }> {
    try {
      return { blocked: (await this.temporal.workflow.count(BLOCKED)).count };
    } catch (err) {
      return { blocked: null, error: err instanceof Error ? err.message : String(err) };
    }
  }
}
