/**
 * A short-lived cache for public data that is read on every request but changes rarely (the
 * initiative profile on the start page). Entries are kept per database handle, so test apps and
 * transactions never see each other's data, and expire after `ttlMs`, so several app instances
 * converge within that time. Concurrent misses share one load.
 */
export function readCache<T>(ttlMs: number) {
  const entries = new WeakMap<object, { value: Promise<T>; expires: number }>();
  return {
    get(owner: object, load: () => Promise<T>, now = Date.now()): Promise<T> {
      const hit = entries.get(owner);
      if (hit && hit.expires > now) return hit.value;
      const value = load();
      entries.set(owner, { value, expires: now + ttlMs });
      value.catch(() => entries.delete(owner));
      return value;
    },
    clear(owner: object) {
      entries.delete(owner);
    },
  };
}
