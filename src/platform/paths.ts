import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  return dir;
}

/** The project's root directory, the same whether running from src/ (tests) or dist/ (npm start). */
export const projectRoot = findRoot();
export const migrationsDir = path.join(projectRoot, 'migrations');
export const staticDir = path.join(projectRoot, 'static');
export const nodeModulesDir = path.join(projectRoot, 'node_modules');
