import { constants } from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/** Documents below this size go out as they are: compressing them saves less than it costs. */
export const COMPRESS_FROM_BYTES = 32 * 1024;

/**
 * Compression of large data documents — JSON, GeoJSON and CSV of 32 KiB or more, as Brotli or
 * gzip, whichever the client accepts — for the routes registered after it in the same plugin
 * scope only: register it in a scope that holds only data routes, so that pages and every other
 * route run without its hooks. Images are compressed already and never match (mime-db marks them
 * incompressible). The fastest levels: for the map's GeoJSON of 100,000 actors
 * (21 MB) Brotli 1 took 65 ms for 3.8 MB, while gzip 6 and Brotli 4 took 330–370 ms for 3.2–3.5 MB
 * (measured on the development machine), longer than building the document.
 */
export async function compressLargeDocuments(app: FastifyInstance) {
  await app.register(fastifyCompress, {
    threshold: COMPRESS_FROM_BYTES,
    customTypes: /^(?:application\/(?:json|geo\+json)|text\/csv)(?:;|$)/,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } },
    zlibOptions: { level: 1 },
    globalDecompression: false,
  });
}
