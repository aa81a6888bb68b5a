// npx tsx bench/seating.ts — table plans that mix sectors (formats domain, seating).
//
// The event: 300 people at 30 tables for 4 rounds, sectors weighted housing industry 20 /
// municipality 25 / welfare 15 / civil society 20 / creative culture 15 / other 5, about 10 % of the
// people with colleagues (groups of 2–3) and 300 ties; once as is and once with 10 % of the seats
// pinned by hand. Each variant on several events (one per seed): planSeating against the upper
// bound of the sector mix and against the best of 100 random plans (the baseline, with its time).
// One unmeasured run first warms the JIT up; its time is reported as the cold start.
//
// Options (all optional): --seeds N (7) --people N (300) --tables N (30) --rounds N (4)
// Exit code: 0 when every target passes, 1 when one fails, 2 when the benchmark itself failed.
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { bestOfRandom, crossSectorUpperBound, planSeating, type SeatingInput, type SeatingScore } from '../src/domains/formats/seating/index.js';
import { sampleEvent } from '../src/domains/formats/seating/sample-event.js';

export interface SeatingBenchOptions {
  seeds: number;
  people: number;
  tables: number;
  rounds: number;
}

const DEFAULTS: SeatingBenchOptions = { seeds: 7, people: 300, tables: 30, rounds: 4 };
const TARGETS = { maxMs: 300, pinnedShareOfBound: 0.995 };

interface Run {
  seed: number;
  ms: number;
  score: SeatingScore;
  bound: { share: number; pairs: number };
  random: SeatingScore;
  randomMs: number;
  /** Known pairs that pins put at one table: no plan can keep them apart. */
  forcedKnown: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
};
const fmt = (value: number, digits = 0) => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const pct = (share: number) => `${fmt(share * 100, 2)} %`;

/** Runs both variants, logs their figures as Markdown and returns them by name (times in ms). */
export async function benchSeating(log: (line: string) => void, options: Partial<SeatingBenchOptions> = {}): Promise<Record<string, number>> {
  const o = { ...DEFAULTS, ...options };
  const event = (seed: number, pinnedShare: number) => sampleEvent({ people: o.people, tables: o.tables, rounds: o.rounds, knownPairs: o.people, pinnedShare, seed });
  let started = performance.now();
  planSeating(event(0, 0));
  const figures: Record<string, number> = { coldMs: performance.now() - started };
  log(`cold start (first call, JIT not warmed up): ${fmt(figures.coldMs!, 1)} ms\n`);
  for (const [name, pinnedShare] of [['plain', 0], ['pinned', 0.1]] as const) {
    const runs: Run[] = [];
    for (let seed = 1; seed <= o.seeds; seed++) {
      const input = event(seed, pinnedShare);
      started = performance.now();
      const { score } = planSeating(input);
      const ms = performance.now() - started;
      started = performance.now();
      const random = bestOfRandom(input, 100).score;
      runs.push({ seed, ms, score, bound: crossSectorUpperBound(input), random, randomMs: performance.now() - started, forcedKnown: forcedKnownPairs(input) });
      // Let other work (and a watching terminal) in between the runs.
      await new Promise((resolve) => setImmediate(resolve));
    }
    const pins = event(1, pinnedShare).pins!.length;
    log(`## ${name}: ${fmt(o.people)} people, ${o.tables} tables, ${o.rounds} rounds, ${fmt(o.people)} ties, ${fmt(pins)} pins (seed 1)\n`);
    report(runs, log);
    Object.assign(figures, summarise(name, runs));
  }
  return figures;
}

function report(runs: Run[], log: (line: string) => void) {
  log('| seed | time | new cross-sector pairs (bound) | cross-sector share (bound) | repeated pairs | known pairs met (forced by pins) | best of 100 random: share · repeated · known · time |');
  log('|--:|--:|--:|--:|--:|--:|--:|');
  const row = (label: string, r: Omit<Run, 'seed'>) =>
    log(
      `| ${label} | ${fmt(r.ms, 1)} ms | ${fmt(r.score.newCrossSectorPairs)} (${fmt(r.bound.pairs)}) | ${pct(r.score.crossSectorShare)} (${pct(r.bound.share)}) | ${fmt(r.score.repeatedPairs)} | ${fmt(r.score.knownPairsMet)} (${fmt(r.forcedKnown)}) | ${pct(r.random.crossSectorShare)} · ${fmt(r.random.repeatedPairs)} · ${fmt(r.random.knownPairsMet)} · ${fmt(r.randomMs)} ms |`,
    );
  for (const r of runs) row(String(r.seed), r);
  const m = (pick: (r: Run) => number) => median(runs.map(pick));
  const score = (pick: (r: Run) => SeatingScore): SeatingScore => ({
    newCrossSectorPairs: m((r) => pick(r).newCrossSectorPairs),
    crossSectorShare: m((r) => pick(r).crossSectorShare),
    repeatedPairs: m((r) => pick(r).repeatedPairs),
    knownPairsMet: m((r) => pick(r).knownPairsMet),
    pinsKept: runs.every((r) => pick(r).pinsKept),
  });
  row('median', { ms: m((r) => r.ms), score: score((r) => r.score), bound: { pairs: m((r) => r.bound.pairs), share: m((r) => r.bound.share) }, random: score((r) => r.random), randomMs: m((r) => r.randomMs), forcedKnown: m((r) => r.forcedKnown) });
  log(`\nmax time ${fmt(Math.max(...runs.map((r) => r.ms)), 1)} ms · pins kept in ${runs.filter((r) => r.score.pinsKept).length} of ${runs.length} runs\n`);
}

