// npm run bench:formats — formats (issue 6): registrations under load, the table plan, the iCalendar feed.
//
// 1. Registrations: members with personal access tokens register for a published format with a
//    capacity (`POST /api/v1/formats/:ref/registrations`, as a person) from a pool of concurrent
//    clients, against the platform exactly as `npm start` runs it (dist/, a child process), on
//    PostgreSQL and on PGlite, one unmeasured round and then --rounds rounds, alternating the two.
//    Registrations per second and latency; then, from the database, whether exactly `capacity` got a
//    seat, the rest wait in a gapless order and nobody is there twice.
// 2. Table plan: benchSeating from bench/seating.ts (300 people, 30 tables, 4 rounds), in process.
// 3. iCalendar feed: --formats published and cancelled formats in the feed, `GET /formate.ics` on
//    both servers, interleaved with the pure render of as many sample events in this process.
//
// Creates and drops its own PostgreSQL database (qn_bench_formats_<hex>) and a temporary PGlite
// data directory; leaves nothing behind, also on Ctrl-C.
//
//   npm run bench:formats                                            # everything, ≈ 5 min
//   npm run bench:formats -- --part registrations --db postgres      # registrations on PostgreSQL only
//   npm run bench:formats -- --part ical --formats 10000
//
// Options (all optional):
//   --part registrations|seating|ical|all (all)      --db both|postgres|pglite (both)
//   --registrants N (2000) --concurrency N (200) --capacity N (500) --split N (1: one format per round)
//   --rounds N (3, after one unmeasured round)       --formats N (5000) --requests N (30) --seeds N (7)
// Environment: BENCH_PG_URL, the admin connection (default postgres://postgres@127.0.0.1:5432/postgres).
// Exit code: 0 when every target passes, 1 when one fails, 2 when the benchmark itself failed.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { sql, type Insertable } from 'kysely';
import pg from 'pg';
import pino from 'pino';
import type { FastifyBaseLogger } from 'fastify';
import { ACCESS_TOKEN_PREFIX } from '../src/platform/auth/sessions.js';
import { newToken } from '../src/platform/auth/tokens.js';
import { loadConfig } from '../src/platform/config.js';
import { createContext, type Context, type CurrentUser } from '../src/platform/context.js';
import { openDatabase, type DatabaseHandle } from '../src/platform/db/index.js';
import { renderCalendar } from '../src/domains/formats/ical/calendar-writer.js';
import { sampleCalendarEvents } from '../src/domains/formats/ical/sample-events.js';
import { FORMAT_KINDS, type FormatKind, type FormatMode } from '../src/domains/formats/model.js';
import type { FormatsTable } from '../src/domains/formats/queries-tables.js';
import { selectFeedFormats } from '../src/domains/formats/queries.js';
import { createFormat, publishFormat } from '../src/domains/formats/service.js';
import { benchSeating } from './seating.js';

