import { inTransaction, type Context } from '../../platform/context.js';
import { Random } from '../../platform/random.js';
import { loadMatchingActors, SECTORS, type MatchingActor } from '../actors/service.js';
import { analyzeTies, insertDemoTies, selectOpenTiePairs, type DemoTieColumns } from './demo-ties-queries.js';
import { DAY_MS, type TieKind, type TieOrigin } from './model.js';

/**
 * A synthetic tie network among the listed actors for demos, tests and benchmarks
 * (`npm run cli -- demo --ties N`): mostly between neighbours of the same sector, some across
 * sectors and across the country; preferential attachment (an actor's chance to gain a tie grows
 * with the ties it has) makes a few actors hubs, as in real networks. Active ties of mixed kinds
 * and origins since dates in the last five years. The same actors and seed give the same ties;
 * pairs already tied and the `avoid` pairs are left alone.
 */

export interface DemoTiesOptions {
  count: number;
  seed?: number;
  /** Pairs of actor ids never to tie (e.g. the planted pairs, which the suggestions must find). */
  avoid?: Iterable<readonly [number, number]>;
}

export interface DemoTiesResult {
  /** `count`, unless the network has fewer untied pairs. */
  created: number;
  /** Actors that may be tied (approved, not merged). */
  actors: number;
  maxDegree: number;
}

export const DEMO_TIES_MAX = 10_000_000;
/** Rows per INSERT (five array parameters each; the limit keeps statements small on PGlite). */
const BATCH = 2000;
/** Share of ties to someone within the 3 × 3 grid cells around an actor (≈ 80 × 55 km; farther where there are few). */
const LOCAL_SHARE = 0.8;
/** Rings of cells are added around a sparse neighbourhood until it has this many actors, up to RINGS_MAX (≈ 200 km). */
const POOL_MIN = 20;
const RINGS_MAX = 8;
/** Share of the ties sought in the actor's own sector (the others: in any sector, the same included). */
const SAME_SECTOR_SHARE = 0.65;
const CELL_DEGREES = 0.25;
const DAYS = 5 * 365;
const KIND_WEIGHTS: [TieKind, number][] = [
  ['cooperation', 35],
  ['introduction', 25],
  ['met_at_format', 25],
  ['project_partnership', 15],
];
/** How many ties of a kind a coordinator or a format brought about. */
const BROKERED_SHARE: Partial<Record<TieKind, number>> = { introduction: 0.6, met_at_format: 0.8, cooperation: 0.15, project_partnership: 0.3 };


/** The listed actors on a grid, with the lists of candidates around each cell (per sector) built on demand. */
class Neighbourhoods {
  private readonly cells = new Map<number, number[]>();
  private readonly cellOf: Int32Array;
  private readonly pools = new Map<number, Int32Array>();

  constructor(
    actors: MatchingActor[],
    private readonly sectors: Uint8Array,
  ) {
    this.cellOf = new Int32Array(actors.length).fill(-1);
    actors.forEach((actor, slot) => {
      if (actor.latitude === null || actor.longitude === null) return;
      const cell = Math.floor((actor.latitude + 90) / CELL_DEGREES) * 10_000 + Math.floor((actor.longitude + 180) / CELL_DEGREES);
      this.cellOf[slot] = cell;
      const list = this.cells.get(cell);
      if (list) list.push(slot);
      else this.cells.set(cell, [slot]);
    });
  }

  /**
   * The actors in the cells around `slot` (of one sector, or all for -1): the 3 × 3 cells, or more
   * rings of cells where the network is sparse; null without a place.
   */
  around(slot: number, sector: number): Int32Array | null {
    const center = this.cellOf[slot]!;
    if (center < 0) return null;
    const key = center * 8 + sector + 1;
    let pool = this.pools.get(key);
    if (!pool) {
      const slots: number[] = [];
      const ring = (r: number) => {
        for (let dy = -r; dy <= r; dy++) {
          for (let dx = -r; dx <= r; dx++) {
            if (Math.max(Math.abs(dx), Math.abs(dy)) !== r) continue;
            for (const s of this.cells.get(center + dy * 10_000 + dx) ?? []) if (sector < 0 || this.sectors[s] === sector) slots.push(s);
          }
        }
      };
      for (let r = 0; r <= 1 || (slots.length < POOL_MIN && r <= RINGS_MAX); r++) ring(r);
      pool = Int32Array.from(slots);
      this.pools.set(key, pool);
    }
    return pool;
  }
}

