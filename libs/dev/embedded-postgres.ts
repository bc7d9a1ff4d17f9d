import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * PostgreSQL for machines without one: PGlite (Postgres compiled to WASM) served over the wire
 * protocol, so the app talks to it through the real `pg` driver and the same migrations.
 */
export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/** Frontend messages of the extended query protocol, which must reach PGlite unbroken up to Sync. */
const EXTENDED = new Set(['P', 'B', 'D', 'E', 'C', 'H'].map((c) => c.charCodeAt(0)));
const SYNC = 'S'.charCodeAt(0);

/**
 * pglite-socket shares one PGlite among connections message by message, keeping a connection's
 * turn only inside a transaction. A Parse from one connection followed by another connection's Bind
 * then breaks both ("bind message supplies 4 parameters, but prepared statement requires 7"). This
 * view of the database reports a Parse…Sync sequence as a transaction, so the connection keeps its
 * turn until its Sync.
 */
export function withUnbrokenExtendedQueries(db: PGlite): PGlite {
  let open = false;
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'isInTransaction') return () => open || target.isInTransaction();
      if (prop === 'execProtocolRawStream') {
        return async (message: Uint8Array, options: unknown) => {
          if (EXTENDED.has(message[0])) open = true;
          try {
            return await target.execProtocolRawStream(message, options as never);
          } finally {
            if (message[0] === SYNC) open = false;
          }
        };
      }
      if (prop === 'exec') {
        // The server rolls back a connection that leaves mid-turn; its sequence ends with it.
        return async (sql: string, ...rest: unknown[]) => {
          if (/^\s*ROLLBACK\s*$/i.test(sql)) open = false;
          return (target.exec as (...a: unknown[]) => unknown)(sql, ...rest);
        };
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

export async function startEmbeddedPostgres(opts: { dataDir?: string; port?: number; maxConnections?: number } = {}): Promise<EmbeddedPostgres> {
  const db = await PGlite.create(opts.dataDir ? { dataDir: opts.dataDir } : {});
  const server = new PGLiteSocketServer({
    db: withUnbrokenExtendedQueries(db),
    host: '127.0.0.1',
    port: opts.port ?? 0,
    maxConnections: opts.maxConnections ?? 32,
  });
  await server.start();
  const conn = server.getServerConn(); // host:port
  return {
    url: `postgres://postgres:postgres@${conn}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