const root = path.resolve(import.meta.dirname, '..');
const cli = path.join(root, 'dist', 'src', 'cli.js');
const { values: args } = parseArgs({
  options: {
    part: { type: 'string', default: 'all' },
    db: { type: 'string', default: 'both' },
    registrants: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '200' },
    capacity: { type: 'string', default: '500' },
    split: { type: 'string', default: '1' },
    rounds: { type: 'string', default: '3' },
    formats: { type: 'string', default: '5000' },
    requests: { type: 'string', default: '30' },
    seeds: { type: 'string', default: '7' },
  },
});
const whole = (name: keyof typeof args, min = 1) => {
  const value = Number(args[name]);
  if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be a whole number ≥ ${min}, got "${args[name]}"`);
  return value;
};
const PART = args.part!;
if (!['registrations', 'seating', 'ical', 'all'].includes(PART)) throw new Error(`--part must be registrations, seating, ical or all, got "${PART}"`);
if (!['both', 'postgres', 'pglite'].includes(args.db!)) throw new Error(`--db must be both, postgres or pglite, got "${args.db}"`);
const RUN = { registrations: PART === 'all' || PART === 'registrations', seating: PART === 'all' || PART === 'seating', ical: PART === 'all' || PART === 'ical' };
const REGISTRANTS = whole('registrants');
const CONCURRENCY = whole('concurrency');
const CAPACITY = whole('capacity');
const SPLIT = whole('split');
const ROUNDS = whole('rounds');
const FEED_FORMATS = whole('formats');
const REQUESTS = whole('requests', 5);
const SEEDS = whole('seeds');
const WARMUP_REQUESTS = 5;
const PG_ADMIN_URL = process.env.BENCH_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const TARGETS = { registrationsPerSecond: 50, registrationP99Ms: 1000, seatingMs: 300, feedMs: 200 };
const DAY_MS = 24 * 3600_000;

// ---------------------------------------------------------------------------------------------
// Helpers

const silent = pino({ level: 'silent' }) as unknown as FastifyBaseLogger;
const fmt = (value: number, digits = 0) => (Number.isFinite(value) ? value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '–');
function percentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length === 0 ? NaN : sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const loadAverage = () => os.loadavg().map((l) => l.toFixed(2)).join(' / ');

function gitDescribe(): string {
  const git = (...a: string[]) => spawnSync('git', a, { cwd: root, encoding: 'utf8' });
  const head = git('log', '-1', '--format=%h %s');
  if (head.status !== 0) return '(not a git checkout)';
  const dirty = git('status', '--porcelain', '--', 'src', 'migrations', 'package.json').stdout.trim() !== '';
  return `${head.stdout.trim().slice(0, 100)}${dirty ? ' (+ uncommitted changes)' : ''}`;
}

function runCli(cliArgs: string[], dbEnv: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...cliArgs], { cwd: root, env: { ...process.env, LOG_LEVEL: 'warn', NODE_ENV: 'production', ...dbEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
    track(child);
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`cli ${cliArgs.join(' ')} failed (${code}):\n${out}`))));
  });
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

const CLOCK_TICKS = 100; // USER_HZ of /proc/<pid>/stat on Linux

/** CPU time (user + system, all threads) a process has used so far, in ms; 0 once it is gone. */
function cpuMsOf(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

/** CPU ms of the PostgreSQL backends serving a database, by pid (PostgreSQL on this machine only). */
async function backendCpu(dbName: string | null): Promise<Map<number, number>> {
  if (!dbName) return new Map();
  const { rows } = await adminQuery(`select pid from pg_stat_activity where datname = '${dbName}' and backend_type = 'client backend'`);
  return new Map(rows.map((r) => [Number(r.pid), cpuMsOf(Number(r.pid))]));
}

// ---------------------------------------------------------------------------------------------
// Databases and servers

interface Bench {
  label: 'PostgreSQL' | 'PGlite';
  env: Record<string, string>;
  /** The PostgreSQL database's name (its backends' CPU time is counted), null for PGlite. */
  dbName: string | null;
  /** Formats of the registration rounds, [round][split]; round 0 is the unmeasured one. */
  rounds: { id: number; slug: string }[][];
  tokens: string[];
  /** Cancelled formats among those in the feed (the seed's included). */
  feedCancelled: number;
  feedSqlMs: number[];
  /** A coordinator's token and a feed format to change through the API (so the feed must be rendered again). */
  coordinatorToken: string;
  touchSlug: string;
  server: { child: ChildProcess; base: string; log: string[] } | null;
}

const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'qn-bench-formats-'));
const pgDatabases: string[] = [];
const children = new Set<ChildProcess>();
let cleaning: Promise<void> | null = null;
/** Every child process is stopped by cleanup(); one started while cleaning up is stopped at once. */
function track(child: ChildProcess) {
  if (cleaning) child.kill('SIGTERM');
  children.add(child);
  child.once('exit', () => children.delete(child));
}

async function adminQuery(text: string) {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect().catch((error: Error) => {
    throw new Error(`cannot reach PostgreSQL at ${PG_ADMIN_URL} (${error.message}); set BENCH_PG_URL or start the server`);
  });
  try {
    return await admin.query<Record<string, string>>(text);
  } finally {
    await admin.end();
  }
}

/** Stops the servers, drops the database, removes the directory; once, whoever asks first (end, error, signal). */
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    await Promise.all([...children].map(stopChild));
    for (const name of pgDatabases.splice(0)) await adminQuery(`drop database if exists "${name}" with (force)`).catch((error: Error) => console.error(`could not drop ${name}: ${error.message}`));
    fs.rmSync(tmpRoot, { recursive: true, force: true });
  })();
  return cleaning;
}

async function stopChild(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await gone;
  clearTimeout(timer);
}

async function newBench(label: Bench['label']): Promise<Bench> {
  let env: Record<string, string>;
  if (label === 'PostgreSQL') {
    const name = `qn_bench_formats_${randomBytes(4).toString('hex')}`;
    await adminQuery(`create database "${name}"`);
    pgDatabases.push(name);
    const url = new URL(PG_ADMIN_URL);
    url.pathname = `/${name}`;
    env = { DATABASE_URL: url.toString(), DATA_DIR: '' };
  } else {
    env = { DATABASE_URL: '', DATA_DIR: path.join(tmpRoot, 'pglite') };
  }
  return { label, env, dbName: label === 'PostgreSQL' ? new URL(env.DATABASE_URL!).pathname.slice(1) : null, rounds: [], tokens: [], feedCancelled: 0, feedSqlMs: [], coordinatorToken: '', touchSlug: '', server: null };
}

/** The database opened in this process (PGlite only while no server holds its directory). */
async function open(bench: Bench): Promise<{ handle: DatabaseHandle; config: ReturnType<typeof loadConfig> }> {
  const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', DATABASE_URL: bench.env.DATABASE_URL ?? '', DATA_DIR: bench.env.DATA_DIR ?? '' });
  return { handle: await openDatabase(config, { poolSize: 4 }), config };
}

async function startServer(bench: Bench) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--enable-source-maps', cli, 'serve'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', JOBS: 'false', NODE_ENV: 'production', ...bench.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  track(child);
  const log: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) log.push(line);
    if (log.length > 40) log.splice(0, log.length - 40);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const base = `http://127.0.0.1:${port}`;
  for (const started = performance.now(); performance.now() - started < 120_000; await sleep(50)) {
    if (child.exitCode !== null) throw new Error(`${bench.label} server exited with ${child.exitCode}:\n${log.join('\n')}`);
    const ok = await fetch(`${base}/`).then((r) => r.arrayBuffer().then(() => r.status === 200), () => false);
    if (ok) {
      bench.server = { child, base, log };
      return;
    }
  }
  throw new Error(`${bench.label} server did not answer within 120 s:\n${log.join('\n')}`);
}

// ---------------------------------------------------------------------------------------------
// Data

const TOPICS = [
  'Leerstand in der Innenstadt',
  'Zwischennutzung von Ladenlokalen',
  'Beteiligung im Quartier',
  'Klimaanpassung und Stadtgrün',
  'Mobilität im ländlichen Raum',
  'Kultur als Motor der Ortsmitte',
  'Wohnen für alle Generationen',
  'Nachbarschaftshilfe digital',
  'Marktplätze neu beleben',
  'Förderprogramme für Kleinstädte',
  'Gemeinwohl und Bodenpolitik',
  'Jugend gestaltet ihren Ort',
];
const VENUES = ['Rathaus, Großer Sitzungssaal', 'Stadtbibliothek; Saal 2', 'Kulturbahnhof, Gleis 1', 'Quartierszentrum „Alte Schule“', 'Bürgerhaus am Markt', 'Projektraum COI, Lindenplatz 3'];
const KIND_LABELS: Record<FormatKind, string> = {
  werkstattgespraech: 'Werkstattgespräch',
  perspektivenwerkstatt: 'Perspektivenwerkstatt',
  praxiswerkstatt: 'Praxiswerkstatt',
  erfahrungsaustausch: 'Erfahrungsaustausch',
  stadtlabor_session: 'Stadtlabor-Session',
  impulslabor: 'Impulslabor',
  fachkonferenz: 'Fachkonferenz',
  other: 'Netzwerktreffen',
};
const ACTION_FIELDS = ['neighbourhood', 'inner_city', 'small_towns', 'rural'] as const;
const AGENDA = [
  { time: '09:30', title: 'Ankommen und Kaffee' },
  { time: '10:00', title: 'Begrüßung und Impuls aus der Praxis' },
  { time: '11:00', title: 'Thementische in wechselnder Besetzung' },
  { time: '12:30', title: 'Mittagspause' },
  { time: '13:30', title: 'Ergebnisse, Verabredungen und Ausblick' },
];