export async function generateDemoTies(ctx: Context, options: DemoTiesOptions): Promise<DemoTiesResult> {
  const target = Math.max(0, Math.min(DEMO_TIES_MAX, Math.floor(options.count)));
  const random = new Random(options.seed ?? 1);
  const [feed, open] = await Promise.all([loadMatchingActors(ctx), selectOpenTiePairs(ctx.db)]);
  const actors = feed.actors.filter((a) => a.listed).sort((x, y) => x.id - y.id);
  const n = actors.length;
  const slotOf = new Map(actors.map((a, slot) => [a.id, slot]));
  const sectors = Uint8Array.from(actors, (a) => Math.max(0, SECTORS.indexOf(a.sector)));
  const key = (i: number, j: number) => (i < j ? i * n + j : j * n + i);
  const taken = new Set<number>();
  const mark = (x: number, y: number) => {
    const i = slotOf.get(Number(x));
    const j = slotOf.get(Number(y));
    if (i !== undefined && j !== undefined && i !== j) taken.add(key(i, j));
  };
  for (const row of open) mark(row.actor_a, row.actor_b);
  for (const [x, y] of options.avoid ?? []) mark(x, y);

  const free = n < 2 ? 0 : (n * (n - 1)) / 2 - taken.size;
  const wanted = Math.min(target, free);
  const neighbourhoods = new Neighbourhoods(actors, sectors);
  const degree = new Int32Array(n);
  // Preferential attachment: every actor once, plus once more for each tie it has — in the list of
  // all actors and in its sector's.
  const endpoints = new Int32Array(n + 2 * wanted);
  for (let slot = 0; slot < n; slot++) endpoints[slot] = slot;
  let ends = n;
  const bySector = SECTORS.map(() => [] as number[]);
  for (let slot = 0; slot < n; slot++) bySector[sectors[slot]!]!.push(slot);
  const pairs: number[] = [];

  const partner = (u: number): number => {
    const sector = random.chance(SAME_SECTOR_SHARE) ? sectors[u]! : -1;
    if (random.chance(LOCAL_SHARE)) {
      const pool = neighbourhoods.around(u, sector);
      if (pool && pool.length > 1) {
        // The better connected of two neighbours: locally, too, ties go where ties are.
        const c1 = pool[random.int(0, pool.length - 1)]!;
        const c2 = pool[random.int(0, pool.length - 1)]!;
        if (c1 === u) return c2;
        if (c2 === u) return c1;
        return degree[c2]! > degree[c1]! ? c2 : c1;
      }
    }
    if (sector >= 0) {
      const same = bySector[sector]!;
      return same[random.int(0, same.length - 1)]!;
    }
    return endpoints[random.int(0, ends - 1)]!;
  };
  const add = (u: number, v: number) => {
    taken.add(key(u, v));
    pairs.push(u, v);
    degree[u]!++;
    degree[v]!++;
    endpoints[ends++] = u;
    endpoints[ends++] = v;
    bySector[sectors[u]!]!.push(u);
    bySector[sectors[v]!]!.push(v);
  };

  for (let attempt = 0, attempts = wanted * 30 + 1000; pairs.length < 2 * wanted && attempt < attempts; attempt++) {
    const u = endpoints[random.int(0, ends - 1)]!;
    const v = partner(u);
    if (v !== u && !taken.has(key(u, v))) add(u, v);
  }
  // A network too dense for random draws (small tests): the remaining free pairs in order.
  for (let i = 0; i < n && pairs.length < 2 * wanted; i++) for (let j = i + 1; j < n && pairs.length < 2 * wanted; j++) if (!taken.has(key(i, j))) add(i, j);

  const today = Math.floor(ctx.clock.now().getTime() / DAY_MS);
  const dates = Array.from({ length: DAYS }, (_, d) => new Date((today - d) * DAY_MS).toISOString().slice(0, 10));
  const kindTotal = KIND_WEIGHTS.reduce((sum, [, w]) => sum + w, 0);
  const rowsAt = (start: number, end: number): DemoTieColumns => {
    const rows: DemoTieColumns = { a: [], b: [], kind: [], origin: [], since: [] };
    for (let p = start; p < end; p++) {
      const x = actors[pairs[2 * p]!]!.id;
      const y = actors[pairs[2 * p + 1]!]!.id;
      let pick = random.int(0, kindTotal - 1);
      const kind = KIND_WEIGHTS.find(([, w]) => (pick -= w) < 0)![0];
      const origin: TieOrigin = random.chance(BROKERED_SHARE[kind] ?? 0.5) ? 'brokered' : 'self_initiated';
      rows.a.push(Math.min(x, y));
      rows.b.push(Math.max(x, y));
      rows.kind.push(kind);
      rows.origin.push(origin);
      rows.since.push(dates[random.int(0, DAYS - 1)]!);
    }
    return rows;
  };
  const created = pairs.length / 2;
  await inTransaction(ctx, async (tx) => {
    for (let start = 0; start < created; start += BATCH) await insertDemoTies(tx.db, rowsAt(start, Math.min(created, start + BATCH)));
  });
  if (!ctx.db.isTransaction && created > 0) await analyzeTies(ctx.db);
  return { created, actors: n, maxDegree: degree.reduce((max, d) => Math.max(max, d), 0) };
}
