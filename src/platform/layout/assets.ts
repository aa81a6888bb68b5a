import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { nodeModulesDir, staticDir } from '../paths.js';

/**
 * Every file the browser loads, served by us from /assets/ (no CDN). Names carry a content
 * hash so that they can be cached for a year; the map is built once at start-up.
 */
const sources: Record<string, string> = {
  'kern.min.css': path.join(nodeModulesDir, '@kern-ux/native/dist/kern.min.css'),
  'fira-sans.css': path.join(nodeModulesDir, '@kern-ux/native/dist/fonts/fira-sans.css'),
  'htmx.min.js': path.join(nodeModulesDir, 'htmx.org/dist/htmx.min.js'),
  'app.css': path.join(staticDir, 'app.css'),
  'app.js': path.join(staticDir, 'app.js'),
  'place-field.js': path.join(staticDir, 'place-field.js'),
  'favicon.svg': path.join(staticDir, 'favicon.svg'),
  // The actor map: Leaflet (BSD-2-Clause) and leaflet.markercluster (MIT), no tiles, no CDN.
  'leaflet.js': path.join(nodeModulesDir, 'leaflet/dist/leaflet.js'),
  'leaflet.css': path.join(nodeModulesDir, 'leaflet/dist/leaflet.css'),
  'leaflet.markercluster.js': path.join(nodeModulesDir, 'leaflet.markercluster/dist/leaflet.markercluster.js'),
  'MarkerCluster.css': path.join(nodeModulesDir, 'leaflet.markercluster/dist/MarkerCluster.css'),
  'map.js': path.join(staticDir, 'map.js'),
  'map.css': path.join(staticDir, 'map.css'),
};

export interface Asset {
  file: string;
  hashedName: string;
}

function build(): Map<string, Asset> {
  const map = new Map<string, Asset>();
  for (const [name, file] of Object.entries(sources)) {
    const hash = createHash('sha256').update(fs.readFileSync(file)).digest('hex').slice(0, 10);
    const ext = path.extname(name);
    map.set(name, { file, hashedName: `${name.slice(0, -ext.length)}.${hash}${ext}` });
  }
  return map;
}

export const assets = build();

export function assetUrl(name: string): string {
  const asset = assets.get(name);
  if (!asset) throw new Error(`unknown asset ${name}`);
  return `/assets/${asset.hashedName}`;
}

/** Fonts referenced relatively from fira-sans.css, served from /assets/fira-sans/. */
export const fontDir = path.join(nodeModulesDir, '@kern-ux/native/dist/fonts/fira-sans');
