// A throwaway PostgreSQL cluster for development, tests and the bench: initdb in a temporary folder, started with
// pg_ctl on a free loopback port, removed on stop. initdb refuses root, so as root it runs as the `postgres` user
// (Debian's postgresql package creates it) and the folder is handed to that user.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN_CANDIDATES = ['/usr/lib/postgresql/15/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/17/bin'];

/** The folder with initdb and pg_ctl: PG_BIN, else Debian's PostgreSQL 15 (or later), else `pg_config --bindir`. */
export function findPostgresBin() {
  if (process.env.PG_BIN) return existsSync(join(process.env.PG_BIN, 'initdb')) ? process.env.PG_BIN : null;
  const found = BIN_CANDIDATES.find((dir) => existsSync(join(dir, 'initdb')));
  if (found) return found;
  try {
    const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
    return existsSync(join(dir, 'initdb')) ? dir : null;
  } catch {
    return null;
  }
}

/** A port free on 127.0.0.1 now (the OS picks it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function uidOf(user) {
  try {
    return {
      uid: Number(execFileSync('id', ['-u', user], { encoding: 'utf8' })),
      gid: Number(execFileSync('id', ['-g', user], { encoding: 'utf8' })),
    };
  } catch {
    return null;
  }
}

/**
 * Starts a cluster. `durable: false` (tests) turns fsync off, which is quicker and loses nothing a test needs.
 * Resolves to { port, host, superuser, dir, url(user, database), stop() }.
 */
export async function startCluster({ durable = false } = {}) {
  const bin = findPostgresBin();
  if (!bin) {
    throw new Error(
      'PostgreSQL was not found (no initdb). Install it (Debian/Ubuntu: apt-get install postgresql) or set PG_BIN to its bin folder.',
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'escalation-pg-'));
  const asRoot = process.getuid?.() === 0;
  let wrap = (command, args) => [command, args];
  if (asRoot) {
    const owner = uidOf('postgres');
    if (!owner)
      throw new Error("Running as root, and there is no `postgres` user to run PostgreSQL as (install Debian's postgresql package).");
    chownSync(dir, owner.uid, owner.gid);
    wrap = (command, args) => ['runuser', ['-u', 'postgres', '--', command, ...args]];
  }
  const run = (tool, args) => {
    const [command, argv] = wrap(join(bin, tool), args);
    const result = spawnSync(command, argv, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${tool} failed (exit ${result.status}): ${result.stderr || result.stdout}`);
    return result.stdout;
  };
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale', ...(durable ? [] : ['--no-sync'])]);
  const port = await freePort();
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c max_connections=100',
    ...(durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
  ].join(' ');
  run('pg_ctl', ['start', '-D', data, '-o', options, '-l', join(dir, 'postgres.log'), '-w', '-t', '30']);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      run('pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-w', '-t', '30']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const host = '127.0.0.1';
  return {
    host,
    port,
    dir,
    superuser: 'postgres',
    url: (user, database = 'postgres', password) =>
      `postgres://${encodeURIComponent(user)}${password ? `:${encodeURIComponent(password)}` : ''}@${host}:${port}/${database}`,
    stop,
  };
}
