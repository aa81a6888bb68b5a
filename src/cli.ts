#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { ConfigError, configVariables, loadConfig, type Config } from './platform/config.js';
import { createContext } from './platform/context.js';
import { DataDirLockedError } from './platform/db/data-dir-lock.js';
import { cliLogger, openMigrated, seedAll, seedOnFirstStart } from './platform/boot.js';
import { createAdmin } from './domains/accounts/service.js';
import { DEMO_MAX, generateDemoActors } from './domains/actors/demo.js';
import { asAccount, exportCommand, importCommand } from './domains/actors/import-export-cli.js';
import { getSetting } from './platform/settings.js';
import { ValidationError } from './platform/errors/index.js';

const help = `Quartiersnetz – Kommandozeile / command line

  npm run cli -- <Befehl> [Optionen]

Befehle / commands:
  serve                      Server starten (migriert und befüllt beim ersten Start)
                             start the server (migrates; seeds on first start)
  migrate                    Datenbankschema aktualisieren / apply pending migrations
  seed                       Stammdaten der Initiative (erneut) einspielen / (re)load seed data
  demo --actors N [--seed S] [--plant-pairs K] [--ties T]
                             N synthetische Akteure anlegen (echte Orte, Vokabular)
                             add N synthetic actors (real places, vocabulary); K
                             complementary offer/need pairs for partner suggestions;
                             T Verbindungen zwischen den Akteuren / T ties among the
                             actors (without --actors: among those there are)
  import actors DATEI [--dry-run] [--as E-MAIL]
                             Akteure aus CSV importieren (Format: Seite /akteure/import);
                             import actors from CSV; --dry-run only checks, --as acts as
                             that coordinator (default: the installation, audit "system")
  export actors --out DATEI [--format csv|json|geojson] [--filter Q] [--as E-MAIL]
                             Verzeichnis exportieren, sichtbar wie für --as (sonst öffentlich);
                             export the directory as --as sees it (default: the public);
                             Q as in the directory URL, e.g. "sector=welfare&state=BY"
  create-admin --email E [--name N] [--password P]
                             Administrator anlegen oder bestehendes Konto befördern
                             create an admin, or promote an existing account
  help, --help               diese Hilfe / this help

Umgebungsvariablen / environment:
${configVariables.map((v) => `  ${v.name.padEnd(24)} ${v.meaning} (default: ${v.default})`).join('\n')}
`;

/**
 * The app and its domains, loaded only by the commands that need them: the web server's modules
 * take a second to load, which an import or export need not wait for.
 */
const loadApp = () => import('./app.js');

async function serve(config: Config) {
  const { buildApp, domains } = await loadApp();
  const log = cliLogger(config);
  const database = await openMigrated(config, log);
  if (config.seed) await seedOnFirstStart(config, database, log, domains);
  const app = await buildApp({ config, database });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
}

async function withDatabase(config: Config, work: (ctx: ReturnType<typeof createContext>) => Promise<void>) {
  const log = cliLogger(config);
  const database = await openMigrated(config, log);
  try {
    await work(createContext({ db: database.db, config, log }));
  } finally {
    await database.close();
  }
}

