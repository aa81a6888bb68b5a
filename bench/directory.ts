// npm run bench:directory — the actor directory at scale (issue 4): search time per query class
// (our service against its raw SQL alone), the directory page under autocannon, the map GeoJSON
// of all actors and the CSV import; on PostgreSQL with BENCH_ACTORS synthetic actors and on
// PGlite with BENCH_PGLITE_ACTORS. Creates and drops its own database and data directory.
//
// Environment (all optional):
//   BENCH_PG_URL          admin connection (default postgres://postgres@127.0.0.1:5432/postgres)
//   BENCH_ACTORS          actors on PostgreSQL (default 100000)
//   BENCH_PGLITE_ACTORS   actors on PGlite (default 10000; 0 skips PGlite)
//   BENCH_SAMPLES         searches per query class and database (default 100)
//   BENCH_DURATION        seconds of autocannon per page measurement (default 10)
//   BENCH_WARMUP          seconds of unmeasured load before it (default 2)
// Exit code: 0 when every target passes, 1 when one fails, 2 when the benchmark itself failed.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';
import autocannon, { type Result } from 'autocannon';
import { sql, type CompiledQuery } from 'kysely';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import pg from 'pg';
import pino from 'pino';
import type { FastifyBaseLogger } from 'fastify';
import { loadConfig } from '../src/platform/config.js';
import { createContext, type Context } from '../src/platform/context.js';
import { openDatabase } from '../src/platform/db/index.js';
import { currentDirectoryIndex } from '../src/domains/actors/directory-index.js';
import { viewerOf } from '../src/domains/actors/policy.js';
import { directoryMatch, runDirectorySearch } from '../src/domains/actors/search.js';
import { RANK_CAP, resultsQuery, textQuery, type MatchSpec, type TextQueryRow } from '../src/domains/actors/search-queries.js';
import { readDirectoryQuery, textTerms, type DirectoryInput } from '../src/domains/actors/search-query.js';

declare module 'autocannon' {
  interface Options {
    requests?: { method?: string; path: string }[];
  }
}

const root = path.resolve(import.meta.dirname, '..');
const cli = path.join(root, 'dist', 'src', 'cli.js');
const env = (name: string, fallback: number) => {
  const raw = process.env[name];
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`);
  return value;
};
const PG_ADMIN_URL = process.env.BENCH_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const PG_ACTORS = env('BENCH_ACTORS', 100_000);
const PGLITE_ACTORS = env('BENCH_PGLITE_ACTORS', 10_000);
const SAMPLES = Math.max(5, env('BENCH_SAMPLES', 100));
const DURATION = env('BENCH_DURATION', 10);
const WARMUP = env('BENCH_WARMUP', 2);
const CONNECTIONS = 100;

/** The query classes of the issue; every search counts its facets too. */
const classes: { name: string; input: DirectoryInput }[] = [
  { name: 'two facets („Leerstand“ + sector + action field)', input: { q: 'Leerstand', sector: 'creative_culture', actionField: 'inner_city' } },
  { name: 'very common word („Quartier“)', input: { q: 'Quartier' } },
  { name: 'compound prefix („Jugend“)', input: { q: 'Jugend' } },
  { name: 'typo („Quartir“ + state)', input: { q: 'Quartir', state: 'BY' } },
  { name: 'no search text, two facets', input: { sector: 'welfare', state: 'NW' } },
  { name: 'everything (start of /akteure)', input: {} },
];

/** The page under load: a mix of searches, filters and pages (cached counts are part of the design). */
const pageUrls = (() => {
  const words = ['', 'Quartier', 'Jugend', 'Quartir', 'Leerstand', 'Kulturarbeit', 'Zwischennutzung', 'Nachbarschaft', 'Dorfentwicklung', 'Beteiligung'];
  const filters = ['', '&sector=welfare', '&sector=creative_culture&state=BY', '&actionField=rural', '&page=2'];
  return words.flatMap((q) => filters.map((f) => `/akteure?q=${encodeURIComponent(q)}${f}`));
})();

// ---------------------------------------------------------------------------------------------

const median = (values: number[]) => percentile(values, 50);
function percentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
const fmt = (value: number, digits = 0) => (Number.isFinite(value) ? value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '–');
const silent = pino({ level: 'silent' }) as unknown as FastifyBaseLogger;

function run(args: string[], dbEnv: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: root, env: { ...process.env, LOG_LEVEL: 'warn', ...dbEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`cli ${args.join(' ')} failed (${code}):\n${out}`))));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

const servers = new Set<ChildProcess>();
/** The benchmark's temporary directory (PGlite data, CSV files). */
let tmpDir = os.tmpdir();
async function startServer(dbEnv: Record<string, string>) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--enable-source-maps', cli, 'serve'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', JOBS: 'false', NODE_ENV: 'production', ...dbEnv },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  servers.add(child);
  child.once('exit', () => servers.delete(child));
  const base = `http://127.0.0.1:${port}`;
  for (const started = performance.now(); performance.now() - started < 120_000; await sleep(50)) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    const ok = await fetch(`${base}/akteure`).then((r) => r.arrayBuffer().then(() => r.status === 200), () => false);
    if (ok) return { child, base };
  }
  throw new Error('server did not answer within 120 s');
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await gone;
}

