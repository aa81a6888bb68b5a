/** Sorted id lists (tag, word and slot ids) as the partner index keeps them. */

/** The ids in both ascending lists. */
export function intersection(a: Int32Array, b: Int32Array): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      out.push(x);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return out;
}

/** The distinct values, ascending. */
export const sortedUnique = (values: Iterable<number>) => Int32Array.from(new Set(values)).sort();

/** Appends a slot to the list of a key. */
export function push(map: Map<number, number[]>, key: number, slot: number) {
  const list = map.get(key);
  if (list) list.push(slot);
  else map.set(key, [slot]);
}