/** About 1,500 characters, as the coordinators write them: three paragraphs and a note on access. */
function description(topic: string, i: number): string {
  return [
    `${topic} beschäftigt Kommunen, Wohnungsunternehmen, Vereine und Kulturschaffende gleichermaßen. In diesem Format bringen wir Menschen zusammen, die vor Ort Verantwortung tragen, und schauen gemeinsam auf Beispiele, die funktioniert haben – und auf solche, die gescheitert sind.`,
    `Nach einem kurzen Impuls aus der Praxis arbeiten wir an Thementischen in wechselnder Besetzung: Was braucht es, damit aus einer Idee ein Projekt wird? Wer muss früh beteiligt werden, welche Fördermittel passen, und wie gelingt die Verstetigung über die Projektlaufzeit hinaus? Die Ergebnisse halten wir fest und stellen sie allen Teilnehmenden zur Verfügung.`,
    `Eingeladen sind Akteur:innen aus Verwaltung, Wohnungswirtschaft, Wohlfahrt, Zivilgesellschaft und Kreativwirtschaft. Vorkenntnisse sind nicht nötig; bringen Sie gern eigene Fragen und Beispiele mit.`,
    `Der Veranstaltungsort ist barrierefrei erreichbar. Für Verpflegung ist gesorgt. Die Teilnahme ist kostenfrei; die Plätze sind begrenzt. Rückfragen an das Koordinationsteam (Vorgang ${1000 + i}).`,
  ].join('\n\n');
}

/** Members with tokens, a coordinator, and the formats of the registration rounds and of the feed. */
async function prepare(bench: Bench) {
  const started = performance.now();
  await runCli(['seed'], bench.env); // migrate, load the places and the initiative's data
  const { handle, config } = await open(bench);
  try {
    const db = handle.db;
    const [coordinatorRow] = await db
      .insertInto('users')
      .values({ email: 'bench-koordination@example.org', name: 'Koordination Benchmark', password_hash: 'not-a-password-hash', role: 'coordinator', locale: 'de', email_verified_at: new Date() })
      .returning('id')
      .execute();
    const coordinator: CurrentUser = { id: coordinatorRow!.id, email: 'bench-koordination@example.org', name: 'Koordination Benchmark', role: 'coordinator', locale: 'de', sessionId: null };
    const coordinatorToken = newToken(ACCESS_TOKEN_PREFIX);
    await db.insertInto('access_tokens').values({ token_hash: coordinatorToken.hash, user_id: coordinator.id, name: 'bench' }).execute();
    bench.coordinatorToken = coordinatorToken.token;
    const ctx: Context = createContext({ db, config, log: silent, user: coordinator });

    if (RUN.registrations) {
      for (let from = 0; from < REGISTRANTS; from += 500) {
        const batch = Array.from({ length: Math.min(500, REGISTRANTS - from) }, (_, j) => from + j);
        const users = await db
          .insertInto('users')
          .values(batch.map((i) => ({ email: `bench-mitglied-${i}@example.org`, name: `Mitglied ${i}`, password_hash: 'not-a-password-hash', role: 'member' as const, locale: 'de' as const, email_verified_at: new Date() })))
          .returning('id')
          .execute();
        const tokens = users.map(() => newToken(ACCESS_TOKEN_PREFIX));
        await db.insertInto('access_tokens').values(users.map((u, j) => ({ token_hash: tokens[j]!.hash, user_id: u.id, name: 'bench' }))).execute();
        bench.tokens.push(...tokens.map((t) => t.token));
      }
      const start = new Date(Date.now() + 30 * DAY_MS);
      start.setUTCHours(8, 0, 0, 0);
      for (let round = 0; round <= ROUNDS; round++) {
        const formats: Bench['rounds'][number] = [];
        for (let s = 0; s < SPLIT; s++) {
          const row = await createFormat(ctx, {
            kind: 'fachkonferenz',
            title: `Fachkonferenz Innenstadt im Wandel, Durchgang ${round}${SPLIT > 1 ? `, Teil ${s + 1}` : ''}`,
            teaser: 'Wie Kommunen, Wohnungswirtschaft und Zivilgesellschaft Leerstand gemeinsam angehen.',
            startsAt: start.toISOString(),
            endsAt: new Date(start.getTime() + 8 * 3600_000).toISOString(),
            mode: 'on_site',
            venue: 'Kongresszentrum, Saal A',
            capacity: CAPACITY,
          });
          const published = await publishFormat(ctx, row.id);
          formats.push({ id: published.id, slug: published.slug });
        }
        bench.rounds.push(formats);
      }
    }

    if (RUN.ical) {
      // The feed's window, a day narrower so that no format slips out of it during the run.
      const since = new Date(Date.now() - 364 * DAY_MS);
      const inFeed = async () =>
        (await sql<{ n: string; cancelled: string }>`select count(*) as n, count(*) filter (where status = 'cancelled') as cancelled from formats
          where status in ('published', 'cancelled') and ends_at >= ${since}`.execute(db)).rows[0]!;
      await insertFeedFormats(ctx, Math.max(0, FEED_FORMATS - Number((await inFeed()).n)), coordinator.id);
      await sql`analyze formats`.execute(db);
      // An upcoming, published, on-site feed format nobody registered for: changing it mails no one.
      const touch = await sql<{ slug: string }>`select slug from formats where slug like 'bench-format-%' and status = 'published' and mode = 'on_site' and starts_at > now() + interval '7 days' order by id limit 1`.execute(db);
      bench.touchSlug = touch.rows[0]!.slug;
      const feed = await inFeed();
      bench.feedCancelled = Number(feed.cancelled);
      if (Number(feed.n) !== FEED_FORMATS) throw new Error(`${bench.label}: ${feed.n} formats in the feed's window, expected ${FEED_FORMATS}`);
      for (let i = 0; i < WARMUP_REQUESTS + REQUESTS; i++) {
        const t0 = performance.now();
        const rows = await selectFeedFormats(db, { since });
        if (i >= WARMUP_REQUESTS) bench.feedSqlMs.push(performance.now() - t0);
        if (rows.length !== FEED_FORMATS) throw new Error(`${bench.label}: the feed query finds ${rows.length} formats, expected ${FEED_FORMATS}`);
      }
    }
  } finally {
    await handle.close();
  }
  console.log(`  ${bench.label}: seeded and prepared in ${fmt((performance.now() - started) / 1000, 1)} s`);
}

