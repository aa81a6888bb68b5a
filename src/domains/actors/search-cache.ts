/**
 * Directory searches kept for a short time, per database handle (test apps and transactions never
 * share entries) and per key. Concurrent requests for the same key share one computation; how long
 * a result is kept is decided once it is known (`ttlMs(value)`, 0: not at all). Entries expire, so
 * several app instances converge within that time; the oldest entries go first when it is full.
 */
export class SearchCache<T> {
  private readonly owners = new WeakMap<object, Map<string, { value: Promise<T>; expires: number }>>();

  constructor(private readonly maxEntries: number) {}

  get(owner: object, key: string, load: () => Promise<T>, ttlMs: (value: T) => number, now: number): Promise<T> {
    let entries = this.owners.get(owner);
    if (!entries) this.owners.set(owner, (entries = new Map()));
    const hit = entries.get(key);
    if (hit && hit.expires > now) return hit.value;
    if (hit) entries.delete(key);
    if (entries.size >= this.maxEntries) entries.delete(entries.keys().next().value!);
    const value = load();
    // Until it is known, concurrent requests share the computation.
    const entry = { value, expires: Number.POSITIVE_INFINITY };
    entries.set(key, entry);
    const settle = (ms: number) => {
      if (entries.get(key) !== entry) return;
      if (ms > 0) entry.expires = now + ms;
      else entries.delete(key);
    };
    value.then((v) => settle(ttlMs(v)), () => settle(0));
    return value;
  }
}
