// The retention purge, run by the owner role on a schedule (daily is plenty): `DATABASE_URL=… node server/purge.mjs`.
// Closed escalations whose last event is older than app.settings.retention are deleted with their events, and each
// leaves a deletion that clients pull and apply. Prints how many went.
import pg from 'pg';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL to the owner role's connection.");
  process.exit(2);
}
const client = new pg.Client({ connectionString: url });
try {
  await client.connect();
  const { n, retention } = (await client.query('select app.purge_expired() as n, (select retention::text from app.settings) as retention'))
    .rows[0];
  console.log(`Purged ${n} closed escalation(s) untouched for longer than ${retention}.`);
} catch (error) {
  console.error(`Purge failed: ${error.message}`);
  process.exitCode = 1;
} finally {
  await client.end();
}
