import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors/index.js';

/** One uploaded file, read into memory up to the limit. */
export interface Upload {
  filename: string;
  bytes: Buffer;
  /** The file was longer than the limit: `bytes` holds only its start. */
  truncated: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The file of a multipart form (routes inside acceptUploads only); null when none was chosen. */
    upload: Upload | null;
  }
}

export interface UploadOptions {
  /** The form field that carries the file; other files are read up to the limit and dropped. */
  fileField: string;
  maxFileBytes: number;
}

// Room for the text fields and multipart framing around the file.
const FORM_OVERHEAD_BYTES = 256 * 1024;

/**
 * Lets the routes of this (encapsulated) scope take multipart forms. The text fields become the
 * body as plain strings, like a url-encoded form, so CSRF checks, validation and the re-rendered
 * form work unchanged. A file over the limit is cut off and flagged rather than failing the
 * request, so that the form comes back with what was typed and a message for the file.
 */
export async function acceptUploads(scope: FastifyInstance, options: UploadOptions) {
  await scope.register(fastifyMultipart, {
    throwFileSizeLimit: false,
    limits: { fileSize: options.maxFileBytes, files: 1, fields: 20, parts: 21, fieldSize: 64 * 1024, fieldNameSize: 100, headerPairs: 100 },
  });
  scope.decorateRequest('upload', null);
  scope.addHook('preValidation', async (request) => {
    if (!request.isMultipart()) return;
    // A request far over the file limit is not read at all; nothing the form holds needs that much.
    if (Number(request.headers['content-length'] ?? 0) > options.maxFileBytes * 2 + FORM_OVERHEAD_BYTES) throw new AppError('request.too_large');
    const { fields, upload } = await readParts(request, options.fileField);
    request.body = fields;
    request.upload = upload;
  });
}

async function readParts(request: FastifyRequest, fileField: string) {
  const fields: Record<string, string> = Object.create(null);
  let upload: Upload | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        // Browsers send an empty, nameless part when no file was chosen.
        if (part.fieldname === fileField && upload === null && (bytes.byteLength > 0 || Boolean(part.filename))) {
          upload = { filename: part.filename, bytes, truncated: part.file.truncated };
        }
      } else if (typeof part.value === 'string' && !Object.hasOwn(fields, part.fieldname)) {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    // Malformed multipart (bad boundary, early end, too many parts) is the client's error.
    const status = (error as { statusCode?: number }).statusCode;
    throw new AppError(status === 413 ? 'request.too_large' : 'request.invalid', { cause: error });
  }
  return { fields, upload };
}
