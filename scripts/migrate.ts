import { runMigrations } from '../libs/db/data-source';

/** Applies pending migrations to DATABASE_URL (the `migrate` service in docker-compose). */
async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required');
  const applied = await runMigrations(url);
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'schema up to date');
}

main().catch((err) => {
  console.error((err as Error).message);
  process.exit(1);
});
