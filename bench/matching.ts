// npm run bench:matching — partner suggestions (issue 5).
//
// Relevance: demo actors with K planted complementary pairs (A offers what B needs and the other
// way round, different sectors, 2–15 km apart) and a demo tie network. For every planted actor the
// top 10 of our engine and of four baselines on the same data: random, same-sector-nearest,
// one-sided (offers that cover A's needs in A's state, by name: what the directory's filters give) and
// most-connected; and, for reference, one-sided with a distance order the directory does not have. precision@10 and recall@10 against the planted partner, with diagnostics of
// where the partner ranks and what outranks it. PGlite, or PostgreSQL when DATABASE_URL is set.
//
// Speed: on PostgreSQL (100,000 actors, 1,000,000 ties) and PGlite (10,000 actors, 100,000 ties):
// the partner index's build time and memory, listSuggestions per actor (p50/p95/p99, in process,
// after a warm-up) and the whole-network batch (suggestForNetwork).
//
// Creates and drops its own databases (qn_bench_matching*) and PGlite data directories.
//
//   npm run bench:matching                                   # everything at full size
//   npm run bench:matching -- --part relevance               # relevance only (≈ 1 min)
//   npm run bench:matching -- --part speed --actors 20000 --ties 200000 --pglite-actors 0
//
// Options (all optional):
//   --part relevance|speed|all   (all)
//   --relevance-actors N (10000) --pairs K (300) --relevance-ties N (50000)
//   --actors N (100000) --ties N (1000000)            speed on PostgreSQL (0 skips)
//   --pglite-actors N (10000) --pglite-ties N (100000) speed on PGlite (0 skips)
//   --samples N (300)            single-actor calls measured per database
//   --seed S (1)
//   --weights k=v,…              try other weights for our engine in the relevance part (e.g. distance=3)
// Environment: DATABASE_URL (relevance on that PostgreSQL server instead of PGlite; also the server
// for speed), else TEST_DATABASE_URL, else BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres)
// as the admin connection for creating and dropping the benchmark databases.
// Exit code: 0 when every target passes, 1 when one fails, 2 when the benchmark itself failed.
import { Random } from '../src/platform/random.js';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { sql } from 'kysely';
import pg from 'pg';
import pino from 'pino';
import type { FastifyBaseLogger } from 'fastify';
import { loadConfig } from '../src/platform/config.js';
import { createContext, type Context, type CurrentUser } from '../src/platform/context.js';
import { openDatabase, type DatabaseHandle } from '../src/platform/db/index.js';
import { suggestForNetwork } from '../src/domains/partnering/batch.js';
import { currentPartnerIndex } from '../src/domains/partnering/current-partner-index.js';
import type { RankedPartner } from '../src/domains/partnering/partner-index.js';
import { haversineKm, WEIGHT_KEYS, type Weights } from '../src/domains/partnering/scoring.js';
import { getWeights, listSuggestions } from '../src/domains/partnering/suggestions.js';

