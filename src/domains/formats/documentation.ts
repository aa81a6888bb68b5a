import { fileTypeFromBuffer } from 'file-type';
import { inTransaction, type Context } from '../../platform/context.js';
import { notFound } from '../../platform/errors/index.js';
import { IMAGE_TYPES, inspectImage, type ImageLimits } from '../../platform/files/images.js';
import { imageProblemText } from '../../platform/files/messages.js';
import type { FileAudience } from '../../platform/files/serve.js';
import { deleteFile, insertFile, readFile, type StoredFile } from '../../platform/files/store.js';
import type { Upload } from '../../platform/files/uploads.js';
import { translator } from '../../platform/i18n/index.js';
import { Validator } from '../../platform/validation.js';
import { renderMarkdown } from './markdown.js';
import { messages } from './messages.js';
import { loadEditableFormat, loadVisibleFormat } from './policy.js';
import type { FormatRow } from './queries.js';
import { updateFormatRow } from './queries.js';
import { deleteInsight, deleteMedia, insertInsight, insertMedia, selectInsights, selectMedia, selectMediaItem } from './documentation-queries.js';

/**
 * A format's documentation: results (Markdown, shown sanitised), insights, and media — photos and
 * graphic recordings with alt text and credit, files (PDF or images). Each part is public or for
 * members only; uploads are checked by their bytes, never by name or claimed type.
 */

export const MEDIA_KINDS = ['photo', 'graphic_recording', 'file'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];
export const VISIBILITIES = ['public', 'members'] as const;
export type DocVisibility = (typeof VISIBILITIES)[number];

export const RESULTS_MAX = 50_000;
export const INSIGHT_MAX = 1000;
export const MEDIA_TITLE_MAX = 200;
export const MEDIA_ALT_MAX = 300;
export const MEDIA_CREDIT_MAX = 200;
/** 10 MB per upload; pictures also capped in pixels (a small file can claim a huge picture). */
export const MEDIA_LIMITS: ImageLimits = { maxBytes: 10 * 1024 * 1024, maxPixels: 40_000_000, maxSide: 12_000 };

export interface Media {
  id: number;
  kind: MediaKind;
  title: string;
  alt: string | null;
  credit: string | null;
  visibility: DocVisibility;
  url: string;
  contentType: string;
  byteSize: number;
  width: number | null;
  height: number | null;
}

export interface Documentation {
  /** Rendered, sanitised HTML of the results (empty when none or not visible). */
  resultsHtml: string;
  results: string;
  resultsVisibility: DocVisibility;
  insights: { id: number; text: string; visibility: DocVisibility }[];
  media: Media[];
}

const mediaUrl = (id: number) => `/formate/medien/${id}`;
const seesMembersOnly = (ctx: Context, canEdit: boolean) => canEdit || ctx.user !== null;

/** What of a format's documentation the viewer may see (`canEdit`: everything). */
export async function documentationOf(ctx: Context, format: FormatRow, canEdit: boolean): Promise<Documentation> {
  const members = seesMembersOnly(ctx, canEdit);
  const [insights, media] = await Promise.all([selectInsights(ctx.db, format.id), selectMedia(ctx.db, format.id)]);
  const visible = <T extends { visibility: DocVisibility }>(items: T[]) => items.filter((item) => item.visibility === 'public' || members);
  const showResults = format.results_visibility === 'public' || members;
  return {
    resultsHtml: showResults && format.results ? renderMarkdown(format.results) : '',
    results: canEdit ? format.results : '',
    resultsVisibility: format.results_visibility,
    insights: visible(insights),
    media: visible(media).map((m) => ({ id: m.id, kind: m.kind, title: m.title, alt: m.alt, credit: m.credit, visibility: m.visibility, url: mediaUrl(m.id), contentType: m.content_type, byteSize: m.byte_size, width: m.width, height: m.height })),
  };
}

/** The documentation of a format as its page shows it. */
export async function getDocumentation(ctx: Context, ref: string | number): Promise<{ format: FormatRow; canEdit: boolean; documentation: Documentation }> {
  const { row, canEdit } = await loadVisibleFormat(ctx, ref);
  return { format: row, canEdit, documentation: await documentationOf(ctx, row, canEdit) };
}

export async function setResults(ctx: Context, ref: string | number, input: { results?: unknown; visibility?: unknown }): Promise<void> {
  const v = new Validator(ctx.locale);
  const results = typeof input.results === 'string' && input.results.length <= RESULTS_MAX && !/\u0000/.test(input.results) ? input.results.replace(/\r\n/g, '\n').trim() : v.text('results', input.results, { max: RESULTS_MAX });
  const visibility = v.choice('visibility', input.visibility, VISIBILITIES);
  v.check();
  await inTransaction(ctx, async (tx) => {
    const format = await loadEditableFormat(tx, ref, { lock: true });
    await updateFormatRow(tx.db, format.id, { results, results_visibility: visibility!, updated_by: tx.user!.id });
  });
}