async function main(argv: string[]) {
  const [command = 'help', ...rest] = argv;
  const config = loadConfig();
  switch (command) {
    case 'serve':
      return serve(config);
    case 'migrate':
      return withDatabase(config, async () => console.log('Datenbank ist aktuell / database is up to date.'));
    case 'seed':
      return withDatabase(config, async (ctx) => {
        await seedAll(ctx, (await loadApp()).domains);
        console.log('Stammdaten eingespielt / seed data loaded.');
      });
    case 'create-admin': {
      const { values } = parseArgs({ args: rest, options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } } });
      if (!values.email) throw new UsageError('create-admin braucht --email / create-admin needs --email');
      return withDatabase(config, async (ctx) => {
        const result = await createAdmin(ctx, { email: values.email!, name: values.name ?? values.email!.split('@')[0]!, password: values.password });
        console.log(result.created ? `Administrator angelegt / admin created: ${result.email}` : `Konto zum Administrator befördert / account promoted to admin: ${result.email}`);
        if (result.generatedPassword) console.log(`Einmaliges Passwort / one-time password: ${result.generatedPassword}\nBitte nach der Anmeldung ändern / please change it after logging in.`);
      });
    }
    case 'demo': {
      const { values } = parseArgs({ args: rest, options: { actors: { type: 'string' }, seed: { type: 'string' }, 'plant-pairs': { type: 'string' }, ties: { type: 'string' } } });
      const count = values.actors === undefined && values.ties !== undefined ? 0 : wholeNumber(values.actors, '--actors', 1, DEMO_MAX);
      const seed = values.seed === undefined ? Date.now() % 2 ** 31 : wholeNumber(values.seed, '--seed', 0, 2 ** 31 - 1);
      const plantPairs = values['plant-pairs'] === undefined ? 0 : wholeNumber(values['plant-pairs'], '--plant-pairs', 0, Math.floor(count / 2));
      const { DEMO_TIES_MAX, generateDemoTies } = await import('./domains/partnering/demo-ties.js');
      const ties = values.ties === undefined ? 0 : wholeNumber(values.ties, '--ties', 0, DEMO_TIES_MAX);
      return withDatabase(config, async (ctx) => {
        if (!(await getSetting(ctx.db, 'seeded_at'))) await seedAll(ctx, (await loadApp()).domains); // the places come with the seed
        const seconds = (started: number) => ((performance.now() - started) / 1000).toFixed(1);
        let started = performance.now();
        const result = count > 0 ? await generateDemoActors(ctx, { count, seed, plantPairs }) : { created: 0, pairs: [] };
        if (count > 0) console.log(`${result.created} Demo-Akteure angelegt / demo actors created (seed ${seed}, ${seconds(started)} s).`);
        for (const pair of result.pairs) console.log(`  Paar / pair: ${pair.a} ↔ ${pair.b} (${pair.offer} / ${pair.need})`);
        if (ties === 0) return;
        started = performance.now();
        // The planted pairs stay untied: the partner suggestions are to find them.
        const network = await generateDemoTies(ctx, { count: ties, seed, avoid: result.pairs.map((p) => [p.aId, p.bId] as const) });
        console.log(`${network.created} Demo-Verbindungen angelegt / demo ties created among ${network.actors} actors (most ${network.maxDegree} per actor, ${seconds(started)} s).`);
      });
    }
    case 'import': {
      const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { 'dry-run': { type: 'boolean' }, as: { type: 'string' } } });
      if (positionals[0] !== 'actors' || !positionals[1]) throw new UsageError(`import actors DATEI [--dry-run] [--as E-MAIL]\n\n${help}`);
      return withDatabase(config, async (ctx) => {
        const as = await asAccount(ctx, values.as);
        process.exitCode = await importCommand(as, { file: positionals[1]!, dryRun: values['dry-run'] ?? false, commandLine: values.as === undefined });
      });
    }
    case 'export': {
      const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { out: { type: 'string' }, format: { type: 'string' }, filter: { type: 'string' }, as: { type: 'string' } } });
      if (positionals[0] !== 'actors' || !values.out) throw new UsageError(`export actors --out DATEI [--format csv|json|geojson] [--filter Q] [--as E-MAIL]\n\n${help}`);
      return withDatabase(config, async (ctx) => {
        await exportCommand(await asAccount(ctx, values.as), { format: values.format ?? 'csv', out: values.out!, filter: values.filter ?? '' });
        console.log(`Exportiert / exported: ${values.out}`);
      });
    }
    case 'help':
    case '--help':
    case '-h':
      console.log(help);
      return;
    default:
      throw new UsageError(`Unbekannter Befehl / unknown command: ${command}\n\n${help}`);
  }
}

class UsageError extends Error {}

function wholeNumber(raw: string | undefined, name: string, min: number, max: number): number {
  const value = Number(raw);
  if (raw === undefined || !/^\d+$/.test(raw) || value < min || value > max) throw new UsageError(`${name}: ganze Zahl von ${min} bis ${max} / whole number from ${min} to ${max}`);
  return value;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError || error instanceof UsageError) {
    console.error(error.message);
    process.exit(2);
  }
  if (error instanceof ValidationError) {
    for (const [field, message] of Object.entries(error.fields ?? {})) console.error(`--${field}: ${message}`);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
