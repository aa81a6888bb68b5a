import type { Context } from '../../platform/context.js';
import { PartnerIndex } from './partner-index.js';

interface Kept {
  index: Promise<PartnerIndex>;
  rebuilding: boolean;
}
const kept = new WeakMap<object, Kept>();

/**
 * The copy for a database handle, current as of now. The first use builds it; a due rebuild runs
 * in the background while the old copy serves. Not for use inside a transaction: the copy is shared,
 * and a transaction's own uncommitted writes must not reach it (callers rank before they write).
 */
export async function currentPartnerIndex(ctx: Context): Promise<PartnerIndex> {
  const { db } = ctx;
  if (db.isTransaction) throw new Error('partner index: not inside a transaction');
  const now = ctx.clock.now().getTime();
  let entry = kept.get(db);
  if (!entry) {
    entry = { index: PartnerIndex.load(ctx), rebuilding: false };
    kept.set(db, entry);
    entry.index.catch(() => kept.delete(db));
  }
  const index = await entry.index;
  if (index.due(now) && !entry.rebuilding) {
    entry.rebuilding = true;
    const current = entry;
    void PartnerIndex.load(ctx)
      .then((fresh) => (current.index = Promise.resolve(fresh)))
      .catch((error: unknown) => ctx.log.error({ err: error }, 'partner index: rebuild failed'))
      .finally(() => (current.rebuilding = false));
  }
  await index.sync(ctx);
  return index;
}
