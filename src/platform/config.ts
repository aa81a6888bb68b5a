import path from 'node:path';

/** Every environment variable the platform reads, with its default and meaning (README lists the same). */
export const configVariables = [
  { name: 'PORT', default: '3000', meaning: 'HTTP port' },
  { name: 'HOST', default: 'localhost', meaning: 'Interface to listen on (0.0.0.0 for all)' },
  { name: 'PUBLIC_URL', default: 'http://localhost:PORT', meaning: 'Address users reach the platform at; used in mails and links' },
  { name: 'DATABASE_URL', default: '(empty)', meaning: 'postgres://… of a PostgreSQL server; empty = embedded PGlite in DATA_DIR' },
  { name: 'DATA_DIR', default: './data', meaning: 'Directory of the embedded database' },
  { name: 'SMTP_URL', default: '(empty)', meaning: 'smtp(s)://user:pass@host:port; empty = mails go to the outbox table (admin page)' },
  { name: 'MAIL_FROM', default: 'Quartiersnetz <no-reply@localhost>', meaning: 'Sender address of outgoing mail' },
  { name: 'TRUST_PROXY', default: 'false', meaning: 'true when behind a reverse proxy that sets X-Forwarded-* (needed for Secure cookies behind HTTPS)' },
  { name: 'LOG_LEVEL', default: 'info', meaning: 'pino log level (fatal, error, warn, info, debug, trace, silent)' },
  { name: 'NODE_ENV', default: 'development', meaning: 'development, production or test' },
  { name: 'SEED', default: 'true', meaning: 'Seed the initiative data on first start' },
  { name: 'JOBS', default: 'true', meaning: 'Run the background job worker in this process' },
  { name: 'MAX_EVENT_LOOP_DELAY_MS', default: '1000', meaning: 'Above this event loop delay the server answers 503 with Retry-After (0 = off)' },
  { name: 'OPERATOR_NAME', default: '(empty)', meaning: 'Operator of this installation (person or organisation), shown in Impressum and privacy statement' },
  { name: 'OPERATOR_ADDRESS', default: '(empty)', meaning: 'Postal address of the operator, lines separated by "\\n"' },
  { name: 'OPERATOR_EMAIL', default: '(empty)', meaning: 'Contact email of the operator (Impressum, privacy and accessibility contact)' },
  { name: 'OPERATOR_PHONE', default: '(empty)', meaning: 'Optional phone number of the operator' },
] as const;

export type Environment = 'development' | 'production' | 'test';

/** Who runs this installation; differs per deployment, so it comes from the environment. */
export interface OperatorConfig {
  name: string | null;
  /** Postal address, one entry per line. */
  address: string[];
  email: string | null;
  phone: string | null;
}

export interface Config {
  port: number;
  host: string;
  publicUrl: string;
  databaseUrl: string | null;
  dataDir: string;
  smtpUrl: string | null;
  mailFrom: string;
  trustProxy: boolean;
  logLevel: string;
  env: Environment;
  seed: boolean;
  jobs: boolean;
  maxEventLoopDelayMs: number;
  operator: OperatorConfig;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

type Env = Record<string, string | undefined>;

/** Builds the one validated config object; lists every problem at once. */
export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Config {
  const problems: string[] = [];
  const str = (name: string, fallback: string) => {
    const value = env[name]?.trim();
    return value ? value : fallback;
  };
  const int = (name: string, fallback: number, min: number, max: number) => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  };
  const bool = (name: string, fallback: boolean) => {
    const raw = env[name]?.trim().toLowerCase();
    if (!raw) return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
    if (['0', 'false', 'no', 'off'].includes(raw)) return false;
    problems.push(`${name} must be true or false, got "${raw}"`);
    return fallback;
  };
  const url = (name: string, protocols: string[]) => {
    const raw = env[name]?.trim();
    if (!raw) return null;
    try {
      const parsed = new URL(raw);
      if (!protocols.includes(parsed.protocol)) problems.push(`${name} must start with ${protocols.join(' or ')}`);
    } catch {
      problems.push(`${name} is not a valid URL`);
    }
    return raw;
  };

  const port = int('PORT', 3000, 0, 65535);
  const envName = str('NODE_ENV', 'development');
  if (!['development', 'production', 'test'].includes(envName)) problems.push(`NODE_ENV must be development, production or test, got "${envName}"`);
  const logLevel = str('LOG_LEVEL', envName === 'test' ? 'silent' : 'info');
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) problems.push(`LOG_LEVEL "${logLevel}" is not a pino level`);
  const publicUrl = url('PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port}`;
  const operatorEmail = env.OPERATOR_EMAIL?.trim() || null;
  if (operatorEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(operatorEmail)) problems.push(`OPERATOR_EMAIL is not a valid email address, got "${operatorEmail}"`);
  const operatorAddress = (env.OPERATOR_ADDRESS ?? '').split(/\r?\n|\\n/).map((line) => line.trim()).filter(Boolean);

  const config: Config = {
    port,
    host: str('HOST', 'localhost'),
    publicUrl: publicUrl.replace(/\/+$/, ''),
    databaseUrl: url('DATABASE_URL', ['postgres:', 'postgresql:']),
    dataDir: path.resolve(str('DATA_DIR', './data')),
    smtpUrl: url('SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: str('MAIL_FROM', 'Quartiersnetz <no-reply@localhost>'),
    trustProxy: bool('TRUST_PROXY', false),
    logLevel,
    env: envName as Environment,
    seed: bool('SEED', true),
    jobs: bool('JOBS', true),
    maxEventLoopDelayMs: int('MAX_EVENT_LOOP_DELAY_MS', 1000, 0, 60000),
    operator: { name: env.OPERATOR_NAME?.trim() || null, address: operatorAddress, email: operatorEmail, phone: env.OPERATOR_PHONE?.trim() || null },
    ...overrides,
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