/** `count` formats in the feed's window (−360 … +365 days), 5 % of them cancelled. */
async function insertFeedFormats(ctx: Context, count: number, coordinatorId: number) {
  const places = (await sql<{ id: number }>`select id from places order by population desc, id limit 300`.execute(ctx.db)).rows.map((r) => Number(r.id));
  const now = Date.now();
  const span = 725 * DAY_MS;
  for (let from = 0; from < count; from += 500) {
    const rows: Insertable<FormatsTable>[] = [];
    for (let i = from; i < Math.min(count, from + 500); i++) {
      const kind = FORMAT_KINDS[i % FORMAT_KINDS.length]!;
      const mode: FormatMode = i % 5 === 0 ? 'digital' : i % 7 === 0 ? 'hybrid' : 'on_site';
      const day = Math.floor((now - 360 * DAY_MS + (i * span) / count) / DAY_MS) * DAY_MS;
      const startsAt = new Date(day + (7 + (i % 9)) * 3600_000 + (i % 2) * 1800_000); // 8:00–17:30 German time
      const endsAt = new Date(startsAt.getTime() + (kind === 'fachkonferenz' ? 32 : 2 + (i % 5)) * 3600_000);
      const isCancelled = i % 20 === 7;
      const topic = TOPICS[i % TOPICS.length]!;
      const createdAt = new Date(startsAt.getTime() - 60 * DAY_MS);
      rows.push({
        slug: `bench-format-${i}`,
        kind,
        title: `${KIND_LABELS[kind]}: ${topic} (${i + 1})`,
        teaser: `Wir laden Akteur:innen aus Verwaltung, Wohnungswirtschaft, Kultur und Zivilgesellschaft ein, gemeinsam über „${topic}“ zu sprechen – mit Beispielen aus Görlitz, Weißenfels und Lüneburg.`,
        description: description(topic, i),
        agenda: JSON.stringify(AGENDA),
        starts_at: startsAt,
        ends_at: endsAt,
        mode,
        venue: mode === 'digital' ? null : VENUES[i % VENUES.length]!,
        place_id: mode === 'digital' || places.length === 0 || i % 4 === 3 ? null : places[i % places.length]!,
        online_link: mode === 'on_site' ? null : `https://meet.example.org/quartiersnetz-${i}`,
        action_fields: [ACTION_FIELDS[i % 4]!, ...(i % 3 === 0 ? [ACTION_FIELDS[(i + 1) % 4]!] : [])],
        capacity: i % 6 === 0 ? null : 20 + (i % 10) * 10,
        status: isCancelled ? 'cancelled' : 'published',
        sequence: isCancelled ? 1 + (i % 3) : i % 11 === 0 ? 1 : 0,
        created_by: coordinatorId,
        updated_by: coordinatorId,
        published_at: createdAt,
        cancelled_at: isCancelled ? new Date(startsAt.getTime() - 7 * DAY_MS) : null,
        created_at: createdAt,
        updated_at: isCancelled ? new Date(startsAt.getTime() - 7 * DAY_MS) : createdAt,
      });
    }
    await ctx.db.insertInto('formats').values(rows).execute();
  }
}

// ---------------------------------------------------------------------------------------------
// Registrations

interface Answer {
  ms: number;
  status: number;
  outcome: string;
  id: number | null;
  position: number | null;
  formatId: number;
}

interface RoundFigures {
  round: number;
  wallMs: number;
  answers: Answer[];
  /** CPU ms of the round: the server process (PGlite's worker thread included), the PostgreSQL backends, this process. */
  cpu: { server: number; db: number; client: number };
}

