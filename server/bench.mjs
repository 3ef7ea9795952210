// The team store under a bounded load, from a second process on loopback: `node server/bench.mjs`.
// The server side (PostgreSQL with fsync on, the OIDC server, the gateway) runs in a child process (server/dev.mjs
// --json); this process is the load. It seeds a team of 30 workers and their manager with a year of work
// (50,000 events, in batches pushed by 4 clients at once), then measures pulls: the manager's whole team from the
// start, each worker's own, and one day's changes. Bounded: a fixed number of events, and it stops itself (and the
// server) after --max-seconds whatever happens. `--events N` for another size, `--smoke` for a quick 2,000,
// `--json` for one line of figures.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const smoke = args.includes('--smoke');
const TOTAL = option('--events', smoke ? 2_000 : 50_000);
const WORKERS = 30;
const BATCH = 500;
const CLIENTS = 4;
const MAX_SECONDS = option('--max-seconds', 300);
const EVENTS_PER_ESCALATION = 10;
const DAY_MS = 86_400_000;
const TYPES = ['stage-entered', 'discussion-held', 'timeframe-agreed', 'action-agreed', 'response-received', 'duty-done', 'note-copied'];

const server = spawn(process.execPath, [fileURLToPath(new URL('./dev.mjs', import.meta.url)), '--json', '--durable'], {
  stdio: ['pipe', 'pipe', 'inherit'],
});
const lines = createInterface({ input: server.stdout })[Symbol.asyncIterator]();
const nextLine = async () => JSON.parse((await lines.next()).value);
const ask = async (request) => {
  server.stdin.write(`${JSON.stringify(request)}\n`);
  return nextLine();
};
const stopServer = () => {
  server.stdin.end();
  server.kill('SIGTERM');
};
const deadline = setTimeout(() => {
  console.error(`bench: stopped after ${MAX_SECONDS} s (the bound), before it finished.`);
  stopServer();
  process.exit(1);
}, MAX_SECONDS * 1000);

/** A year of one team's work: escalations of ~10 events, each worker's spread over the year, oldest first. */
function yearOfEvents(total, start) {
  const perWorker = [];
  for (let w = 0; w < WORKERS; w++) perWorker.push([]);
  for (let i = 0; i < total; i++) {
    const w = i % WORKERS;
    const mine = perWorker[w];
    const n = mine.length;
    const escalation = `esc-w${w}-${Math.floor(n / EVENTS_PER_ESCALATION)}`;
    const step = n % EVENTS_PER_ESCALATION;
    const at = new Date(start + Math.floor((n / (total / WORKERS)) * 365 * DAY_MS)).toISOString();
    const type = step === 0 ? 'created' : step === EVENTS_PER_ESCALATION - 1 ? 'resolved' : TYPES[step % TYPES.length];
    mine.push({
      id: randomUUID(),
      escalationId: escalation,
      orderKey: `${at}:${String(n).padStart(6, '0')}:w${w}`,
      payload: {
        type,
        at,
        stage: 1 + (step % 4),
        note: `Step ${step} of escalation ${escalation}: agreed next steps with the other agency.`,
      },
    });
  }
  return perWorker;
}

