#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { buildApp, domains } from './app.js';
import { ConfigError, configVariables, loadConfig, type Config } from './platform/config.js';
import { createContext } from './platform/context.js';
import { DataDirLockedError } from './platform/db/data-dir-lock.js';
import { cliLogger, openMigrated, seedAll, seedOnFirstStart } from './platform/boot.js';
import { createAdmin } from './domains/accounts/service.js';
import { ValidationError } from './platform/errors/index.js';

const help = `Quartiersnetz – Kommandozeile / command line

  npm run cli -- <Befehl> [Optionen]

Befehle / commands:
  serve                      Server starten (migriert und befüllt beim ersten Start)
                             start the server (migrates; seeds on first start)
  migrate                    Datenbankschema aktualisieren / apply pending migrations
  seed                       Stammdaten der Initiative (erneut) einspielen / (re)load seed data
  create-admin --email E [--name N] [--password P]
                             Administrator anlegen oder bestehendes Konto befördern
                             create an admin, or promote an existing account
  help, --help               diese Hilfe / this help

Umgebungsvariablen / environment:
${configVariables.map((v) => `  ${v.name.padEnd(24)} ${v.meaning} (default: ${v.default})`).join('\n')}
`;

async function serve(config: Config) {
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
        await seedAll(ctx, domains);
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
