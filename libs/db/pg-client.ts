import { Logger } from '@nestjs/common';
import { Client, type ClientConfig } from 'pg';

const log = new Logger('PostgreSQL');

/**
 * A pg client that always has someone listening for its 'error' event. The pool listens while the
 * client is idle and TypeORM while a query runner holds it, but not in between: a connection cut
 * then (the server restarting, an administrator's pg_terminate_backend, a failover) emitted an
 * error nobody handled, and Node ended the whole process — every activity the worker held was
 * dropped until its timeout. Logged here instead; the client is no longer queryable, so its next
 * query fails (the activity retries) and the pool discards it on release.
 */
export class ResilientPgClient extends Client {
  constructor(config?: string | ClientConfig) {
    super(config);
    this.on('error', (err: Error) => log.warn(`a database connection was lost: ${err.message}`));
  }
}
