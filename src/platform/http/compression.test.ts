import { Readable } from 'node:stream';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPRESS_FROM_BYTES, compressLargeDocuments } from './compression.js';

let app: FastifyInstance;
const large = JSON.stringify({ items: Array.from({ length: 2000 }, (_, i) => ({ id: i, name: `Akteur ${i}` })) });
const csvLines = Array.from({ length: 2000 }, (_, i) => `Akteur ${i};Wohlfahrtsverband\r\n`);

beforeAll(async () => {
  expect(large.length).toBeGreaterThan(COMPRESS_FROM_BYTES);
  app = Fastify();
  await app.register(async (documents) => {
    await compressLargeDocuments(documents);
    documents.get('/gross.json', async (_request, reply) => reply.type('application/json; charset=utf-8').send(large));
    documents.get('/gross.geojson', async (_request, reply) => reply.type('application/geo+json').send(large));
    documents.get('/klein.json', async (_request, reply) => reply.type('application/json').send('{"items":[]}'));
    documents.get('/gross.csv', async (_request, reply) => reply.type('text/csv; charset=utf-8').send(Readable.from(csvLines)));
    documents.get('/bild.png', async (_request, reply) => reply.type('image/png').send(Buffer.alloc(COMPRESS_FROM_BYTES * 2)));
  });
  app.get('/anderswo.json', async (_request, reply) => reply.type('application/json').send(large));
  app.get('/seite.html', async (_request, reply) => reply.type('text/html; charset=utf-8').send(`<p>${large}</p>`));
  await app.ready();
});
afterAll(async () => app?.close());

const get = (url: string, encoding = 'gzip, deflate, br, zstd') => app.inject({ url, headers: { 'accept-encoding': encoding } });

describe('compression of large data documents', () => {
  it('compresses large JSON and GeoJSON with Brotli, or gzip for clients without it, and says so in Vary', async () => {
    for (const url of ['/gross.json', '/gross.geojson']) {
      const br = await get(url);
      expect(br.headers['content-encoding'], url).toBe('br');
      expect(String(br.headers.vary)).toMatch(/accept-encoding/i);
      expect(br.rawPayload.length).toBeLessThan(large.length / 4);
      expect(brotliDecompressSync(br.rawPayload).toString()).toBe(large);
    }
    const gzip = await get('/gross.json', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(large);
  });

  it('compresses a streamed CSV export', async () => {
    const response = await get('/gross.csv', 'gzip');
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(response.rawPayload).toString()).toBe(csvLines.join(''));
  });

  it('leaves alone small documents, images, clients that do not ask, and routes outside its scope (pages)', async () => {
    for (const url of ['/klein.json', '/bild.png', '/anderswo.json', '/seite.html']) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-encoding'], url).toBeUndefined();
    }
    const identity = await app.inject({ url: '/gross.json' });
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.body).toBe(large);
  });
});
