// npm run bench:http — HTTP throughput and latency of the platform against a bare Fastify server,
// on PostgreSQL and on the embedded PGlite, plus PGlite cold start and idle memory (issue 3).
//
// Everything runs on loopback. Each server is a child process of its own (the platform exactly as
// `npm start` runs it, from dist/); autocannon drives the load from this process.
//
// Environment (all optional):
//   BENCH_PG_URL     admin connection for creating/dropping the benchmark database
//                    (default postgres://postgres@127.0.0.1:5432/postgres)
//   BENCH_DURATION   seconds measured per route and connection count (default 10)
//   BENCH_WARMUP     seconds of unmeasured load before each measurement (default 2)
//   BENCH_ROUNDS     repeat every measurement this often and report medians (default 1)
//   BENCH_CPU_PROF   a directory: run the platform servers with --cpu-prof into it and print the
//                    functions with the most self time of each server at the end
// Exit code: 0 when every target passes, 1 when one fails, 2 when the benchmark itself failed.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon, { type Result } from 'autocannon';
import pg from 'pg';

const root = path.resolve(import.meta.dirname, '..');
const cli = path.join(root, 'dist', 'src', 'cli.js');
const bareServerFile = path.join(root, 'bench', 'bare-server.js');

const numberFromEnv = (name: string, fallback: number) => {
  const raw = process.env[name];
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`);
  return value;
};
const DURATION = numberFromEnv('BENCH_DURATION', 10);
const WARMUP = numberFromEnv('BENCH_WARMUP', 2);
const ROUNDS = Math.max(1, Math.round(numberFromEnv('BENCH_ROUNDS', 1)));
const PG_ADMIN_URL = process.env.BENCH_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const CPU_PROF_DIR = process.env.BENCH_CPU_PROF ? path.resolve(process.env.BENCH_CPU_PROF) : null;
const CONNECTIONS = [100, 10] as const;
const COLD_STARTS = 3;
const IDLE_SECONDS = 5;

// ---------------------------------------------------------------------------------------------
// Child processes

interface Server {
  name: string;
  child: ChildProcess;
  pid: number;
  port: number;
  base: string;
  log: string[];
}

const live = new Set<Server>();
/** pid → server name, to label CPU profiles (Node names them CPU.<date>.<time>.<pid>.<thread>.<seq>). */
const names = new Map<number, string>();

function keepTail(lines: string[], chunk: Buffer) {
  for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) lines.push(line);
  if (lines.length > 40) lines.splice(0, lines.length - 40);
}

function spawnServer(name: string, args: string[], env: Record<string, string>, port: number): Server {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  if (!child.pid) throw new Error(`${name}: could not spawn ${process.execPath}`);
  const server: Server = { name, child, pid: child.pid, port, base: `http://127.0.0.1:${port}`, log: [] };
  names.set(child.pid, name);
  serverPids.set(port, child.pid);
  child.stdout?.on('data', (chunk: Buffer) => keepTail(server.log, chunk));
  child.stderr?.on('data', (chunk: Buffer) => keepTail(server.log, chunk));
  child.once('exit', () => live.delete(server));
  live.add(server);
  return server;
}

function exited(child: ChildProcess) {
  return child.exitCode !== null || child.signalCode !== null;
}

