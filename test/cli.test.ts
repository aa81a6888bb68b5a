import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { lockDataDir } from '../src/platform/db/data-dir-lock.js';
import { projectRoot } from '../src/platform/paths.js';

const run = promisify(execFile);
const tsx = path.join(projectRoot, 'node_modules/.bin/tsx');
const cli = path.join(projectRoot, 'src/cli.ts');
const tmp: string[] = [];
afterAll(async () => {
  for (const dir of tmp) await fs.rm(dir, { recursive: true, force: true });
});

async function cliRun(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(tsx, [cli, ...args], { env: { ...process.env, LOG_LEVEL: 'warn', ...env }, cwd: projectRoot, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('command line', () => {
  it('lists its commands and the environment variables', async () => {
    const result = await cliRun(['--help']);
    expect(result.code).toBe(0);
    for (const command of ['serve', 'migrate', 'seed', 'create-admin']) expect(result.stdout).toContain(command);
    expect(result.stdout).toContain('DATABASE_URL');
  });

  it('rejects an unknown command and invalid configuration with exit code 2', async () => {
    expect((await cliRun(['frobnicate'])).code).toBe(2);
    const bad = await cliRun(['migrate'], { PORT: 'not-a-port' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('PORT');
  });

  it('refuses to open the embedded database while another process holds it', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'qn-cli-'));
    tmp.push(dir);
    const dataDir = path.join(dir, 'data');
    const release = lockDataDir(dataDir); // this test process plays the running server
    try {
      const result = await cliRun(['migrate'], { DATA_DIR: dataDir, DATABASE_URL: '' });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`Prozess ${process.pid}`);
      expect(result.stderr).toContain('already in use');
    } finally {
      release();
    }
  });
});