export async function addInsight(ctx: Context, ref: string | number, input: { text?: unknown; visibility?: unknown }): Promise<number> {
  const v = new Validator(ctx.locale);
  const text = v.text('text', input.text, { required: true, max: INSIGHT_MAX });
  const visibility = v.choice('visibility', input.visibility, VISIBILITIES);
  v.check();
  const format = await loadEditableFormat(ctx, ref);
  return insertInsight(ctx.db, { format_id: format.id, text, visibility: visibility!, created_by: ctx.user!.id });
}

export async function removeInsight(ctx: Context, ref: string | number, id: number): Promise<void> {
  const format = await loadEditableFormat(ctx, ref);
  if (!(await deleteInsight(ctx.db, format.id, id))) throw notFound();
}

export interface MediaInput {
  upload: Upload | null;
  kind?: unknown;
  title?: unknown;
  alt?: unknown;
  credit?: unknown;
  visibility?: unknown;
}

/** What an upload is, by its bytes: a raster image (checked for size and pixels) or a PDF. Never SVG or HTML. */
async function inspectUpload(upload: Upload, kind: MediaKind): Promise<{ ok: true; contentType: string; width: number | null; height: number | null } | { ok: false; problem: Parameters<typeof imageProblemText>[1] | 'not_document' }> {
  if (upload.truncated || upload.bytes.byteLength > MEDIA_LIMITS.maxBytes) return { ok: false, problem: 'too_large' };
  const sniffed = await fileTypeFromBuffer(upload.bytes);
  if (kind === 'file' && sniffed?.mime === 'application/pdf') return { ok: true, contentType: 'application/pdf', width: null, height: null };
  if (kind === 'file' && !(IMAGE_TYPES as readonly string[]).includes(sniffed?.mime ?? '')) return { ok: false, problem: 'not_document' };
  const image = await inspectImage(upload.bytes, MEDIA_LIMITS);
  return image.ok ? { ok: true, contentType: image.contentType, width: image.width, height: image.height } : { ok: false, problem: image.problem };
}

export async function addMedia(ctx: Context, ref: string | number, input: MediaInput): Promise<number> {
  // Who may first: checking an upload decodes its header and sniffs its bytes.
  await loadEditableFormat(ctx, ref);
  const t = translator(messages, ctx.locale);
  const v = new Validator(ctx.locale);
  const kind = v.choice('kind', input.kind, MEDIA_KINDS);
  const title = v.text('title', input.title, { required: kind === 'file', max: MEDIA_TITLE_MAX });
  // Pictures need words for those who cannot see them, and the name of who made them.
  const needsAlt = kind !== 'file';
  const alt = v.text('alt', input.alt, { required: needsAlt, max: MEDIA_ALT_MAX }) || null;
  const credit = v.text('credit', input.credit, { required: needsAlt, max: MEDIA_CREDIT_MAX }) || null;
  const visibility = v.choice('visibility', input.visibility, VISIBILITIES);
  let file: { contentType: string; width: number | null; height: number | null } | null = null;
  if (!input.upload) v.add('file', imageProblemText(ctx.locale, 'required', MEDIA_LIMITS));
  else if (kind) {
    const check = await inspectUpload(input.upload, kind);
    if (check.ok) file = check;
    else v.add('file', check.problem === 'not_document' ? t('doc.notDocument') : imageProblemText(ctx.locale, check.problem, MEDIA_LIMITS));
  }
  v.check();
  return inTransaction(ctx, async (tx) => {
    const format = await loadEditableFormat(tx, ref, { lock: true });
    const fileId = await insertFile(tx.db, { ...file!, bytes: input.upload!.bytes, createdBy: tx.user!.id });
    return insertMedia(tx.db, { format_id: format.id, file_id: fileId, kind: kind!, title, alt, credit, visibility: visibility!, created_by: tx.user!.id });
  });
}

export async function removeMedia(ctx: Context, ref: string | number, id: number): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const format = await loadEditableFormat(tx, ref, { lock: true });
    const fileId = await deleteMedia(tx.db, format.id, id);
    if (fileId === undefined) throw notFound();
    await deleteFile(tx.db, fileId);
  });
}

/** A medium's bytes for GET /formate/medien/:id, as its format and visibility allow; 404 otherwise. */
export async function getMediaFile(ctx: Context, id: number): Promise<{ file: StoredFile; audience: FileAudience; download: string | null }> {
  const row = await selectMediaItem(ctx.db, id);
  if (!row) throw notFound();
  const { canEdit } = await loadVisibleFormat(ctx, row.format_id).catch(() => {
    throw notFound();
  });
  if (row.visibility === 'members' && !seesMembersOnly(ctx, canEdit)) throw notFound();
  const file = await readFile(ctx.db, row.file_id);
  if (!file) throw notFound();
  // A PDF is downloaded, not shown inline: PDF viewers run their own scripts.
  const download = file.contentType === 'application/pdf' ? `${(row.title || 'dokument').replace(/[^\p{L}\p{N} ._-]/gu, '').slice(0, 80) || 'dokument'}.pdf` : null;
  return { file, audience: row.visibility, download };
}