interface SearchFigures {
  name: string;
  /** The use case with its counts computed afresh. */
  service: number[];
  /** Its SQL statements alone (searchStatements): the counting happens between them, in the directory index. */
  raw: number[];
  /** The use case as the server runs it: counts over 1,000 matches come from the cache. */
  served: number[];
  total: number;
}

/**
 * The SQL statements a search sends, without the directory index's work between them: the tsquery
 * and trigram candidates, then the page with as many candidates ranked (the first RANK_CAP ids of
 * the full-text matches without visibility and facets: the same amount of ranking).
 */
async function searchStatements(ctx: Context, spec: MatchSpec): Promise<CompiledQuery[][]> {
  const text = textQuery(ctx.db, spec).compile(ctx.db);
  const row = (await ctx.db.executeQuery(text)).rows[0] as TextQueryRow;
  // Similar spellings are a tsquery already: the use case sends no statement for it.
  const steps = spec.similar ? [] : [[text]];
  const list = (ids: string | null) => (ids ? ids.split(',').map(Number) : []);
  const { rows } = await sql<{ id: number }>`select id from actors where search_vector @@ cast(${row.tsquery} as tsquery) limit ${RANK_CAP}`.execute(ctx.db);
  const ranked = { words: rows.map((r) => Number(r.id)), fuzzy: list(row.candidates) };
  return [...steps, [resultsQuery(ctx.db, spec, { ranked, every: null }).compile(ctx.db)]];
}

/** Each class SAMPLES times through the service (counts uncached) and as its raw SQL alone, interleaved. */
async function measureSearches(ctx: Context): Promise<SearchFigures[]> {
  const figures: SearchFigures[] = [];
  for (const { name, input } of classes) {
    const query = readDirectoryQuery(input, 'de');
    const spec = { viewer: viewerOf(ctx), query, terms: query.q ? textTerms(query.q) : null };
    // The statements the use case sends, in its steps (searchStatements); when the words found
    // nothing, both again for their similar spellings.
    const statements = await searchStatements(ctx, spec);
    const similar = await directoryMatch(ctx, query);
    if (similar.similar) statements.push(...(await searchStatements(ctx, similar)));
    const entry: SearchFigures = { name, service: [], raw: [], served: [], total: 0 };
    for (let i = 0; i < SAMPLES + 3; i++) {
      let started = performance.now();
      const result = await runDirectorySearch(ctx, query, { cache: false });
      const serviceMs = performance.now() - started;
      started = performance.now();
      for (const step of statements) await Promise.all(step.map((s) => ctx.db.executeQuery(s)));
      const rawMs = performance.now() - started;
      if (i < 3) continue; // warm-up
      entry.service.push(serviceMs);
      entry.raw.push(rawMs);
      entry.total = result.total;
    }
    for (let i = 0; i < SAMPLES; i++) {
      const started = performance.now();
      await runDirectorySearch(ctx, query);
      entry.served.push(performance.now() - started);
    }
    figures.push(entry);
  }
  return figures;
}

async function measurePage(base: string): Promise<Result> {
  const options = { url: base, connections: CONNECTIONS, requests: pageUrls.map((p) => ({ method: 'GET', path: p })) };
  if (WARMUP > 0) await autocannon({ ...options, duration: WARMUP });
  return autocannon({ ...options, duration: DURATION });
}

