// Applies server/migrations/NNN_name.sql in order, each in its own transaction with its version recorded, as the
// owner role. `node server/migrate.mjs` with DATABASE_URL (the owner's connection). A file changed after it was
// applied is refused: migrations are added, never edited.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
/** The role the migrations grant to: the gateway logs in as it (or as a member of it). */
export const GATEWAY_ROLE = 'escalation_gateway';

/** The migration files, in version order: `001_team_store.sql` is version 1. */
export function migrationFiles(dir = MIGRATIONS_DIR) {
  return readdirSync(dir)
    .filter((name) => /^\d{3}_[a-z0-9_]+\.sql$/.test(name))
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name), 'utf8');
      return { version: Number(name.slice(0, 3)), name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/** Refuses to run as a role that would make the policies meaningless, or when the gateway's role is unsafe. */
async function checkRoles(client) {
  const me = (await client.query('select current_user as name, rolsuper, rolbypassrls from pg_roles where rolname = current_user')).rows[0];
  if (me.rolsuper || me.rolbypassrls) {
    throw new Error(`Run the migrations as the owner role, not ${me.name} (a superuser or BYPASSRLS role): see server/README.md.`);
  }
  const gateway = (await client.query('select rolsuper, rolbypassrls from pg_roles where rolname = $1', [GATEWAY_ROLE])).rows[0];
  if (!gateway) throw new Error(`The role ${GATEWAY_ROLE} does not exist: create it first (server/README.md, "Roles").`);
  if (gateway.rolsuper || gateway.rolbypassrls) throw new Error(`${GATEWAY_ROLE} must be neither superuser nor BYPASSRLS.`);
  if (me.name === GATEWAY_ROLE) throw new Error(`${GATEWAY_ROLE} must not own the schema: run the migrations as another role.`);
}

/** Applies what is not yet applied. Returns the names applied now. `log` gets one line per migration. */
export async function migrate(connectionString, { dir = MIGRATIONS_DIR, log = () => {} } = {}) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await checkRoles(client);
    await client.query('create schema if not exists app_migrations');
    await client.query(
      'create table if not exists app_migrations.applied (version integer primary key, name text not null, checksum text not null, applied_at timestamptz not null default now())',
    );
    const applied = [];
    for (const file of migrationFiles(dir)) {
      await client.query('begin');
      try {
        await client.query('select pg_advisory_xact_lock(35035035)'); // one migrator at a time
        const done = (await client.query('select checksum from app_migrations.applied where version = $1', [file.version])).rows[0];
        if (done) {
          if (done.checksum !== file.checksum)
            throw new Error(`${file.name} was changed after it was applied: add a new migration instead.`);
          await client.query('commit');
          continue;
        }
        await client.query(file.sql);
        await client.query('insert into app_migrations.applied (version, name, checksum) values ($1, $2, $3)', [
          file.version,
          file.name,
          file.checksum,
        ]);
        await client.query('commit');
        applied.push(file.name);
        log(`applied ${file.name}`);
      } catch (error) {
        await client.query('rollback');
        throw new Error(`${file.name}: ${error.message}`, { cause: error });
      }
    }
    return applied;
  } finally {
    await client.end();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("Set DATABASE_URL to the owner role's connection (postgres://owner@host:5432/escalations).");
    process.exit(2);
  }
  try {
    const applied = await migrate(url, { log: console.log });
    console.log(applied.length ? `${applied.length} migration(s) applied.` : 'Nothing to apply: the database is up to date.');
  } catch (error) {
    console.error(`Migration failed: ${error.message}`);
    process.exit(1);
  }
}