async function register(base: string, format: { id: number; slug: string }, token: string): Promise<Answer> {
  const t0 = performance.now();
  try {
    const response = await fetch(`${base}/api/v1/formats/${format.slug}/registrations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{"sector":"other"}',
    });
    const text = await response.text();
    const ms = performance.now() - t0;
    let body: { outcome?: string; registration?: { id: number; waitlistPosition: number | null } | null } = {};
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      // not JSON: counted by its status
    }
    return { ms, status: response.status, outcome: body.outcome ?? text.slice(0, 80), id: body.registration?.id ?? null, position: body.registration?.waitlistPosition ?? null, formatId: format.id };
  } catch (error) {
    return { ms: performance.now() - t0, status: 0, outcome: (error as Error).message, id: null, position: null, formatId: format.id };
  }
}

/** Every member registers once for this round's format(s), CONCURRENCY requests in flight. */
async function registrationRound(bench: Bench, round: number): Promise<RoundFigures> {
  const formats = bench.rounds[round]!;
  const answers: Answer[] = new Array(REGISTRANTS);
  let next = 0;
  const pid = bench.server!.child.pid!;
  const before = { server: cpuMsOf(pid), db: await backendCpu(bench.dbName), client: process.cpuUsage() };
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, REGISTRANTS) }, async () => {
      for (let i = next++; i < REGISTRANTS; i = next++) answers[i] = await register(bench.server!.base, formats[i % SPLIT]!, bench.tokens[i]!);
    }),
  );
  const wallMs = performance.now() - started;
  const client = process.cpuUsage(before.client);
  let db = 0;
  // A backend opened during the round counts from 0; one closed during it is lost (the pool keeps them for 10 s).
  for (const [backend, ms] of await backendCpu(bench.dbName)) db += ms - (before.db.get(backend) ?? 0);
  return { round, wallMs, answers, cpu: { server: cpuMsOf(pid) - before.server, db: bench.dbName ? db : NaN, client: (client.user + client.system) / 1000 } };
}

/** What the answers of one round say: statuses, outcomes, and the waitlist positions handed out. */
function answerProblems(figures: RoundFigures, formats: { id: number }[]): string[] {
  const problems: string[] = [];
  const statuses = new Map<number, number>();
  for (const a of figures.answers) statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
  const bad = [...statuses].filter(([status]) => status !== 201);
  if (bad.length) problems.push(`answers other than 201: ${bad.map(([s, n]) => `${n}× ${s || 'network error'}`).join(', ')} (e.g. "${figures.answers.find((a) => a.status !== 201)?.outcome}")`);
  for (const format of formats) {
    const mine = figures.answers.filter((a) => a.formatId === format.id);
    const expectedSeats = Math.min(CAPACITY, mine.length);
    const seats = mine.filter((a) => a.outcome === 'registered').length;
    const positions = mine.filter((a) => a.outcome === 'waitlisted').map((a) => a.position ?? 0).sort((x, y) => x - y);
    if (seats !== expectedSeats) problems.push(`format ${format.id}: ${seats} answers "registered", expected ${expectedSeats}`);
    if (positions.length !== mine.length - expectedSeats || positions.some((p, i) => p !== i + 1)) problems.push(`format ${format.id}: the waitlist positions answered are not 1…${mine.length - expectedSeats} each once`);
  }
  return problems;
}

/** From the database, after the servers stopped: seats, waitlist order and duplicates of every round's format. */
async function databaseProblems(bench: Bench, rounds: RoundFigures[]): Promise<string[]> {
  const problems: string[] = [];
  const { handle } = await open(bench);
  try {
    for (const figures of rounds) {
      for (const format of bench.rounds[figures.round]!) {
        const label = `round ${figures.round}, format ${format.id}`;
        const expectedPeople = figures.answers.filter((a) => a.formatId === format.id).length;
        const expectedSeats = Math.min(CAPACITY, expectedPeople);
        const { rows } = await sql<Record<string, number | null>>`select f.seats_taken,
            count(r.id) filter (where r.status = 'registered') as registered,
            count(r.id) filter (where r.status = 'waitlisted') as waitlisted,
            count(r.id) as total, count(distinct r.user_id) as people,
            max(r.id) filter (where r.status = 'registered') as last_seat, min(r.id) filter (where r.status = 'waitlisted') as first_waiting
          from formats f left join registrations r on r.format_id = f.id where f.id = ${format.id} group by f.id`.execute(handle.db);
        const n = Object.fromEntries(Object.entries(rows[0]!).map(([k, v]) => [k, v === null ? null : Number(v)]));
        if (n.registered !== expectedSeats) problems.push(`${label}: ${n.registered} registered, expected ${expectedSeats}`);
        if (n.seats_taken !== expectedSeats) problems.push(`${label}: seats_taken ${n.seats_taken}, expected ${expectedSeats}`);
        if (n.waitlisted !== expectedPeople - expectedSeats) problems.push(`${label}: ${n.waitlisted} waitlisted, expected ${expectedPeople - expectedSeats}`);
        if (n.total !== expectedPeople || n.people !== expectedPeople) problems.push(`${label}: ${n.total} registrations of ${n.people} people, expected ${expectedPeople} once each`);
        if (n.first_waiting !== null && n.last_seat !== null && n.last_seat! > n.first_waiting!) problems.push(`${label}: a seat went to a later registration (id ${n.last_seat}) than a waiting one (id ${n.first_waiting})`);
        const order = await sql<{ id: number; position: number; by_id: number }>`select id,
            row_number() over (order by waitlisted_at, id) as position, row_number() over (order by id) as by_id
          from registrations where format_id = ${format.id} and status = 'waitlisted'`.execute(handle.db);
        const answered = new Map(figures.answers.filter((a) => a.id !== null).map((a) => [a.id!, a.position]));
        const wrong = order.rows.filter((r) => Number(r.position) !== Number(r.by_id) || answered.get(Number(r.id)) !== Number(r.position));
        if (wrong.length) problems.push(`${label}: ${wrong.length} waiting registrations out of order (waitlist order ≠ arrival order, or ≠ the position answered)`);
      }
    }
  } finally {
    await handle.close();
  }
  return problems;
}

interface RegistrationSummary {
  label: string;
  rounds: ReturnType<typeof roundStats>[];
  problems: string[];
}

function roundStats(r: RoundFigures) {
  const ms = r.answers.map((a) => a.ms);
  const n = r.answers.length;
  return {
    rps: (n * 1000) / r.wallMs,
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    p99: percentile(ms, 99),
    max: Math.max(...ms),
    wallMs: r.wallMs,
    serverCpu: r.cpu.server / n,
    dbCpu: r.cpu.db / n,
    clientCpu: r.cpu.client / n,
  };
}

// ---------------------------------------------------------------------------------------------
// iCalendar feed

interface FeedFigures {
  label: string;
  ms: number[];
  /** Requests right after a format in the feed was changed: the feed is rendered again. */
  changedMs: number[];
  /** The first request after the server started: every entry rendered. */
  firstMs: number;
  bytes: number;
  events: number;
  cancelled: number;
  sqlMs: number[];
  problems: string[];
}

/** Timed until the last byte; decoding the text for the checks happens after. */
async function fetchFeed(base: string): Promise<{ ms: number; status: number; type: string; body: Buffer }> {
  const t0 = performance.now();
  const response = await fetch(`${base}/formate.ics`);
  const body = Buffer.from(await response.arrayBuffer());
  return { ms: performance.now() - t0, status: response.status, type: response.headers.get('content-type') ?? '', body };
}

/** A coordinator renames a feed format through the API (not timed): the next feed request renders anew. */
async function touchFeedFormat(bench: Bench, i: number) {
  const headers = { authorization: `Bearer ${bench.coordinatorToken}`, 'content-type': 'application/json' };
  const url = `${bench.server!.base}/api/v1/formats/${bench.touchSlug}`;
  const format = (await (await fetch(url, { headers })).json()) as { kind: string; title: string; startsAt: string; endsAt: string; mode: string; venue: string | null };
  const response = await fetch(url, {
    method: 'PUT',
    headers,
    body: JSON.stringify({ kind: format.kind, title: `${format.title.replace(/ · Änderung \d+$/, '')} · Änderung ${i}`, startsAt: format.startsAt, endsAt: format.endsAt, mode: format.mode, venue: format.venue ?? 'Rathaus' }),
  });
  if (response.status !== 200) throw new Error(`${bench.label}: changing ${bench.touchSlug} answered ${response.status}: ${await response.text()}`);
}

async function measureFeeds(benches: Bench[]): Promise<{ feeds: FeedFigures[]; renderMs: number[]; renderBytes: number }> {
  const feeds: FeedFigures[] = benches.map((b) => ({ label: b.label, ms: [], changedMs: [], firstMs: 0, bytes: 0, events: 0, cancelled: 0, sqlMs: b.feedSqlMs, problems: [] }));
  const events = sampleCalendarEvents(FEED_FORMATS);
  const render = () => renderCalendar(events, { host: 'example.org', feed: { name: 'x' } });
  const renderMs: number[] = [];
  let renderBytes = 0;
  for (let i = 0; i < WARMUP_REQUESTS + REQUESTS; i++) {
    for (const [j, bench] of benches.entries()) {
      const answer = await fetchFeed(bench.server!.base);
      const feed = feeds[j]!;
      if (answer.status !== 200 || !answer.type.startsWith('text/calendar')) feed.problems.push(`answer ${answer.status} ${answer.type}`);
      if (i === 0) {
        feed.firstMs = answer.ms;
        const text = answer.body.toString('utf8');
        feed.bytes = answer.body.length;
        feed.events = text.split('BEGIN:VEVENT\r\n').length - 1;
        feed.cancelled = text.split('STATUS:CANCELLED\r\n').length - 1;
        if (feed.events !== FEED_FORMATS) feed.problems.push(`${feed.events} events in the feed, expected ${FEED_FORMATS}`);
        if (feed.cancelled !== bench.feedCancelled) feed.problems.push(`${feed.cancelled} cancelled events in the feed, expected ${bench.feedCancelled}`);
      }
      if (i >= WARMUP_REQUESTS) feed.ms.push(answer.ms);
      await touchFeedFormat(bench, i);
      const changed = await fetchFeed(bench.server!.base);
      if (changed.status !== 200) feed.problems.push(`answer ${changed.status} after a change`);
      if (i >= WARMUP_REQUESTS) feed.changedMs.push(changed.ms);
    }
    const t0 = performance.now();
    renderBytes = Buffer.byteLength(render());
    if (i >= WARMUP_REQUESTS) renderMs.push(performance.now() - t0);
  }
  return { feeds, renderMs, renderBytes };
}

// ---------------------------------------------------------------------------------------------

interface Check {
  target: string;
  goal: string;
  measured: string;
  pass: boolean;
  /** Reported for comparison, no target. */
  info?: boolean;
}

/** The table plan, in this process while nothing else of ours runs. */
async function seatingChecks(): Promise<Check[]> {
  console.log('## Table plan (bench/seating.ts)\n');
  const f = await benchSeating((line) => console.log(line), { seeds: SEEDS });
  const pct = (share: number) => `${fmt(share * 100, 2)} %`;
  const repeats = Math.max(f['plain.repeatedPairsMax']!, f['pinned.repeatedPairsMax']!);
  const known = Math.max(f['plain.knownPairsAvoidable']!, f['pinned.knownPairsAvoidable']!);
  return [
    {
      target: `table plan 300/30/4: time, median of ${f['plain.runs']} events (max ${fmt(f['plain.msMax']!, 1)} ms; with pins: median ${fmt(f['pinned.msMedian']!, 1)}, max ${fmt(f['pinned.msMax']!, 1)} ms)`,
      goal: `≤ ${TARGETS.seatingMs} ms`,
      measured: `${fmt(f['plain.msMedian']!, 1)} ms`,
      pass: f['plain.msMedian']! <= TARGETS.seatingMs,
    },
    { target: 'table plan: repeated pairs (max, with and without pins)', goal: '0', measured: fmt(repeats), pass: repeats === 0 },
    {
      target: `table plan: cross-sector share = the bound (median ${pct(f['plain.shareMedian']!)}; bound ${pct(f['plain.boundShareMedian']!)}; best of 100 random ${pct(f['plain.randomShareMedian']!)})`,
      goal: 'all events',
      measured: `${f['plain.runsAtBound']} of ${f['plain.runs']}`,
      pass: f['plain.runsAtBound'] === f['plain.runs'],
    },
    {
      target: `table plan with pins: new cross-sector pairs / bound (worst event; share ${pct(f['pinned.shareMedian']!)}, best of 100 random ${pct(f['pinned.randomShareMedian']!)})`,
      goal: '≥ 0.995',
      measured: fmt(f['pinned.worstShareOfBoundPairs']!, 4),
      pass: f['pinned.worstShareOfBoundPairs']! >= 0.995,
    },
    { target: 'table plan: known pairs met that pins did not force (max)', goal: '0', measured: fmt(known), pass: known <= 0 },
    { target: 'table plan: pins kept', goal: 'all events', measured: `${f['pinned.pinsKeptRuns']} of ${f['pinned.runs']}`, pass: f['pinned.pinsKeptRuns'] === f['pinned.runs'] },
  ];
}

/** One unmeasured round, then ROUNDS, the databases taking turns. */
async function registrationRounds(benches: Bench[]): Promise<Map<Bench, RoundFigures[]>> {
  console.log(`## Registrations: ${fmt(REGISTRANTS)} members, ${CONCURRENCY} at a time, ${SPLIT} format(s) of ${CAPACITY} seats per round\n`);
  const rounds = new Map<Bench, RoundFigures[]>(benches.map((b) => [b, []]));
  for (let round = 0; round <= ROUNDS; round++) {
    for (const bench of benches) {
      const figures = await registrationRound(bench, round);
      rounds.get(bench)!.push(figures);
      const s = roundStats(figures);
      const problems = answerProblems(figures, bench.rounds[round]!);
      console.log(
        `  ${round === 0 ? 'warm-up' : `round ${round}/${ROUNDS}`} ${bench.label.padEnd(10)} ${fmt(s.rps).padStart(5)} registrations/s  ` +
          `p50 ${fmt(s.p50)} ms  p95 ${fmt(s.p95)} ms  p99 ${fmt(s.p99)} ms  max ${fmt(s.max)} ms  (${fmt(s.wallMs / 1000, 1)} s)  ` +
          `CPU/registration: server ${fmt(s.serverCpu, 2)} ms${Number.isNaN(s.dbCpu) ? '' : `, PG ${fmt(s.dbCpu, 2)} ms`}, client ${fmt(s.clientCpu, 2)} ms${problems.length ? `  ${problems.length} problem(s)` : ''}`,
      );
      for (const p of problems) console.log(`    ${p}`);
    }
  }
  console.log(`  load average after the registrations: ${loadAverage()}\n`);
  return rounds;
}

/** After the servers stopped: the answers and the database checked, figures and targets. */
async function registrationChecks(benches: Bench[], byBench: Map<Bench, RoundFigures[]>): Promise<Check[]> {
  const summaries: RegistrationSummary[] = [];
  for (const bench of benches) {
    const rounds = byBench.get(bench)!;
    const problems = [...rounds.flatMap((r) => answerProblems(r, bench.rounds[r.round]!).map((p) => `round ${r.round}: ${p}`)), ...(await databaseProblems(bench, rounds))];
    summaries.push({ label: bench.label, rounds: rounds.slice(1).map(roundStats), problems });
  }
  console.log('## Registrations: results (medians of the measured rounds)\n');
  console.log('| database | registrations/s | p50 ms | p95 ms | p99 ms | max ms | rounds: registrations/s · p99 ms | CPU ms/registration: server · PG · client | correctness |');
  console.log('|---|--:|--:|--:|--:|--:|--:|--:|---|');
  for (const s of summaries) {
    const m = (key: keyof RegistrationSummary['rounds'][number]) => median(s.rounds.map((r) => r[key]));
    const rounds = s.rounds.map((r) => `${fmt(r.rps)} · ${fmt(r.p99)}`).join('; ');
    console.log(`| ${s.label} | ${fmt(m('rps'))} | ${fmt(m('p50'))} | ${fmt(m('p95'))} | ${fmt(m('p99'))} | ${fmt(m('max'))} | ${rounds} | ${fmt(m('serverCpu'), 2)} · ${fmt(m('dbCpu'), 2)} · ${fmt(m('clientCpu'), 2)} | ${s.problems.length ? `${s.problems.length} problem(s)` : 'exact'} |`);
  }
  for (const s of summaries) for (const p of s.problems) console.log(`- ${s.label}: ${p}`);
  // Registrations for one format queue for its row lock, so with CONCURRENCY requests in flight the
  // mean latency is about CONCURRENCY / throughput (Little's law): p99 follows from the throughput.
  for (const s of summaries) {
    const rps = median(s.rounds.map((r) => r.rps));
    console.log(`${s.label}: ${Math.min(CONCURRENCY, REGISTRANTS)} in flight / ${fmt(rps)} per s = ${fmt((1000 * Math.min(CONCURRENCY, REGISTRANTS)) / rps)} ms mean latency from the throughput alone`);
  }
  if (summaries.length === 2) console.log(`PGlite / PostgreSQL registrations per second, within each round: ${summaries[1]!.rounds.map((r, i) => fmt(r.rps / summaries[0]!.rounds[i]!.rps, 2)).join(', ')}`);

  const seated = Array.from({ length: SPLIT }, (_, s) => Math.min(CAPACITY, Math.floor((REGISTRANTS - s - 1) / SPLIT) + 1)).reduce((a, b) => a + b, 0);
  const checks: Check[] = [];
  for (const s of summaries) {
    const p99 = median(s.rounds.map((r) => r.p99));
    const rps = median(s.rounds.map((r) => r.rps));
    const info = s.label !== 'PostgreSQL';
    checks.push({
      target: `${s.label} registrations: exactly the capacity seated, the rest waiting in arrival order, nobody twice, no 5xx (every round: ${fmt(seated)} seated, ${fmt(REGISTRANTS - seated)} waiting)`,
      goal: 'exact',
      measured: s.problems.length ? `${s.problems.length} problem(s)` : 'exact',
      pass: s.problems.length === 0,
    });
    checks.push({ target: `${s.label} registrations per second, ${CONCURRENCY} concurrent (median of ${ROUNDS})`, goal: info ? '–' : `≥ ${TARGETS.registrationsPerSecond}`, measured: fmt(rps), pass: info || rps >= TARGETS.registrationsPerSecond, info });
    checks.push({ target: `${s.label} registration p99, ${CONCURRENCY} concurrent (median of ${ROUNDS})`, goal: info ? '–' : `≤ ${fmt(TARGETS.registrationP99Ms)} ms`, measured: `${fmt(p99)} ms`, pass: info || p99 <= TARGETS.registrationP99Ms, info });
  }
  return checks;
}

function feedChecks({ feeds, renderMs, renderBytes }: Awaited<ReturnType<typeof measureFeeds>>): Check[] {
  console.log(`\n## iCalendar feed with ${fmt(FEED_FORMATS)} formats: results\n`);
  console.log('| | median ms | p95 ms | max ms | size | events (cancelled) | feed SQL alone, median ms |');
  console.log('|---|--:|--:|--:|--:|--:|--:|');
  for (const f of feeds) {
    console.log(`| \`GET /formate.ics\` right after a format changed (rendered anew), ${f.label} | ${fmt(median(f.changedMs), 1)} | ${fmt(percentile(f.changedMs, 95), 1)} | ${fmt(Math.max(...f.changedMs), 1)} | ${fmt(f.bytes / 2 ** 20, 2)} MB | ${fmt(f.events)} (${fmt(f.cancelled)}) | ${fmt(median(f.sqlMs), 1)} |`);
    console.log(`| \`GET /formate.ics\` first request after the start (every entry rendered), ${f.label} | ${fmt(f.firstMs, 1)} | | | | | |`);
    console.log(`| \`GET /formate.ics\` unchanged (rendered text reused), ${f.label} | ${fmt(median(f.ms), 1)} | ${fmt(percentile(f.ms, 95), 1)} | ${fmt(Math.max(...f.ms), 1)} | ${fmt(f.bytes / 2 ** 20, 2)} MB | | |`);
  }
  console.log(`| \`renderCalendar(sampleCalendarEvents(${FEED_FORMATS}))\` in process | ${fmt(median(renderMs), 1)} | ${fmt(percentile(renderMs, 95), 1)} | ${fmt(Math.max(...renderMs), 1)} | ${fmt(renderBytes / 2 ** 20, 2)} MB | ${fmt(FEED_FORMATS)} | – |`);
  const checks: Check[] = [];
  for (const f of feeds) {
    console.log(`\n${f.label}: the pure render is ${fmt((100 * median(renderMs)) / median(f.changedMs))} % of a fresh feed's median; the rest (${fmt(median(f.changedMs) - median(renderMs), 1)} ms) is the query, mapping the rows, places and HTTP.`);
    for (const p of [...new Set(f.problems)]) console.log(`- ${f.label}: ${p}`);
    checks.push({
      target: `${f.label} \`GET /formate.ics\` with ${fmt(FEED_FORMATS)} formats right after a change (rendered anew), median of ${REQUESTS} (p95 ${fmt(percentile(f.changedMs, 95), 1)} ms)`,
      goal: `≤ ${TARGETS.feedMs} ms`,
      measured: `${fmt(median(f.changedMs), 1)} ms`,
      pass: median(f.changedMs) <= TARGETS.feedMs,
    });
    checks.push({ target: `${f.label} \`GET /formate.ics\` first request after the start (every entry rendered, one sample)`, goal: '–', measured: `${fmt(f.firstMs, 1)} ms`, pass: true, info: true });
    checks.push({ target: `${f.label} \`GET /formate.ics\` unchanged (rendered text reused), median (p95 ${fmt(percentile(f.ms, 95), 1)} ms)`, goal: '–', measured: `${fmt(median(f.ms), 1)} ms`, pass: true, info: true });
    checks.push({ target: `${f.label} feed: 200 text/calendar, every format once, the cancelled ones cancelled`, goal: 'all', measured: f.problems.length ? `${new Set(f.problems).size} problem(s)` : 'all', pass: f.problems.length === 0 });
  }
  checks.push({ target: `pure render of ${fmt(FEED_FORMATS)} sample events, median`, goal: '–', measured: `${fmt(median(renderMs), 1)} ms`, pass: true, info: true });
  return checks;
}

async function main() {
  if (!fs.existsSync(cli)) throw new Error(`${cli} is missing: run "npm run build" first (npm run bench:formats does)`);
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: stopping servers, dropping the benchmark database`);
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const labels: Bench['label'][] = args.db === 'both' ? ['PostgreSQL', 'PGlite'] : args.db === 'postgres' ? ['PostgreSQL'] : ['PGlite'];
  const pgVersion = labels.includes('PostgreSQL') && (RUN.registrations || RUN.ical) ? (await adminQuery(`select current_setting('server_version') as v`)).rows[0]!.v : '–';
  console.log('# bench:formats');
  console.log(`commit ${gitDescribe()}`);
  console.log(`date ${new Date().toISOString()} · ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}) · ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM · node ${process.version} · PostgreSQL ${pgVersion}`);
  console.log(`part ${PART} · databases ${labels.join(' and ')} · ${fmt(REGISTRANTS)} registrants, ${CONCURRENCY} concurrent, capacity ${CAPACITY} × ${SPLIT} format(s), 1 + ${ROUNDS} rounds · feed of ${fmt(FEED_FORMATS)} formats, ${REQUESTS} requests`);
  console.log(`load average at the start: ${loadAverage()}\n`);

  const checks: Check[] = RUN.seating ? await seatingChecks() : [];
  if (!RUN.registrations && !RUN.ical) return report(checks);
  try {
    console.log('## Preparing the databases\n');
    const benches: Bench[] = [];
    for (const label of labels) {
      const bench = await newBench(label);
      benches.push(bench);
      await prepare(bench);
    }
    for (const bench of benches) await startServer(bench);
    console.log(`  servers up: ${benches.map((b) => `${b.label} ${b.server!.base}`).join(', ')}\n`);
    const rounds = RUN.registrations ? await registrationRounds(benches) : null;
    if (RUN.ical) console.log(`## iCalendar feed: ${WARMUP_REQUESTS} + ${REQUESTS} sequential requests per server, interleaved with the pure render\n`);
    const feeds = RUN.ical ? await measureFeeds(benches) : null;
    const errors = benches.map((b) => ({ label: b.label, lines: b.server!.log.filter((l) => /"level":(50|60)|error/i.test(l)) }));
    for (const bench of benches) await stopChild(bench.server!.child);

    if (rounds) checks.push(...(await registrationChecks(benches, rounds)));
    if (feeds) checks.push(...feedChecks(feeds));
    for (const { label, lines } of errors) if (lines.length) console.log(`\n${label} server logged errors:\n${lines.slice(-10).join('\n')}`);
  } finally {
    await cleanup();
  }
  return report(checks);
}

function report(checks: Check[]): number {
  console.log('\n## Targets (issue 6)\n');
  console.log('| target | goal | measured | |');
  console.log('|---|---|--:|---|');
  for (const c of checks) console.log(`| ${c.target} | ${c.goal} | ${c.measured} | ${c.info ? 'reported' : c.pass ? 'PASS' : '**FAIL**'} |`);
  const failed = checks.filter((c) => !c.pass).length;
  const counted = checks.filter((c) => !c.info).length;
  console.log(`\nload average at the end: ${loadAverage()}`);
  console.log(`${counted - failed} of ${counted} targets passed${failed ? `, ${failed} FAILED` : ''}.`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => void cleanup().finally(() => process.exit(code)),
  (error: unknown) => {
    console.error(`bench:formats failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    void cleanup().finally(() => process.exit(2));
  },
);