async function measureGeoJson(ctx: Context): Promise<{ ms: number; bytes: number; gzip: number } | null> {
  const file = path.join(root, 'src/domains/actors/geojson.ts');
  if (!fs.existsSync(file)) return null;
  const module = (await import('../src/domains/actors/geojson.js')) as { actorsGeoJson?: (ctx: Context, query: unknown) => Promise<string> };
  if (!module.actorsGeoJson) return null;
  const query = readDirectoryQuery({}, 'de');
  const times: number[] = [];
  let body = '';
  for (let i = 0; i < 6; i++) {
    const started = performance.now();
    body = await module.actorsGeoJson(ctx, query);
    if (i > 0) times.push(performance.now() - started);
  }
  return { ms: median(times), bytes: Buffer.byteLength(body), gzip: gzipSync(body).length };
}

/**
 * The CSV import (`cli import actors`) of 10,000 new rows: the first 10,000 actors of an export,
 * renamed and without external id so that none matches an existing actor. Wall time of the command.
 */
async function measureCsvImport(dbEnv: Record<string, string>, dir: string): Promise<{ seconds: number; rows: number } | null> {
  if (!fs.existsSync(path.join(root, 'src/domains/actors/import.ts'))) return null;
  const exported = path.join(dir, 'export.csv');
  await run(['export', 'actors', '--out', exported, '--format', 'csv'], dbEnv);
  const text = fs.readFileSync(exported, 'utf8');
  const delimiter = (text.split('\n', 1)[0] ?? '').includes(';') ? ';' : ',';
  const [header, ...records] = parse(text, { bom: true, delimiter }) as string[][];
  if (!header) throw new Error('the export is empty');
  const rows = records.slice(0, 10_000);
  const nameAt = header.findIndex((h) => h === 'Name' || h === 'name');
  const externalAt = header.findIndex((h) => h === 'Externe ID' || h === 'externalId');
  for (const [i, row] of rows.entries()) {
    row[nameAt] = `${row[nameAt]} (Import ${i + 1})`;
    if (externalAt >= 0) row[externalAt] = '';
  }
  const file = path.join(dir, 'import.csv');
  fs.writeFileSync(file, stringify([header, ...rows], { delimiter }));
  const started = performance.now();
  await run(['import', 'actors', file], dbEnv);
  return { seconds: (performance.now() - started) / 1000, rows: rows.length };
}

interface DatabaseFigures {
  label: string;
  actors: number;
  generateSeconds: number;
  searches: SearchFigures[];
  page: Result;
  geo: { ms: number; bytes: number; gzip: number } | null;
  csv: { seconds: number; rows: number } | null;
  /** The directory index's first build: seconds, and the memory it keeps (MB, heap and array buffers). */
  index: { seconds: number; heapMb: number };
}

/** The heap and the array buffers (outside the heap) in use after a full collection (MB). */
function heapAfterGc(): number {
  v8.setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  const { heapUsed, external } = process.memoryUsage();
  return (heapUsed + external) / 2 ** 20;
}

async function measureDatabase(label: string, actors: number, dbEnv: Record<string, string>): Promise<DatabaseFigures> {
  console.log(`${label}: seeding and generating ${fmt(actors)} demo actors …`);
  let started = performance.now();
  await run(['demo', '--actors', String(actors), '--seed', '1'], dbEnv);
  const generateSeconds = (performance.now() - started) / 1000;
  console.log(`  ${fmt(generateSeconds, 1)} s (migrate + seed + generate)`);
  const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', DATABASE_URL: dbEnv.DATABASE_URL ?? '', DATA_DIR: dbEnv.DATA_DIR ?? '' });
  const handle = await openDatabase(config, { poolSize: 10 });
  let searches: SearchFigures[];
  let geo: DatabaseFigures['geo'];
  let index: DatabaseFigures['index'];
  try {
    const ctx = createContext({ db: handle.db, config, log: silent });
    const heapBefore = heapAfterGc();
    started = performance.now();
    await currentDirectoryIndex(ctx);
    index = { seconds: (performance.now() - started) / 1000, heapMb: heapAfterGc() - heapBefore };
    console.log(`  directory index built in ${fmt(index.seconds, 1)} s, ${fmt(index.heapMb)} MB of memory`);
    started = performance.now();
    searches = await measureSearches(ctx);
    console.log(`  searches measured in ${fmt((performance.now() - started) / 1000, 1)} s`);
    geo = await measureGeoJson(ctx);
  } finally {
    await handle.close();
  }
  const server = await startServer(dbEnv);
  let page: Result;
  try {
    page = await measurePage(server.base);
    console.log(`  page: ${fmt(page.requests.average)} req/s, p99 ${page.latency.p99} ms, errors ${page.errors}, timeouts ${page.timeouts}, non-2xx ${page.non2xx}`);
  } finally {
    await stop(server.child);
  }
  const csv = label === 'PostgreSQL' ? await measureCsvImport(dbEnv, tmpDir) : null;
  return { label, actors, generateSeconds, searches, page, geo, csv, index };
}