const root = path.resolve(import.meta.dirname, '..');
const cli = path.join(root, 'dist', 'src', 'cli.js');
const { values: args } = parseArgs({
  options: {
    part: { type: 'string', default: 'all' },
    'relevance-actors': { type: 'string', default: '10000' },
    pairs: { type: 'string', default: '300' },
    'relevance-ties': { type: 'string', default: '50000' },
    actors: { type: 'string', default: '100000' },
    ties: { type: 'string', default: '1000000' },
    'pglite-actors': { type: 'string', default: '10000' },
    'pglite-ties': { type: 'string', default: '100000' },
    samples: { type: 'string', default: '300' },
    seed: { type: 'string', default: '1' },
    weights: { type: 'string', default: '' },
  },
});
const whole = (name: keyof typeof args) => {
  const value = Number(args[name]);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number, got "${args[name]}"`);
  return value;
};
const PART = args.part;
if (!['relevance', 'speed', 'all'].includes(PART!)) throw new Error(`--part must be relevance, speed or all, got "${PART}"`);
const SEED = whole('seed');
const SAMPLES = Math.max(10, whole('samples'));
const WARMUP = 30;
const TOP = 10;
/** Weights to try instead of the coordinators' (relevance only), e.g. `distance=3,sector=0.5`. */
const WEIGHT_OVERRIDES = Object.fromEntries(
  args.weights!
    .split(',')
    .filter(Boolean)
    .map((pair) => {
      const [key, value] = pair.split('=');
      if (!WEIGHT_KEYS.includes(key as (typeof WEIGHT_KEYS)[number]) || !Number.isFinite(Number(value))) throw new Error(`--weights: "${pair}" is not key=number with a key of ${WEIGHT_KEYS.join(', ')}`);
      return [key, Number(value)];
    }),
) as Partial<Weights>;
const RELEVANCE_DB_URL = process.env.DATABASE_URL || '';
const PG_ADMIN_URL = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL || process.env.BENCH_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const TARGETS = { recall: 0.8, ratio: 3, p95Ms: 50, batchMs: 10 * 60 * 1000 };

// ---------------------------------------------------------------------------------------------
// Helpers

const silent = pino({ level: 'silent' }) as unknown as FastifyBaseLogger;
function percentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
const fmt = (value: number, digits = 0) => (Number.isFinite(value) ? value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '–');
const seconds = (ms: number) => `${fmt(ms / 1000, 1)} s`;


/** The heap and the array buffers in use after a full collection (MB). */
function heapAfterGc(): number {
  v8.setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  const { heapUsed, external } = process.memoryUsage();
  return (heapUsed + external) / 2 ** 20;
}

function runCli(cliArgs: string[], dbEnv: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--max-old-space-size=4096', cli, ...cliArgs], { cwd: root, env: { ...process.env, LOG_LEVEL: 'warn', ...dbEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`cli ${cliArgs.join(' ')} failed (${code}):\n${out}`))));
  });
}

function gitDescribe(): string {
  const git = (...a: string[]) => spawnSync('git', a, { cwd: root, encoding: 'utf8' });
  const head = git('log', '-1', '--format=%h %s');
  if (head.status !== 0) return '(not a git checkout)';
  const dirty = git('status', '--porcelain', '--', 'src', 'migrations', 'package.json').stdout.trim() !== '';
  return `${head.stdout.trim().slice(0, 100)}${dirty ? ' (+ uncommitted changes)' : ''}`;
}

/** A database of its own: a new one on the PostgreSQL server, or a PGlite data directory. */
interface BenchDb {
  label: string;
  env: Record<string, string>;
  drop(): Promise<void>;
}

const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'qn-bench-matching-'));
const dropOnExit: BenchDb[] = [];

async function adminQuery(text: string) {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect().catch((error: Error) => {
    throw new Error(`cannot reach PostgreSQL at ${PG_ADMIN_URL} (${error.message}); set DATABASE_URL, TEST_DATABASE_URL or BENCH_PG_URL`);
  });
  try {
    return await admin.query<Record<string, string>>(text);
  } finally {
    await admin.end();
  }
}

async function freshDb(kind: 'pg' | 'pglite', name: string): Promise<BenchDb> {
  let db: BenchDb;
  if (kind === 'pg') {
    await adminQuery(`drop database if exists "${name}" with (force)`);
    await adminQuery(`create database "${name}"`);
    const url = new URL(PG_ADMIN_URL);
    url.pathname = `/${name}`;
    db = { label: 'PostgreSQL', env: { DATABASE_URL: url.toString(), DATA_DIR: '' }, drop: () => adminQuery(`drop database if exists "${name}" with (force)`).then(() => undefined) };
  } else {
    const dir = path.join(tmpRoot, name);
    db = { label: 'PGlite', env: { DATABASE_URL: '', DATA_DIR: dir }, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  dropOnExit.push(db);
  return db;
}

async function dropAll() {
  for (const db of dropOnExit.splice(0)) await db.drop().catch((error: Error) => console.error(`could not drop ${db.label} database: ${error.message}`));
  fs.rmSync(tmpRoot, { recursive: true, force: true });
}

interface Generated {
  pairs: { a: string; b: string }[];
  actorsMs: number;
  tiesMs: number;
  maxDegree: number;
}

/** `cli demo` (migrate, seed, actors, planted pairs, ties); the times as the command prints them. */
async function generate(db: BenchDb, actors: number, ties: number, pairs: number): Promise<Generated> {
  const out = await runCli(['demo', '--actors', String(actors), '--seed', String(SEED), '--plant-pairs', String(pairs), '--ties', String(ties)], db.env);
  const time = (pattern: RegExp) => Number(pattern.exec(out)?.[1] ?? NaN) * 1000;
  return {
    pairs: [...out.matchAll(/Paar \/ pair: (\S+) ↔ (\S+)/g)].map((m) => ({ a: m[1]!, b: m[2]! })),
    actorsMs: time(/demo actors created \(seed \d+, ([\d.]+) s\)/),
    tiesMs: time(/demo ties created .*, ([\d.]+) s\)/),
    maxDegree: Number(/most (\d+) per actor/.exec(out)?.[1] ?? NaN),
  };
}

async function open(db: BenchDb): Promise<{ handle: DatabaseHandle; ctx: Context }> {
  const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', DATABASE_URL: db.env.DATABASE_URL ?? '', DATA_DIR: db.env.DATA_DIR ?? '' });
  const handle = await openDatabase(config, { poolSize: 10 });
  const email = `bench-coordinator-${Date.now()}@example.org`;
  const { rows } = await sql<{ id: number }>`insert into users (email, name, password_hash, role, locale, email_verified_at)
    values (${email}, 'Benchmark', 'not-a-password-hash', 'coordinator', 'de', now()) returning id`.execute(handle.db);
  const user: CurrentUser = { id: Number(rows[0]!.id), email, name: 'Benchmark', role: 'coordinator', locale: 'de', sessionId: null };
  return { handle, ctx: createContext({ db: handle.db, config, log: silent, user }) };
}

// ---------------------------------------------------------------------------------------------
// Relevance

interface Actor {
  id: number;
  slug: string;
  name: string;
  state: string | null;
  sector: string;
  lat: number | null;
  lon: number | null;
  offers: Set<number>;
  needs: number[];
  candidate: boolean;
}

interface MethodFigures {
  name: string;
  /** Printed for comparison, not counted as the target's best baseline. */
  reference?: boolean;
  hits: number;
  suggested: number;
  crossSector: number;
  warm: number;
}

type Ranker = (source: Actor, excluded: Set<number>) => number[];

/** One ranking of every planted actor by our engine and the baselines. */
interface Scenario {
  name: string;
  db: string;
  actors: number;
  ties: number;
  planted: number;
  methods: MethodFigures[];
  ranks: number[];
  diagnostics: string[];
}

interface Network {
  actors: Actor[];
  byId: Map<number, Actor>;
  bySlug: Map<string, Actor>;
  neighbours: Map<number, Set<number>>;
  degree: Map<number, number>;
  ties: number;
}

const km = (x: Actor, y: Actor) => (x.lat === null || y.lat === null || x.lon === null || y.lon === null ? Infinity : haversineKm(x.lat, x.lon, y.lat, y.lon));

/** The `n` best of `items` by `better` (a negative number when its first argument ranks higher). */
function topN<T>(items: Iterable<T>, n: number, better: (a: T, b: T) => number): T[] {
  const top: T[] = [];
  for (const item of items) {
    if (top.length === n && better(item, top[n - 1]!) >= 0) continue;
    let at = Math.min(top.length, n - 1);
    top[at] = item;
    while (at > 0 && better(top[at]!, top[at - 1]!) < 0) {
      [top[at], top[at - 1]] = [top[at - 1]!, top[at]!];
      at--;
    }
  }
  return top;
}

/**
 * The issue's four baselines, plus a reference that is stronger than anything the directory offers
 * (one-sided with a distance order): printed, but not the target's "best baseline".
 */
function baselines(actors: Actor[], degree: Map<number, number>, seed: number): { name: string; rank: Ranker; reference?: boolean }[] {
  const candidates = actors.filter((a) => a.candidate);
  const random = new Random(seed);
  const open = (source: Actor, excluded: Set<number>) => candidates.filter((c) => c.id !== source.id && !excluded.has(c.id));
  return [
    {
      name: 'random (listed actors)',
      rank: (source, excluded) => {
        const picked = new Set<number>();
        while (picked.size < TOP) {
          const c = candidates[random.int(0, candidates.length - 1)]!;
          if (c.id !== source.id && !excluded.has(c.id)) picked.add(c.id);
        }
        return [...picked];
      },
    },
    {
      name: 'same sector, nearest',
      rank: (source, excluded) => {
        const pool = open(source, excluded).filter((c) => c.sector === source.sector).map((c) => ({ id: c.id, d: km(source, c) }));
        return topN(pool, TOP, (x, y) => x.d - y.d || x.id - y.id).map((c) => c.id);
      },
    },
    {
      // What a member gets from the directory: offers filtered by their needs (most needs covered
      // first), their own state (the directory's Bundesland facet), in the directory's order (name).
      name: 'one-sided, as the directory filters (offers cover the needs, own state, by name)',
      rank: (source, excluded) => {
        const pool = open(source, excluded).map((c) => ({
          id: c.id,
          cover: source.needs.filter((t) => c.offers.has(t)).length / Math.max(1, source.needs.length),
          sameState: c.state !== null && c.state === source.state ? 1 : 0,
          name: c.name,
        }));
        return topN(pool, TOP, (x, y) => y.cover - x.cover || y.sameState - x.sameState || x.name.localeCompare(y.name, 'de') || x.id - y.id).map((c) => c.id);
      },
    },
    {
      name: 'reference: one-sided, nearest first (no directory order; not one of the issue’s baselines)',
      reference: true,
      rank: (source, excluded) => {
        const pool = open(source, excluded).map((c) => ({ id: c.id, cover: source.needs.filter((t) => c.offers.has(t)).length / Math.max(1, source.needs.length), d: km(source, c) }));
        return topN(pool, TOP, (x, y) => y.cover - x.cover || x.d - y.d || x.id - y.id).map((c) => c.id);
      },
    },
    {
      name: 'most connected (active ties)',
      rank: (source, excluded) => {
        const pool = open(source, excluded).map((c) => ({ id: c.id, degree: degree.get(c.id) ?? 0 }));
        return topN(pool, TOP, (x, y) => y.degree - x.degree || x.id - y.id).map((c) => c.id);
      },
    },
  ];
}

async function loadNetwork(ctx: Context): Promise<Network> {
  const { rows } = await sql<{ id: number; slug: string; name: string; state_code: string | null; sector: string; latitude: number | null; longitude: number | null; offer_ids: number[]; need_ids: number[]; candidate: boolean }>`
    select id, slug, name, state_code, sector, latitude, longitude, offer_ids, need_ids,
      status = 'approved' and merged_into is null and visibility in ('public', 'members') as candidate
    from actors order by id`.execute(ctx.db);
  const actors: Actor[] = rows.map((r) => ({
    id: Number(r.id),
    slug: r.slug,
    name: r.name,
    state: r.state_code,
    sector: r.sector,
    lat: r.latitude,
    lon: r.longitude,
    offers: new Set(r.offer_ids),
    needs: r.need_ids,
    candidate: r.candidate,
  }));
  const tieRows = (await sql<{ actor_a: number; actor_b: number }>`select actor_a, actor_b from ties where status = 'active'`.execute(ctx.db)).rows;
  const neighbours = new Map<number, Set<number>>();
  for (const { actor_a, actor_b } of tieRows) {
    const [a, b] = [Number(actor_a), Number(actor_b)];
    for (const [x, y] of [[a, b], [b, a]] as const) {
      const set = neighbours.get(x) ?? new Set<number>();
      set.add(y);
      neighbours.set(x, set);
    }
  }
  return {
    actors,
    byId: new Map(actors.map((a) => [a.id, a])),
    bySlug: new Map(actors.map((a) => [a.slug, a])),
    neighbours,
    degree: new Map([...neighbours].map(([id, set]) => [id, set.size])),
    ties: tieRows.length,
  };
}

/** Every planted actor's top 10 by our engine (as synced now) and by the baselines. */
async function rankPlanted(ctx: Context, name: string, db: string, pairs: Generated['pairs']): Promise<Scenario> {
  const net = await loadNetwork(ctx);
  const planted: { source: Actor; partner: Actor }[] = [];
  for (const pair of pairs) {
    const [a, b] = [net.bySlug.get(pair.a)!, net.bySlug.get(pair.b)!];
    planted.push({ source: a, partner: b }, { source: b, partner: a });
  }
  const index = await currentPartnerIndex(ctx);
  const weights = { ...(await getWeights(ctx)), ...WEIGHT_OVERRIDES };
  const now = ctx.clock.now().getTime();
  const ours: MethodFigures = { name: 'our engine', hits: 0, suggested: 0, crossSector: 0, warm: 0 };
  const ranks: number[] = [];
  const missed: Missed[] = [];
  for (const { source, partner } of planted) {
    const full = index.suggest({ actorId: source.id, exclude: new Set([source.id]), member: true, limit: 1000, weights, now });
    const top = full.slice(0, TOP);
    const rank = full.findIndex((r) => r.actorId === partner.id) + 1;
    ranks.push(rank === 0 ? Infinity : rank);
    if (rank >= 1 && rank <= TOP) ours.hits++;
    else missed.push({ source, partner, rank, full });
    ours.suggested += top.length;
    ours.crossSector += top.filter((r) => r.sector !== source.sector).length;
    ours.warm += top.filter((r) => r.commonContact !== null).length;
  }
  const methods = [ours];
  for (const baseline of baselines(net.actors, net.degree, SEED)) {
    const figures: MethodFigures = { name: baseline.name, reference: baseline.reference, hits: 0, suggested: 0, crossSector: 0, warm: NaN };
    for (const { source, partner } of planted) {
      const top = baseline.rank(source, net.neighbours.get(source.id) ?? new Set());
      if (top.includes(partner.id)) figures.hits++;
      figures.suggested += top.length;
      figures.crossSector += top.filter((id) => net.byId.get(id)!.sector !== source.sector).length;
    }
    methods.push(figures);
  }
  return { name, db, actors: net.actors.length, ties: net.ties, planted: planted.length, methods, ranks, diagnostics: diagnose(missed, weights) };
}

/**
 * The harder variant: each planted actor also gets 1–3 more offers and 1–2 more needs drawn from
 * the vocabulary, as a real profile has; the planted offer and need stay.
 */
async function addProfileNoise(ctx: Context, pairs: Generated['pairs']) {
  const terms = (await sql<{ id: number }>`select id from tags where curated order by id`.execute(ctx.db)).rows.map((r) => Number(r.id));
  const random = new Random(SEED + 1);
  const { rows } = await sql<{ id: number; offer_ids: number[]; need_ids: number[] }>`select id, offer_ids, need_ids from actors
    where slug = any(${pairs.flatMap((p) => [p.a, p.b])}::text[]) order by id`.execute(ctx.db);
  for (const row of rows) {
    const offers = new Set(row.offer_ids);
    const needs = new Set(row.need_ids);
    const extra = random.sample(terms.filter((t) => !offers.has(t) && !needs.has(t)), random.int(1, 3) + random.int(1, 2));
    const extraOffers = extra.slice(0, Math.max(1, extra.length - 2));
    const extraNeeds = extra.slice(extraOffers.length);
    await sql`update actors set offer_ids = ${[...offers, ...extraOffers]}::int[], need_ids = ${[...needs, ...extraNeeds]}::int[] where id = ${row.id}`.execute(ctx.db);
  }
}

async function measureRelevance(): Promise<Scenario[]> {
  const actorsCount = whole('relevance-actors');
  const tiesCount = whole('relevance-ties');
  const pairCount = whole('pairs');
  const db = await freshDb(RELEVANCE_DB_URL ? 'pg' : 'pglite', 'qn_bench_matching_relevance');
  console.log(`relevance on ${db.label}: ${fmt(actorsCount)} demo actors, ${fmt(pairCount)} planted pairs, ${fmt(tiesCount)} ties …`);
  const generated = await generate(db, actorsCount, tiesCount, pairCount);
  console.log(`  generated: actors ${seconds(generated.actorsMs)}, ties ${seconds(generated.tiesMs)} (most ${generated.maxDegree} per actor)`);
  const { handle, ctx } = await open(db);
  try {
    const planted = await rankPlanted(ctx, 'as planted (the target)', db.label, generated.pairs);
    await addProfileNoise(ctx, generated.pairs);
    const noisy = await rankPlanted(ctx, 'planted actors with 1–3 more offers and 1–2 more needs (supplementary)', db.label, generated.pairs);
    return [planted, noisy];
  } finally {
    await handle.close();
    await db.drop();
  }
}

interface Missed {
  source: Actor;
  partner: Actor;
  rank: number;
  full: RankedPartner[];
}

/** Where the missed partners rank and which weighted components the suggestions above them win on. */
function diagnose(missed: Missed[], weights: Weights): string[] {
  if (missed.length === 0) return ['every planted partner is in its actor’s top 10'];
  const lines: string[] = [];
  const gain = Object.fromEntries(WEIGHT_KEYS.map((k) => [k, 0])) as Record<(typeof WEIGHT_KEYS)[number], number>;
  let compared = 0;
  for (const { rank, full } of missed) {
    const partner = full[rank - 1];
    if (!partner) continue;
    for (const above of full.slice(0, TOP)) {
      for (const key of WEIGHT_KEYS) gain[key] += weights[key] * (above.components[key] - partner.components[key]);
      compared++;
    }
  }
  const unranked = missed.filter((m) => m.rank === 0).length;
  lines.push(`${missed.length} planted partners missed the top 10 (${unranked} not ranked at all among the first 1,000)`);
  if (compared > 0) {
    const parts = WEIGHT_KEYS.map((k) => [k, gain[k] / compared] as const).sort((a, b) => b[1] - a[1]);
    lines.push(`weighted score the top 10 have over the missed partner, per component (mean): ${parts.map(([k, v]) => `${k} ${v >= 0 ? '+' : ''}${fmt(v, 2)}`).join(', ')}`);
  }
  const describe = (r: RankedPartner) => `${r.slug} (${r.sector}, ${r.distanceKm ?? '?'} km) score ${fmt(r.score, 2)} [${WEIGHT_KEYS.map((k) => `${k} ${fmt(r.components[k], 2)}`).join(', ')}]`;
  for (const { source, partner, rank, full } of missed.slice(0, 5)) {
    const found = full[rank - 1];
    lines.push(`- ${source.slug} (${source.sector}): partner ${partner.slug} at rank ${rank || '> 1000'}, ${found ? describe(found) : `${fmt(km(source, partner), 1)} km`}`);
    for (const r of full.slice(0, 2)) lines.push(`    above it: ${describe(r)}`);
  }
  return lines;
}

function reportRelevance(r: Scenario) {
  console.log(`\n## Relevance, ${r.name}: ${fmt(r.planted)} planted actors among ${fmt(r.actors)} on ${r.db}, ${fmt(r.ties)} active ties\n`);
  console.log('| method | precision@10 | recall@10 | cross-sector share | warm-path share |');
  console.log('|---|--:|--:|--:|--:|');
  for (const m of r.methods) {
    const cell = (v: number) => (Number.isNaN(v) ? '–' : fmt(v / Math.max(1, m.suggested), 2));
    console.log(`| ${m.name} | ${fmt(m.hits / (TOP * r.planted), 3)} | ${fmt(m.hits / r.planted, 3)} | ${cell(m.crossSector)} | ${cell(m.warm)} |`);
  }
  const finite = r.ranks.filter(Number.isFinite);
  const bucket = (lo: number, hi: number) => r.ranks.filter((x) => x >= lo && x <= hi).length;
  console.log(`\nRank of the planted partner in our ranking: 1st ${bucket(1, 1)}, 2–3 ${bucket(2, 3)}, 4–10 ${bucket(4, 10)}, 11–30 ${bucket(11, 30)}, 31–1000 ${bucket(31, 1000)}, not ranked ${r.ranks.length - finite.length}; median ${percentile(finite, 50)}`);
  for (const line of r.diagnostics) console.log(line);
}