async function stopServer(server: Server) {
  const { child } = server;
  if (exited(child)) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await gone;
  clearTimeout(timer);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Polls until `url` answers 200; returns the milliseconds since `since`. */
async function waitFor200(server: Server, url: string, since: number, timeoutMs = 120_000): Promise<number> {
  while (performance.now() - since < timeoutMs) {
    if (exited(server.child)) throw new Error(`${server.name} exited (code ${server.child.exitCode}) before serving:\n${server.log.join('\n')}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.status === 200) return performance.now() - since;
    } catch {
      // not listening yet
    }
    await sleep(20);
  }
  throw new Error(`${server.name}: ${url} did not answer 200 within ${timeoutMs / 1000} s:\n${server.log.join('\n')}`);
}

async function startPlatform(name: string, database: { url: string } | { dataDir: string }) {
  const port = await freePort();
  const env: Record<string, string> = {
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    JOBS: 'false',
    NODE_ENV: 'production',
    DATABASE_URL: 'url' in database ? database.url : '',
    DATA_DIR: 'dataDir' in database ? database.dataDir : '',
  };
  const args = ['--enable-source-maps'];
  if (CPU_PROF_DIR) args.push('--cpu-prof', `--cpu-prof-dir=${CPU_PROF_DIR}`);
  args.push(cli, 'serve');
  const since = performance.now();
  const server = spawnServer(name, args, env, port);
  const startMs = await waitFor200(server, `${server.base}/`, since);
  return { server, startMs };
}

async function startBare() {
  const port = await freePort();
  const since = performance.now();
  const server = spawnServer('bare Fastify', [bareServerFile], { PORT: String(port) }, port);
  await waitFor200(server, `${server.base}/`, since);
  return server;
}

/** Resident and peak memory of a process, in MB, from /proc/<pid>/status. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

// ---------------------------------------------------------------------------------------------
// Measurements

interface Target {
  key: string;
  label: string;
  route: string;
  base: () => string;
}

interface Run {
  result: Result;
  /** CPU µs per request: server process, PostgreSQL backends, load generator. */
  serverUs: number;
  dbUs: number;
  clientUs: number;
}

interface Row {
  target: string;
  route: string;
  connections: number;
  runs: Run[];
}

const CLOCK_TICKS = 100; // USER_HZ of /proc/<pid>/stat on Linux
const serverPids = new Map<number, number>(); // port → pid
const serverPidOf = (url: string) => serverPids.get(Number(new URL(url).port)) ?? 0;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

function summarise(row: Row) {
  const results = row.runs.map((r) => r.result);
  return {
    rps: median(results.map((r) => r.requests.average)),
    p50: median(results.map((r) => r.latency.p50)),
    p99: median(results.map((r) => r.latency.p99)),
    errors: sum(results.map((r) => r.errors)),
    timeouts: sum(results.map((r) => r.timeouts)),
    non2xx: sum(results.map((r) => r.non2xx)),
    serverUs: median(row.runs.map((r) => r.serverUs)),
    dbUs: median(row.runs.map((r) => r.dbUs)),
    clientUs: median(row.runs.map((r) => r.clientUs)),
  };
}

/** CPU time (user + system, all threads) a process has used so far, in ms; 0 once it is gone. */
function cpuMsOf(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields[0] is field 3 (state)
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS; // utime, stime
  } catch {
    return 0;
  }
}

/**
 * Warm-up, then the measured run. Also takes the CPU time per request of the server process, of
 * the PostgreSQL backends serving it and of this process (autocannon): unlike req/s and latency,
 * these hardly change when something else on the machine competes for the cores.
 */
async function measure(url: string, connections: number, backends: () => Promise<number[]>): Promise<Run> {
  if (WARMUP > 0) await autocannon({ url, connections, duration: WARMUP });
  const serverPid = serverPidOf(url);
  const pids = await backends();
  const before = { server: cpuMsOf(serverPid), db: sum(pids.map(cpuMsOf)), client: process.cpuUsage() };
  const result = await autocannon({ url, connections, duration: DURATION });
  const client = process.cpuUsage(before.client);
  const served = Math.max(1, result.requests.total);
  return {
    result,
    serverUs: ((cpuMsOf(serverPid) - before.server) * 1000) / served,
    dbUs: pids.length ? ((sum(pids.map(cpuMsOf)) - before.db) * 1000) / served : NaN,
    clientUs: (client.user + client.system) / served,
  };
}

async function check(url: string, type: RegExp) {
  const response = await fetch(url);
  const body = await response.arrayBuffer();
  const contentType = response.headers.get('content-type') ?? '';
  if (response.status !== 200 || !type.test(contentType)) throw new Error(`${url}: expected 200 ${type}, got ${response.status} ${contentType}`);
  if (response.headers.get('set-cookie')) console.warn(`note: ${url} sets a cookie`);
  return body.byteLength;
}

// ---------------------------------------------------------------------------------------------
// CPU profile summary (BENCH_CPU_PROF)

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }[];
  samples: number[];
}

function topFunctions(file: string, count = 15) {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const total = profile.samples.length || 1;
  const byFrame = new Map<string, number>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url ? `${url.replace(/^file:\/\//, '').replace(`${root}/`, '')}:${lineNumber + 1}` : '';
    const key = `${functionName || '(anonymous)'} ${where}`.trim();
    byFrame.set(key, (byFrame.get(key) ?? 0) + (node.hitCount ?? 0));
  }
  return [...byFrame.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, hits]) => `${((100 * hits) / total).toFixed(1).padStart(5)} %  ${name}`);
}

// ---------------------------------------------------------------------------------------------

const fmt = (value: number, digits = 0) => (Number.isFinite(value) ? value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '–');

/** The commit measured, with "+ uncommitted changes" when the work tree differs from it. */
function gitDescribe(): string {
  const git = (...args: string[]) => spawnSync('git', args, { cwd: root, encoding: 'utf8' });
  const head = git('log', '-1', '--format=%h %s');
  if (head.status !== 0) return '(not a git checkout)';
  const dirty = git('status', '--porcelain', '--untracked-files=no', '--', 'src', 'migrations', 'package.json').stdout.trim() !== '';
  return `${head.stdout.trim().slice(0, 100)}${dirty ? ' (+ uncommitted changes in src/)' : ''}`;
}

const loadAverage = () => os.loadavg().map((l) => l.toFixed(2)).join(' / ');

async function main() {
  if (!fs.existsSync(cli)) throw new Error(`${cli} is missing: run "npm run build" first (npm run bench:http does)`);
  if (CPU_PROF_DIR) fs.mkdirSync(CPU_PROF_DIR, { recursive: true });

  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(`cannot reach PostgreSQL at ${PG_ADMIN_URL} (${(error as Error).message}); set BENCH_PG_URL or start the server`);
  }
  const pgVersion = (await admin.query<{ v: string }>(`select current_setting('server_version') as v`)).rows[0]!.v;
  const dbName = `qn_bench_${randomBytes(4).toString('hex')}`;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qn-bench-'));
  const dataDir = path.join(tmp, 'data');
  let dbCreated = false;

  const cleanup = async () => {
    await Promise.all([...live].map(stopServer));
    if (dbCreated) {
      await admin.query(`drop database if exists "${dbName}" with (force)`).catch((error: Error) => console.error(`could not drop ${dbName}: ${error.message}`));
      dbCreated = false;
    }
    await admin.end().catch(() => undefined);
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: stopping servers, dropping ${dbName}`);
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const pgliteVersion = (JSON.parse(fs.readFileSync(path.join(root, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string }).version;
  const autocannonVersion = (JSON.parse(fs.readFileSync(path.join(root, 'node_modules/autocannon/package.json'), 'utf8')) as { version: string }).version;
  console.log('# bench:http');
  console.log(`commit ${gitDescribe()}`);
  console.log(`date ${new Date().toISOString()} · ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}) · ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM`);
  console.log(`node ${process.version} · PostgreSQL ${pgVersion} · PGlite ${pgliteVersion} · autocannon ${autocannonVersion}`);
  console.log(`${WARMUP} s warm-up + ${DURATION} s per measurement, connections ${CONNECTIONS.join(' and ')}, ${ROUNDS} round(s)`);
  console.log(`load average before the run: ${loadAverage()}${os.loadavg()[0]! > 0.5 ? ' — the machine is busy: figures will be low and noisy' : ''}\n`);

  try {
    // --- PGlite: first start (create + migrate + seed), then cold starts on the existing data ---
    console.log('PGlite: first start (creates, migrates and seeds the data directory) …');
    const first = await startPlatform('platform on PGlite', { dataDir });
    const firstPeak = memoryOf(first.server.pid).peak;
    console.log(`  first 200 on / after ${fmt(first.startMs)} ms, peak RSS ${fmt(firstPeak)} MB`);
    await stopServer(first.server);

    const coldStarts: number[] = [];
    const idleRss: number[] = [];
    let pglite: Server | null = null;
    for (let i = 1; i <= COLD_STARTS; i++) {
      const started = await startPlatform('platform on PGlite', { dataDir });
      coldStarts.push(started.startMs);
      for (let j = 0; j < 5; j++) {
        for (const route of ['/', '/api/v1/initiative', '/en/', '/impressum']) await (await fetch(started.server.base + route)).arrayBuffer();
      }
      await sleep(IDLE_SECONDS * 1000);
      const memory = memoryOf(started.server.pid);
      idleRss.push(memory.rss);
      console.log(`  cold start ${i}: first 200 on / after ${fmt(started.startMs)} ms; idle RSS after ${IDLE_SECONDS} s: ${fmt(memory.rss)} MB (peak ${fmt(memory.peak)} MB)`);
      if (i < COLD_STARTS) await stopServer(started.server);
      else pglite = started.server;
    }

    // --- PostgreSQL ---
    await admin.query(`create database "${dbName}"`);
    dbCreated = true;
    const pgUrl = new URL(PG_ADMIN_URL);
    pgUrl.pathname = `/${dbName}`;
    console.log(`PostgreSQL: first start on database ${dbName} (migrates and seeds) …`);
    const onPg = await startPlatform('platform on PostgreSQL', { url: pgUrl.toString() });
    console.log(`  first 200 on / after ${fmt(onPg.startMs)} ms`);

    const bare = await startBare();
    const servers = { bare, postgres: onPg.server, pglite: pglite! };

    const sizes = {
      bare: await check(`${bare.base}/`, /application\/json/),
      page: await check(`${onPg.server.base}/`, /text\/html/),
      api: await check(`${onPg.server.base}/api/v1/initiative`, /application\/json/),
    };
    await check(`${pglite!.base}/`, /text\/html/);
    await check(`${pglite!.base}/api/v1/initiative`, /application\/json/);
    console.log(`response sizes: bare ${sizes.bare} B, start page ${fmt(sizes.page / 1024, 1)} KB, /api/v1/initiative ${fmt(sizes.api / 1024, 1)} KB\n`);

    const targets: Target[] = [
      { key: 'bare', label: 'bare Fastify', route: '/', base: () => servers.bare.base },
      { key: 'postgres', label: 'PostgreSQL', route: '/', base: () => servers.postgres.base },
      { key: 'postgres', label: 'PostgreSQL', route: '/api/v1/initiative', base: () => servers.postgres.base },
      { key: 'pglite', label: 'PGlite', route: '/', base: () => servers.pglite.base },
      { key: 'pglite', label: 'PGlite', route: '/api/v1/initiative', base: () => servers.pglite.base },
    ];
    const backendPids = async () =>
      (await admin.query<{ pid: number }>(`select pid from pg_stat_activity where datname = $1 and backend_type = 'client backend'`, [dbName])).rows.map((r) => r.pid);
    const rows = new Map<string, Row>();
    for (let round = 1; round <= ROUNDS; round++) {
      for (const connections of CONNECTIONS) {
        for (const target of targets) {
          const id = `${target.label}|${target.route}|${connections}`;
          if (!rows.has(id)) rows.set(id, { target: target.label, route: target.route, connections, runs: [] });
          const run = await measure(target.base() + target.route, connections, target.key === 'postgres' ? backendPids : async () => []);
          rows.get(id)!.runs.push(run);
          const { result } = run;
          console.log(
            `  round ${round}/${ROUNDS} ${target.label.padEnd(12)} ${target.route.padEnd(19)} c=${String(connections).padEnd(3)} ` +
              `${fmt(result.requests.average).padStart(7)} req/s  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  ` +
              `errors ${result.errors}  timeouts ${result.timeouts}  non-2xx ${result.non2xx}  ` +
              `CPU/req: server ${fmt(run.serverUs)} µs${Number.isNaN(run.dbUs) ? '' : `, PG ${fmt(run.dbUs)} µs`}, autocannon ${fmt(run.clientUs)} µs`,
          );
        }
      }
    }

    console.log(`load average after the load: ${loadAverage()}`);
    const afterLoad = { pglite: memoryOf(servers.pglite.pid), postgres: memoryOf(servers.postgres.pid) };
    await Promise.all(Object.values(servers).map(stopServer));

    // --- Report ---
    const row = (label: string, route: string, connections: number) => rows.get(`${label}|${route}|${connections}`)!;
    const get = (label: string, route: string, connections: number) => summarise(row(label, route, connections));
    /** req/s as a percentage of the bare route's, each round against the bare run of the same round; median. */
    const ratioToBare = (label: string, route: string, connections: number) => {
      const bare = row('bare Fastify', '/', connections).runs;
      return median(row(label, route, connections).runs.map((run, i) => (100 * run.result.requests.average) / bare[i]!.result.requests.average));
    };
    console.log(`\n## Results (${ROUNDS > 1 ? `medians of ${ROUNDS} rounds, the ratio to bare taken within each round; errors summed` : 'one round'})\n`);
    console.log('| server | route | conn. | req/s | p50 ms | p99 ms | errors | timeouts | non-2xx | ratio to bare | CPU µs/req server · PG · load gen. |');
    console.log('|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
    for (const connections of CONNECTIONS) {
      for (const target of targets) {
        const s = get(target.label, target.route, connections);
        const ratio = target.key === 'bare' ? '100 %' : `${fmt(ratioToBare(target.label, target.route, connections), 1)} %`;
        const cpu = `${fmt(s.serverUs)} · ${Number.isNaN(s.dbUs) ? '–' : fmt(s.dbUs)} · ${fmt(s.clientUs)}`;
        console.log(`| ${target.label} | \`${target.route}\` | ${connections} | ${fmt(s.rps)} | ${fmt(s.p50)} | ${fmt(s.p99)} | ${s.errors} | ${s.timeouts} | ${s.non2xx} | ${ratio} | ${cpu} |`);
      }
    }

    const checks: { target: string; goal: string; measured: string; pass: boolean }[] = [];
    const bare100 = get('bare Fastify', '/', 100).rps;
    const apiRatio = ratioToBare('PostgreSQL', '/api/v1/initiative', 100);
    const pageRatio = ratioToBare('PostgreSQL', '/', 100);
    checks.push({ target: 'PostgreSQL `/api/v1/initiative` req/s vs bare (100 conn.)', goal: '≥ 25 %', measured: `${fmt(apiRatio, 1)} %`, pass: apiRatio >= 25 });
    checks.push({ target: 'PostgreSQL `/` req/s vs bare (100 conn.)', goal: '≥ 15 %', measured: `${fmt(pageRatio, 1)} %`, pass: pageRatio >= 15 });
    for (const route of ['/', '/api/v1/initiative']) {
      const s100 = get('PostgreSQL', route, 100);
      const s10 = get('PostgreSQL', route, 10);
      checks.push({ target: `PostgreSQL \`${route}\` p99, 100 conn.`, goal: '≤ 100 ms', measured: `${fmt(s100.p99)} ms`, pass: s100.p99 <= 100 });
      checks.push({ target: `PostgreSQL \`${route}\` p99, 10 conn.`, goal: '≤ 15 ms', measured: `${fmt(s10.p99)} ms`, pass: s10.p99 <= 15 });
    }
    for (const route of ['/', '/api/v1/initiative']) {
      const s = get('PGlite', route, 100);
      const failures = s.errors + s.timeouts + s.non2xx;
      checks.push({ target: `PGlite \`${route}\` errors + timeouts + non-2xx, 100 conn.`, goal: '0', measured: String(failures), pass: failures === 0 });
      checks.push({ target: `PGlite \`${route}\` p99, 100 conn.`, goal: '≤ 250 ms', measured: `${fmt(s.p99)} ms`, pass: s.p99 <= 250 });
    }
    const coldMedian = median(coldStarts);
    checks.push({ target: `PGlite cold start with existing data → first 200 on \`/\` (median of ${COLD_STARTS})`, goal: '≤ 5 s', measured: `${fmt(coldMedian / 1000, 2)} s`, pass: coldMedian <= 5000 });
    const rssMedian = median(idleRss);
    checks.push({ target: `PGlite idle RSS (start + 20 requests + ${IDLE_SECONDS} s idle, median of ${COLD_STARTS})`, goal: '≤ 300 MB', measured: `${fmt(rssMedian)} MB`, pass: rssMedian <= 300 });

    console.log('\n## Targets (issue 3)\n');
    console.log('| target | goal | measured | |');
    console.log('|---|---|--:|---|');
    for (const c of checks) console.log(`| ${c.target} | ${c.goal} | ${c.measured} | ${c.pass ? 'PASS' : '**FAIL**'} |`);

    console.log('\n## Other figures\n');
    console.log(`- PGlite first start (create + migrate + seed a new data directory) → first 200: ${fmt(first.startMs)} ms, peak RSS ${fmt(firstPeak)} MB`);
    console.log(`- PGlite cold starts: ${coldStarts.map((ms) => `${fmt(ms)} ms`).join(', ')}; idle RSS: ${idleRss.map((mb) => `${fmt(mb)} MB`).join(', ')}`);
    console.log(`- PostgreSQL first start (migrate + seed an empty database) → first 200: ${fmt(onPg.startMs)} ms`);
    console.log(`- RSS after the load: PGlite server ${fmt(afterLoad.pglite.rss)} MB (peak ${fmt(afterLoad.pglite.peak)} MB), PostgreSQL-backed server ${fmt(afterLoad.postgres.rss)} MB (peak ${fmt(afterLoad.postgres.peak)} MB)`);
    console.log(`- response sizes: start page ${fmt(sizes.page)} B, /api/v1/initiative ${fmt(sizes.api)} B, bare ${sizes.bare} B`);

    if (CPU_PROF_DIR) {
      console.log(`\n## CPU profiles (${CPU_PROF_DIR}): top self time per profiled process\n`);
      for (const file of fs.readdirSync(CPU_PROF_DIR).filter((f) => f.endsWith('.cpuprofile')).sort()) {
        const [, pid, thread] = /^CPU\.\d+\.\d+\.(\d+)\.(\d+)\./.exec(file) ?? [];
        const label = names.get(Number(pid));
        if (!label) continue; // a profile of an earlier run
        console.log(`${file}: ${label}${thread === '0' ? '' : ` (worker thread ${thread})`}`);
        for (const line of topFunctions(path.join(CPU_PROF_DIR, file))) console.log(`  ${line}`);
      }
    }

    if (bare100 < 10_000) console.log(`\nnote: the bare route made only ${fmt(bare100)} req/s at 100 connections (≈ 18,500 on an idle machine of this kind): something else was using the CPU, so every figure above is low.`);
    const failed = checks.filter((c) => !c.pass).length;
    console.log(`\n${checks.length - failed} of ${checks.length} targets passed${failed ? `, ${failed} FAILED` : ''}.`);
    return failed === 0 ? 0 : 1;
  } finally {
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`bench:http failed: ${error instanceof Error ? error.message : String(error)}`);
    const cleanupAll = [...live].map(stopServer);
    void Promise.all(cleanupAll).finally(() => process.exit(2));
  },
);