async function request(base, token, path, body) {
  const response = await fetch(`${base}${path}`, {
    method: body ? 'POST' : 'GET',
    headers: { authorization: `Bearer ${token}`, ...(body && { 'content-type': 'application/json' }) },
    body: body && JSON.stringify(body),
  });
  const answer = await response.json();
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${answer.message}`);
  return answer;
}

async function pullEverything(base, token, cursor) {
  let count = 0;
  for (;;) {
    const page = await request(base, token, `/v1/pull?${new URLSearchParams(cursor ? { cursor } : {})}`);
    count += page.events.length;
    cursor = page.cursor;
    if (!page.more) return { count, cursor };
  }
}

const seconds = (from) => (performance.now() - from) / 1000;

try {
  const { gateway } = await nextLine();
  const workers = Array.from({ length: WORKERS }, (_, w) => `bench-worker-${w}`);
  await ask({ team: 'bench-team', workers, managers: ['bench-manager'] });
  const tokens = [];
  for (const sub of workers) tokens.push((await ask({ sub, roles: ['worker'] })).token);
  const manager = (await ask({ sub: 'bench-manager', roles: ['team-manager'] })).token;

  // Push: every worker's year in batches of 500, 4 clients at once.
  const year = yearOfEvents(TOTAL, Date.now() - 365 * DAY_MS);
  const batches = year.flatMap((events, w) => {
    const out = [];
    for (let i = 0; i < events.length; i += BATCH) out.push({ token: tokens[w], events: events.slice(i, i + BATCH) });
    return out;
  });
  let pushed = 0;
  const pushStart = performance.now();
  const queue = [...batches];
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      for (let batch = queue.shift(); batch; batch = queue.shift()) {
        const { inserted } = await request(gateway, batch.token, '/v1/events', { events: batch.events });
        pushed += inserted;
      }
    }),
  );
  const pushSeconds = seconds(pushStart);

  // A retry of the first batch stores nothing (the bench checks, as the tests do).
  const retried = await request(gateway, batches[0].token, '/v1/events', { events: batches[0].events });

  // Pull: the manager's team from the start; one worker's own; then one day's changes (a 365th of the year).
  const teamStart = performance.now();
  const team = await pullEverything(gateway, manager);
  const teamSeconds = seconds(teamStart);
  const ownStart = performance.now();
  const own = await pullEverything(gateway, tokens[0]);
  const ownSeconds = seconds(ownStart);
  const day = Math.max(1, Math.round(TOTAL / 365));
  const dayEvents = yearOfEvents(day * WORKERS, Date.now())
    .flat()
    .slice(0, day);
  dayEvents.forEach((e, i) => Object.assign(e, { escalationId: `esc-day-${i % 10}` }));
  await request(gateway, tokens[0], '/v1/events', { events: dayEvents });
  const dayStart = performance.now();
  const changes = await pullEverything(gateway, manager, team.cursor);
  const dayMs = seconds(dayStart) * 1000;

  const figures = {
    machine: 'this machine (2 shared cores), loopback, PostgreSQL 15 with fsync on',
    events: TOTAL,
    pushed,
    pushEventsPerSecond: Math.round(pushed / pushSeconds),
    pushSeconds: Number(pushSeconds.toFixed(2)),
    retryInserted: retried.inserted,
    teamPulled: team.count,
    teamPullEventsPerSecond: Math.round(team.count / teamSeconds),
    teamPullSeconds: Number(teamSeconds.toFixed(2)),
    workerPulled: own.count,
    workerPullMs: Math.round(ownSeconds * 1000),
    dayChanges: changes.count,
    dayPullMs: Math.round(dayMs),
  };
  if (pushed !== TOTAL || team.count !== TOTAL || retried.inserted !== 0 || changes.count !== day) {
    throw new Error(`counts do not add up: ${JSON.stringify(figures)}`);
  }
  if (args.includes('--json')) console.log(JSON.stringify(figures));
  else {
    console.log(`Team store under load (${figures.machine}; figures are this machine's, one run):
  push   ${pushed} events (team of ${WORKERS}, a year) in ${figures.pushSeconds} s: ${figures.pushEventsPerSecond} events/s (batches of ${BATCH}, ${CLIENTS} clients); a retried batch stored ${retried.inserted}
  pull   the manager's team from the start: ${team.count} events in ${figures.teamPullSeconds} s: ${figures.teamPullEventsPerSecond} events/s (pages of 1000)
         one worker's own: ${own.count} events in ${figures.workerPullMs} ms
         one day's changes (${changes.count} events) after the manager's cursor: ${figures.dayPullMs} ms`);
  }
} catch (error) {
  console.error(`bench: ${error.message}`);
  process.exitCode = 1;
} finally {
  clearTimeout(deadline);
  stopServer();
}