function gitDescribe(): string {
  const git = (...args: string[]) => spawnSync('git', args, { cwd: root, encoding: 'utf8' });
  const head = git('log', '-1', '--format=%h %s');
  if (head.status !== 0) return '(not a git checkout)';
  const dirty = git('status', '--porcelain', '--', 'src', 'migrations', 'package.json').stdout.trim() !== '';
  return `${head.stdout.trim().slice(0, 100)}${dirty ? ' (+ uncommitted changes)' : ''}`;
}

function report(results: DatabaseFigures[]) {
  console.log('\n## Search: server time per query class (ms); counts computed afresh, against the raw SQL alone, and as served\n');
  console.log(`| query class | ${results.map((r) => `${r.label} p50 · p95 | raw SQL p50 · p95 | ratio (p50) | as served p50 · p95`).join(' | ')} | matches |`);
  console.log(`|---|${results.map(() => '--:|--:|--:|--:').join('|')}|--:|`);
  for (const [i, { name }] of classes.entries()) {
    const cells = results.map((r) => {
      const s = r.searches[i]!;
      const pair = (values: number[]) => `${fmt(median(values), 1)} · ${fmt(percentile(values, 95), 1)}`;
      return `${pair(s.service)} | ${pair(s.raw)} | ${fmt(median(s.service) / median(s.raw), 2)} | ${pair(s.served)}`;
    });
    console.log(`| ${name} | ${cells.join(' | ')} | ${results.map((r) => fmt(r.searches[i]!.total)).join(' · ')} |`);
  }
  console.log(`\n## /akteure under autocannon (${CONNECTIONS} connections, ${DURATION} s, ${pageUrls.length} URLs in rotation)\n`);
  console.log('| database | actors | req/s | p50 ms | p99 ms | errors | timeouts | non-2xx |');
  console.log('|---|--:|--:|--:|--:|--:|--:|--:|');
  for (const r of results) {
    console.log(`| ${r.label} | ${fmt(r.actors)} | ${fmt(r.page.requests.average)} | ${r.page.latency.p50} | ${r.page.latency.p99} | ${r.page.errors} | ${r.page.timeouts} | ${r.page.non2xx} |`);
  }
  console.log('\n## Other figures\n');
  for (const r of results) {
    console.log(`- ${r.label}: demo generator (migrate + seed + ${fmt(r.actors)} actors): ${fmt(r.generateSeconds, 1)} s`);
    console.log(`- ${r.label}: directory index (ADR 0007) first build ${fmt(r.index.seconds, 1)} s, ${fmt(r.index.heapMb)} MB of memory`);
    console.log(`- ${r.label}: map GeoJSON of all actors: ${r.geo ? `${fmt(r.geo.ms)} ms, ${fmt(r.geo.bytes / 1024)} KB, gzip ${fmt(r.geo.gzip / 1024)} KB` : 'not built'}`);
  }
  const csv = results.find((r) => r.csv)?.csv;
  console.log(`- CSV import (\`cli import actors\`, wall time with process start) of ${csv ? `${fmt(csv.rows)} new rows on PostgreSQL: ${fmt(csv.seconds, 1)} s` : '10,000 rows: not built'}`);
}