// ---------------------------------------------------------------------------------------------
// Speed

interface SpeedFigures {
  db: string;
  actors: number;
  ties: number;
  generated: Generated;
  index: { ms: number; heapMb: number; stats: string };
  single: number[];
  batch: { ms: number; actors: number; suggestions: number; heapMb: number };
  /** The planted pairs ranked at this size (PostgreSQL only). */
  relevance: Scenario | null;
}

async function measureSpeed(kind: 'pg' | 'pglite', actors: number, ties: number): Promise<SpeedFigures> {
  const db = await freshDb(kind, 'qn_bench_matching');
  console.log(`speed on ${db.label}: ${fmt(actors)} demo actors, ${fmt(ties)} ties …`);
  const generated = await generate(db, actors, ties, kind === 'pg' ? whole('pairs') : 0);
  console.log(`  generated: actors ${seconds(generated.actorsMs)}, ties ${seconds(generated.tiesMs)} (most ${generated.maxDegree} per actor)`);
  const { handle, ctx } = await open(db);
  try {
    const heapBefore = heapAfterGc();
    let started = performance.now();
    const index = await currentPartnerIndex(ctx);
    const indexMs = performance.now() - started;
    const stats = index.stats();
    const heapMb = heapAfterGc() - heapBefore;
    console.log(`  partner index built in ${seconds(indexMs)}, ${fmt(heapMb)} MB (${fmt(stats.actors)} actors, ${fmt(stats.ties)} ties)`);
    const ids = new Random(SEED).sample(index.listedActorIds(), WARMUP + SAMPLES);
    const single: number[] = [];
    for (const [i, id] of ids.entries()) {
      started = performance.now();
      await listSuggestions(ctx, id, { limit: TOP });
      if (i >= WARMUP) single.push(performance.now() - started);
    }
    console.log(`  listSuggestions: p50 ${fmt(percentile(single, 50), 1)} ms, p95 ${fmt(percentile(single, 95), 1)} ms over ${single.length} actors`);
    let reported = 0;
    const heapBatch = heapAfterGc();
    started = performance.now();
    const result = await suggestForNetwork(ctx, {
      limit: TOP,
      onProgress: (done, total) => {
        if (done === total || done - reported >= total / 10) {
          reported = done;
          console.log(`  batch: ${fmt(done)} / ${fmt(total)} actors, ${seconds(performance.now() - started)}`);
        }
      },
    });
    const batchHeap = heapAfterGc() - heapBatch;
    let suggestions = 0;
    for (const list of result.suggestions.values()) suggestions += list.length;
    const relevance = generated.pairs.length > 0 ? await rankPlanted(ctx, `as planted, at ${fmt(actors)} actors (supplementary)`, db.label, generated.pairs) : null;
    return {
      relevance,
      db: db.label,
      actors,
      ties,
      generated,
      index: { ms: indexMs, heapMb, stats: `${fmt(stats.actors)} actors, ${fmt(stats.ties)} ties` },
      single,
      batch: { ms: result.ms, actors: result.actors, suggestions, heapMb: batchHeap },
    };
  } finally {
    await handle.close();
    await db.drop();
  }
}

