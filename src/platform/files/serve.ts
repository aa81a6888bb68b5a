import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StoredFile } from './store.js';

/** Who may see a file decides how long others may keep it. */
export type FileAudience = 'public' | 'members';

/**
 * The bytes under an id never change (a new upload is a new file), so an ETag from the checksum
 * is exact. Shared caches keep a public file for a day, not longer: its owner may hide it later.
 * A members-only file stays in the member's own browser and is checked again after five minutes.
 */
const cacheControl: Record<FileAudience, string> = {
  public: 'public, max-age=86400',
  members: 'private, max-age=300',
};

/** Sends a stored file for display in the page, never as something the browser may run or guess. */
/** `download`: a file name to save the file under instead of showing it (e.g. PDFs, whose viewers run scripts). */
export function sendStoredFile(request: FastifyRequest, reply: FastifyReply, file: StoredFile, audience: FileAudience, download: string | null = null) {
  const etag = `"${file.sha256}"`;
  void reply
    .header('etag', etag)
    .header('cache-control', cacheControl[audience])
    .header('vary', 'Cookie, Authorization')
    .header('x-content-type-options', 'nosniff')
    .header('content-disposition', download ? `attachment; filename="${download.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(download)}` : 'inline')
    // Were the sniffing ever fooled, the file still could not run script or load anything.
    .header('content-security-policy', "default-src 'none'; sandbox");
  if (ifNoneMatch(request.headers['if-none-match'], etag)) return reply.code(304).send();
  return reply.type(file.contentType).send(file.data);
}

function ifNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const value = tag.trim();
    return value === '*' || value === etag || value === `W/${etag}`;
  });
}
