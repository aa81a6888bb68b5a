import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { projectRoot } from '../../../src/platform/paths.js';

const execFileAsync = promisify(execFile);

/** The built command line that `npm run test:e2e` produces before the tests run. */
export const cliPath = path.join(projectRoot, 'dist', 'src', 'cli.js');
/** Screenshots and server logs of the browser tests (gitignored). */
export const resultsDir = path.join(projectRoot, 'test-results');

export interface Credentials {
  email: string;
  password: string;
  name?: string;
}

export interface RunningServer {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  /** origin + path */
  url(pathname: string): string;
  kind: 'pglite' | 'postgres';
  /** DATABASE_URL of the child when it runs on the PostgreSQL server, else null. */
  databaseUrl: string | null;
  /** The admin created with the CLI before the server started, if asked for. */
  admin: Credentials | null;
  /** Server output so far (JSON log lines), for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Name used in the log file and database name. */
  name: string;
  /** Create this admin with `cli create-admin` before the server starts. */
  admin?: Credentials;
  /** Further CLI commands to run before the server starts, e.g. ['demo', '--actors', '300']. */
  setup?: string[][];
  env?: Record<string, string>;
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

interface Database {
  env: Record<string, string>;
  kind: 'pglite' | 'postgres';
  databaseUrl: string | null;
  drop(): Promise<void>;
}

/** A fresh, empty database: a temp PGlite DATA_DIR, or a new database on the TEST_DATABASE_URL server. */
async function freshDatabase(name: string): Promise<Database> {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `qn-e2e-${name}-`));
    return {
      env: { DATA_DIR: path.join(dataDir, 'data') },
      kind: 'pglite',
      databaseUrl: null,
      drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  // <base>_t…: the name .ci/run drops with the base database, should a run be interrupted.
  const base = new URL(server).pathname.slice(1) || 'postgres';
  const database = `${base}_te2e${randomBytes(4).toString('hex')}_${name.replace(/[^a-z0-9]/gi, '_').toLowerCase()}`.slice(0, 63);
  // Through the maintenance database, like test/support/test-app.ts: the unit tests clone the
  // TEST_DATABASE_URL database as a template, which must have no sessions meanwhile.
  const maintenance = new URL(server);
  maintenance.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: maintenance.toString() });
  await admin.connect();
  await admin.query(`create database "${database}"`).finally(() => admin.end());
  const url = new URL(server);
  url.pathname = `/${database}`;
  return {
    env: { DATABASE_URL: url.toString() },
    kind: 'postgres',
    databaseUrl: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: maintenance.toString() });
      await client.connect();
      await client.query(`drop database if exists "${database}" with (force)`).finally(() => client.end());
    },
  };
}

/** Runs the built CLI with the given environment (e.g. create-admin before the server starts). */
export async function runCli(args: string[], env: Record<string, string>): Promise<string> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [cliPath, ...args], {
      cwd: projectRoot,
      env: { ...baseEnv(), ...env },
      timeout: 120_000,
    });
    return stdout + stderr;
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`cli ${args[0]} failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
}

/** The parent's environment minus anything that would point the child at another database or SMTP. */
function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined) continue;
    if (['DATABASE_URL', 'DATA_DIR', 'SMTP_URL', 'PORT', 'HOST', 'PUBLIC_URL', 'TEST_DATABASE_URL', 'NODE_OPTIONS'].includes(key)) continue;
    if (key.startsWith('VITEST') || key === 'NODE_ENV') continue;
    env[key] = value;
  }
  return env;
}

async function waitForReady(origin: string, child: ChildProcess, output: () => string, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  let exited: string | null = null;
  child.once('exit', (code, signal) => (exited = `exited with ${code ?? signal}`));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`server ${exited} before it was ready:\n${output().slice(-4000)}`);
    try {
      const response = await fetch(`${origin}/readyz`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`server not ready at ${origin}/readyz after ${timeoutMs} ms:\n${output().slice(-4000)}`);
}

/**
 * Starts the real server (`node dist/src/cli.js serve`) on a free port of 127.0.0.1, on a fresh
 * database, with the job worker on and no SMTP_URL (mail lands in the outbox). Waits for /readyz.
 */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  if (!fs.existsSync(cliPath)) throw new Error(`${cliPath} is missing: run the browser tests with "npm run test:e2e" (it builds first)`);
  const database = await freshDatabase(options.name);
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const env: Record<string, string> = {
    ...baseEnv(),
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'info',
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: origin,
    JOBS: 'true',
    SEED: 'true',
    ...database.env,
    ...options.env,
  };
  let child: ChildProcess | null = null;
  let log = '';
  fs.mkdirSync(path.join(resultsDir, 'server-logs'), { recursive: true });
  const logFile = path.join(resultsDir, 'server-logs', `${options.name}.log`);
  fs.writeFileSync(logFile, '');
  const append = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    log += text;
    if (log.length > 2_000_000) log = log.slice(-1_000_000);
    fs.appendFileSync(logFile, text);
  };
  try {
    if (options.admin) {
      const args = ['create-admin', '--email', options.admin.email, '--password', options.admin.password];
      if (options.admin.name) args.push('--name', options.admin.name);
      append(Buffer.from(await runCli(args, env)));
    }
    for (const command of options.setup ?? []) append(Buffer.from(await runCli(command, env)));
    child = spawn(process.execPath, ['--enable-source-maps', cliPath, 'serve'], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', append);
    child.stderr!.on('data', append);
    await waitForReady(origin, child, () => log);
  } catch (error) {
    if (child) await stopChild(child);
    await database.drop();
    throw error;
  }
  const running = child;
  let stopped = false;
  return {
    origin,
    url: (pathname) => new URL(pathname, origin).toString(),
    kind: database.kind,
    databaseUrl: database.databaseUrl,
    admin: options.admin ?? null,
    output: () => log,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await stopChild(running);
      await database.drop();
    },
  };
}

/** SIGTERM (the server closes cleanly), SIGKILL after 10 s. */
async function stopChild(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** A unique, valid address for a test user. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}@beispiel.de`;
}