function reportSpeed(results: SpeedFigures[]) {
  console.log('\n## Speed\n');
  console.log('| database | actors | ties | generate actors · ties | index build · memory | listSuggestions p50 · p95 · p99 | whole-network batch | per actor |');
  console.log('|---|--:|--:|--:|--:|--:|--:|--:|');
  for (const r of results) {
    const p = (q: number) => fmt(percentile(r.single, q), 1);
    console.log(
      `| ${r.db} | ${fmt(r.actors)} | ${fmt(r.ties)} | ${seconds(r.generated.actorsMs)} · ${seconds(r.generated.tiesMs)} | ${seconds(r.index.ms)} · ${fmt(r.index.heapMb)} MB | ${p(50)} · ${p(95)} · ${p(99)} ms | ${seconds(r.batch.ms)} (${fmt(r.batch.actors)} actors, ${fmt(r.batch.suggestions)} suggestions, ${fmt(r.batch.heapMb)} MB kept) | ${fmt(r.batch.ms / Math.max(1, r.batch.actors), 2)} ms |`,
    );
  }
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

function targets(relevance: Scenario | null, speed: SpeedFigures[]): Check[] {
  const checks: Check[] = [];
  if (relevance) {
    const [ours, ...others] = relevance.methods;
    const precision = (m: MethodFigures) => m.hits / (TOP * relevance.planted);
    const recall = ours!.hits / relevance.planted;
    const best = others.filter((m) => !m.reference).reduce((b: MethodFigures, m: MethodFigures) => (precision(m) > precision(b) ? m : b));
    const ratio = precision(best) === 0 ? Infinity : precision(ours!) / precision(best);
    checks.push({ target: 'recall@10 of the planted partner', goal: `≥ ${TARGETS.recall}`, measured: fmt(recall, 3), pass: recall >= TARGETS.recall });
    checks.push({
      target: `precision@10, ours / best baseline (${best.name}: ${fmt(precision(best), 3)})`,
      goal: `≥ ${TARGETS.ratio}×`,
      measured: `${fmt(precision(ours!), 3)} / ${fmt(precision(best), 3)} = ${Number.isFinite(ratio) ? `${fmt(ratio, 2)}×` : '∞'}`,
      pass: ratio >= TARGETS.ratio,
    });
    for (const reference of others.filter((m) => m.reference)) {
      const r = precision(reference) === 0 ? Infinity : precision(ours!) / precision(reference);
      checks.push({ target: `precision@10, ours / ${reference.name}`, goal: '–', measured: `${fmt(precision(ours!), 3)} / ${fmt(precision(reference), 3)} = ${Number.isFinite(r) ? `${fmt(r, 2)}×` : '∞'}`, pass: true, info: true });
    }
  }
  for (const r of speed.filter((s) => s.db === 'PostgreSQL')) {
    const p95 = percentile(r.single, 95);
    checks.push({ target: `PostgreSQL listSuggestions p95 (${fmt(r.actors)} actors, ${fmt(r.ties)} ties)`, goal: `≤ ${TARGETS.p95Ms} ms`, measured: `${fmt(p95, 1)} ms`, pass: p95 <= TARGETS.p95Ms });
    checks.push({ target: 'PostgreSQL whole-network batch', goal: '≤ 10 min', measured: seconds(r.batch.ms), pass: r.batch.ms <= TARGETS.batchMs });
  }
  console.log('\n## Targets (issue 5)\n');
  console.log('| target | goal | measured | |');
  console.log('|---|---|--:|---|');
  for (const c of checks) console.log(`| ${c.target} | ${c.goal} | ${c.measured} | ${c.info ? 'reported' : c.pass ? 'PASS' : '**FAIL**'} |`);
  return checks;
}

async function main() {
  if (!fs.existsSync(cli)) throw new Error(`${cli} is missing: run "npm run build" first (npm run bench:matching does)`);
  process.once('SIGINT', () => void dropAll().finally(() => process.exit(130)));
  console.log('# bench:matching');
  console.log(`commit ${gitDescribe()}`);
  console.log(`date ${new Date().toISOString()} · ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}) · ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM · node ${process.version}`);
  console.log(`part ${PART} · seed ${SEED}${args.weights ? ` · weights ${args.weights}` : ''} · load average ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')}\n`);
  try {
    const relevance = PART === 'speed' ? [] : await measureRelevance();
    for (const scenario of relevance) reportRelevance(scenario);
    const speed: SpeedFigures[] = [];
    if (PART !== 'relevance') {
      if (whole('actors') > 0) speed.push(await measureSpeed('pg', whole('actors'), whole('ties')));
      if (whole('pglite-actors') > 0) speed.push(await measureSpeed('pglite', whole('pglite-actors'), whole('pglite-ties')));
      reportSpeed(speed);
      for (const r of speed) if (r.relevance) reportRelevance(r.relevance);
    }
    const checks = targets(relevance[0] ?? null, speed);
    console.log(`\nload average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')}`);
    return checks.every((c) => c.pass) ? 0 : 1;
  } finally {
    await dropAll();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`bench:matching failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    void dropAll().finally(() => process.exit(2));
  },
);