function summarise(name: string, runs: Run[]): Record<string, number> {
  const m = (pick: (r: Run) => number) => median(runs.map(pick));
  return {
    [`${name}.msMedian`]: m((r) => r.ms),
    [`${name}.msMax`]: Math.max(...runs.map((r) => r.ms)),
    [`${name}.repeatedPairsMedian`]: m((r) => r.score.repeatedPairs),
    [`${name}.repeatedPairsMax`]: Math.max(...runs.map((r) => r.score.repeatedPairs)),
    [`${name}.shareMedian`]: m((r) => r.score.crossSectorShare),
    [`${name}.boundShareMedian`]: m((r) => r.bound.share),
    [`${name}.runsAtBound`]: runs.filter((r) => r.score.newCrossSectorPairs === r.bound.pairs).length,
    [`${name}.worstShareOfBoundPairs`]: Math.min(...runs.map((r) => r.score.newCrossSectorPairs / r.bound.pairs)),
    [`${name}.knownPairsMetMedian`]: m((r) => r.score.knownPairsMet),
    [`${name}.knownPairsAvoidable`]: Math.max(...runs.map((r) => r.score.knownPairsMet - r.forcedKnown)),
    [`${name}.pinsKeptRuns`]: runs.filter((r) => r.score.pinsKept).length,
    [`${name}.randomShareMedian`]: m((r) => r.random.crossSectorShare),
    [`${name}.randomRepeatedPairsMedian`]: m((r) => r.random.repeatedPairs),
    [`${name}.randomKnownPairsMetMedian`]: m((r) => r.random.knownPairsMet),
    [`${name}.randomMsMedian`]: m((r) => r.randomMs),
    [`${name}.runsBeatingRandom`]: runs.filter((r) => r.score.crossSectorShare > r.random.crossSectorShare).length,
    [`${name}.runs`]: runs.length,
  };
}

function forcedKnownPairs(input: SeatingInput): number {
  const group = new Map(input.people.map((p) => [p.id, p.group]));
  const ties = new Set((input.knownPairs ?? []).flatMap(([a, b]) => [`${a} ${b}`, `${b} ${a}`]));
  const atTable = new Map<string, string[]>();
  for (const pin of input.pins ?? []) {
    const table = `${pin.round}:${pin.table}`;
    if (!atTable.has(table)) atTable.set(table, []);
    atTable.get(table)!.push(pin.personId);
  }
  const forced = new Set<string>();
  for (const ids of atTable.values()) {
    for (const a of ids) for (const b of ids) if (a < b && (ties.has(`${a} ${b}`) || (group.get(a) !== undefined && group.get(a) === group.get(b)))) forced.add(`${a} ${b}`);
  }
  return forced.size;
}

function targets(f: Record<string, number>, log: (line: string) => void): boolean {
  const checks = [
    { target: 'time, plain (max of the runs)', goal: `≤ ${TARGETS.maxMs} ms`, measured: `${fmt(f['plain.msMax']!, 1)} ms`, pass: f['plain.msMax']! <= TARGETS.maxMs },
    { target: 'repeated pairs, plain and pinned (max)', goal: '0', measured: fmt(Math.max(f['plain.repeatedPairsMax']!, f['pinned.repeatedPairsMax']!)), pass: f['plain.repeatedPairsMax'] === 0 && f['pinned.repeatedPairsMax'] === 0 },
    { target: 'plain runs at the upper bound', goal: 'all', measured: `${f['plain.runsAtBound']} of ${f['plain.runs']}`, pass: f['plain.runsAtBound'] === f['plain.runs'] },
    { target: 'pinned: new cross-sector pairs / bound (worst run)', goal: `≥ ${TARGETS.pinnedShareOfBound}`, measured: fmt(f['pinned.worstShareOfBoundPairs']!, 4), pass: f['pinned.worstShareOfBoundPairs']! >= TARGETS.pinnedShareOfBound },
    { target: 'known pairs met that pins did not force (max)', goal: '0', measured: fmt(Math.max(f['plain.knownPairsAvoidable']!, f['pinned.knownPairsAvoidable']!)), pass: f['plain.knownPairsAvoidable']! <= 0 && f['pinned.knownPairsAvoidable']! <= 0 },
    { target: 'pins kept', goal: 'all runs', measured: `${f['pinned.pinsKeptRuns']} of ${f['pinned.runs']}`, pass: f['pinned.pinsKeptRuns'] === f['pinned.runs'] },
    { target: 'share above the best of 100 random', goal: 'all runs', measured: `${f['plain.runsBeatingRandom']! + f['pinned.runsBeatingRandom']!} of ${f['plain.runs']! + f['pinned.runs']!}`, pass: f['plain.runsBeatingRandom'] === f['plain.runs'] && f['pinned.runsBeatingRandom'] === f['pinned.runs'] },
  ];
  log('## Targets\n');
  log('| target | goal | measured | |');
  log('|---|---|--:|---|');
  for (const c of checks) log(`| ${c.target} | ${c.goal} | ${c.measured} | ${c.pass ? 'PASS' : '**FAIL**'} |`);
  return checks.every((c) => c.pass);
}

async function main() {
  const { values } = parseArgs({ options: { seeds: { type: 'string' }, people: { type: 'string' }, tables: { type: 'string' }, rounds: { type: 'string' } } });
  const options: Partial<SeatingBenchOptions> = {};
  for (const [key, raw] of Object.entries(values)) {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${key} must be a whole number ≥ 1, got "${raw}"`);
    options[key as keyof SeatingBenchOptions] = value;
  }
  console.log('# bench:seating');
  console.log(`date ${new Date().toISOString()} · ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}) · node ${process.version} · load average ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')}\n`);
  const figures = await benchSeating((line) => console.log(line), options);
  return targets(figures, (line) => console.log(line)) ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`bench:seating failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exit(2);
    },
  );
}