function targets(results: DatabaseFigures[]) {
  const checks: { target: string; goal: string; measured: string; pass: boolean }[] = [];
  const onPg = results.find((r) => r.label === 'PostgreSQL');
  if (onPg) {
    for (const [i, { name }] of classes.slice(0, 4).entries()) {
      const p95 = percentile(onPg.searches[i]!.service, 95);
      checks.push({ target: `PostgreSQL search p95, ${name}`, goal: '≤ 30 ms', measured: `${fmt(p95, 1)} ms`, pass: p95 <= 30 });
    }
    checks.push({ target: 'PostgreSQL /akteure req/s (100 conn.)', goal: '≥ 750', measured: fmt(onPg.page.requests.average), pass: onPg.page.requests.average >= 750 });
    checks.push({ target: 'PostgreSQL /akteure p99 (100 conn.)', goal: '≤ 250 ms', measured: `${onPg.page.latency.p99} ms`, pass: onPg.page.latency.p99 <= 250 });
    if (onPg.geo) checks.push({ target: 'PostgreSQL map GeoJSON, all actors', goal: '≤ 300 ms', measured: `${fmt(onPg.geo.ms)} ms`, pass: onPg.geo.ms <= 300 });
    if (onPg.csv) checks.push({ target: `PostgreSQL CSV import of ${fmt(onPg.csv.rows)} rows`, goal: '≤ 10 s', measured: `${fmt(onPg.csv.seconds, 1)} s`, pass: onPg.csv.seconds <= 10 });
  }
  const onPglite = results.find((r) => r.label === 'PGlite');
  if (onPglite) {
    const failures = onPglite.page.errors + onPglite.page.timeouts + onPglite.page.non2xx;
    checks.push({ target: 'PGlite /akteure errors + timeouts + non-2xx (100 conn.)', goal: '0', measured: String(failures), pass: failures === 0 });
  }
  console.log('\n## Targets (issue 4)\n');
  console.log('| target | goal | measured | |');
  console.log('|---|---|--:|---|');
  for (const c of checks) console.log(`| ${c.target} | ${c.goal} | ${c.measured} | ${c.pass ? 'PASS' : '**FAIL**'} |`);
  return checks.every((c) => c.pass);
}

async function main() {
  if (!fs.existsSync(cli)) throw new Error(`${cli} is missing: run "npm run build" first (npm run bench:directory does)`);
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect().catch((error: Error) => {
    throw new Error(`cannot reach PostgreSQL at ${PG_ADMIN_URL} (${error.message}); set BENCH_PG_URL or start the server`);
  });
  const pgVersion = (await admin.query<{ v: string }>(`select current_setting('server_version') as v`)).rows[0]!.v;
  const dbName = `qn_bench_dir_${randomBytes(4).toString('hex')}`;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qn-bench-dir-'));
  tmpDir = tmp;
  const cleanup = async () => {
    await Promise.all([...servers].map(stop));
    await admin.query(`drop database if exists "${dbName}" with (force)`).catch((error: Error) => console.error(`could not drop ${dbName}: ${error.message}`));
    await admin.end().catch(() => undefined);
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  process.once('SIGINT', () => void cleanup().finally(() => process.exit(130)));

  console.log('# bench:directory');
  console.log(`commit ${gitDescribe()}`);
  console.log(`date ${new Date().toISOString()} · ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}) · ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM`);
  console.log(`node ${process.version} · PostgreSQL ${pgVersion} · ${SAMPLES} searches per class · load average ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')}\n`);
  try {
    const results: DatabaseFigures[] = [];
    await admin.query(`create database "${dbName}"`);
    const url = new URL(PG_ADMIN_URL);
    url.pathname = `/${dbName}`;
    if (PG_ACTORS > 0) results.push(await measureDatabase('PostgreSQL', PG_ACTORS, { DATABASE_URL: url.toString(), DATA_DIR: '' }));
    if (PGLITE_ACTORS > 0) results.push(await measureDatabase('PGlite', PGLITE_ACTORS, { DATABASE_URL: '', DATA_DIR: path.join(tmp, 'data') }));
    report(results);
    const passed = targets(results);
    console.log(`\nload average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')}`);
    return passed ? 0 : 1;
  } finally {
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`bench:directory failed: ${error instanceof Error ? error.message : String(error)}`);
    void Promise.all([...servers].map(stop)).finally(() => process.exit(2));
  },
);
