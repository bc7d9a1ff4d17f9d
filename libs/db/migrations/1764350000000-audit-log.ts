import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail: one append-only table whose rows are chained by hash (libs/audit/chain.ts).
 * A trigger refuses UPDATE, DELETE and TRUNCATE whoever asks; in production the application's role
 * is also granted INSERT and SELECT only (README, "Audit trail"). One row may follow any other only
 * once (`prev_hash` unique), so two writers that raced past the append lock could never fork the chain.
 */
export const AUDIT_LOG_DDL = [
  `CREATE TABLE audit_log (
    id bigserial PRIMARY KEY,
    at timestamptz NOT NULL,
    alg text NOT NULL CHECK (alg IN ('sha256', 'sm3')),
    actor_issuer text,
    actor_user_id text,
    actor_role text,
    action text NOT NULL,
    route text,
    object_type text,
    object_id text,
    candidate_id uuid,
    round_id uuid,
    status integer,
    detail jsonb NOT NULL DEFAULT '{}',
    prev_hash text NOT NULL UNIQUE,
    hash text NOT NULL
  )`,
  `CREATE INDEX audit_log_candidate ON audit_log (candidate_id, id) WHERE candidate_id IS NOT NULL`,
  `CREATE INDEX audit_log_round ON audit_log (round_id, id) WHERE round_id IS NOT NULL`,
  `CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
   END $$`,
  `CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`,
  `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`,
];

export class AuditLog1764350000000 implements MigrationInterface {
  name = 'AuditLog1764350000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of AUDIT_LOG_DDL) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP FUNCTION audit_log_append_only()`);
  }
}
