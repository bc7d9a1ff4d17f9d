import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { defer, lastValueFrom, type Observable } from 'rxjs';
import { APP_CONFIG, type AppConfig } from '../../../../libs/config';
import { TEMPORAL_CLIENT } from './temporal.module';

/**
 * Every request gets one deadline (TEMPORAL_CALL_TIMEOUT) for all it asks of the workflow engine.
 * Without one, an Update or a query to a workflow whose worker is down waits as long as the caller
 * does: the server holds the call until a worker takes the task. The client reads the deadline from
 * the async context, so Updates, queries and history reads made while handling the request obey it.
 */
@Injectable()
export class EngineDeadline implements NestInterceptor {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return defer(() => this.temporal.withDeadline(Date.now() + this.config.temporal.callTimeoutMs, () => lastValueFrom(next.handle(), { defaultValue: undefined })));
  }
}
