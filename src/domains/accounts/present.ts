/** A value as it looks after JSON encoding: dates become ISO strings. */
export type Json<T> = T extends Date ? string : T extends (infer U)[] ? Json<U>[] : T extends object ? { [K in keyof T]: Json<T[K]> } : T;

/** Presents a use case's result as the API's JSON shape (the response schema then checks it). */
export function present<T>(value: T): Json<T> {
  return JSON.parse(JSON.stringify(value)) as Json<T>;
}
