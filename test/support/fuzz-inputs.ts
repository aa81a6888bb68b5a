import fc from 'fast-check';
import type { Actor } from './routes.js';

/**
 * Inputs for the fuzz test (test/fuzz.test.ts): hostile and plausible values, form and JSON
 * bodies, path parameters. Field names come from the app itself; these only fill them.
 */

/** Names tried on every route besides the ones its pages and OpenAPI document show. */
export const commonFields = ['email', 'password', 'name', 'token', 'next', 'role', 'id', 'message', 'locale', 'currentPassword', 'newPassword'];

export const markup = ['<script>alert(1)</script>', '"><script>alert(1)</script>', "'><img src=x onerror=alert(1)>", '<svg onload=alert(1)>'];
/** Substrings that must never come back in HTML: they would run. */
export const unescaped = ['<script>alert', '<img src=x onerror', '<svg onload'];

/** Stand-ins replaced by the acting user's own email and password when the request is built. */
export const OWN_EMAIL = '$own-email';
export const OWN_PASSWORD = '$own-password';

/** Characters PostgreSQL, URLs or terminals choke on: NUL, lone surrogates, escapes, bidi overrides. */
const controls = ['\u0000', 'a\u0000b', '\u0007', '\u001b[31m', '\uFFFF', '\uD800', 'x\uDFFF', '\u202E', '\r\n\r\n', '\t'];
const injections = ["' OR '1'='1", "'; DROP TABLE users; --", '1); select pg_sleep(5); --', '\\x00', '%00', '../../etc/passwd', '{{7*7}}', '${7*7}', '__proto__', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)'];
const oddities = ['null', '-1', '1e309', '99999999999999999999999', 'NaN', '[]', ' ', 'a@b', '😀'.repeat(50)];
export const tricky = fc.oneof(fc.constantFrom(...markup), fc.constantFrom(...controls), fc.constantFrom(...injections), fc.constantFrom(...oddities));

/** Values a real user might send: own credentials, a strong new password, roles, ids, locales. */
const plausible = fc.constantFrom(OWN_EMAIL, OWN_PASSWORD, 'Ein-sehr-sicheres-Passwort-2024!', 'neu@example.org', 'Erika Mustermann', 'member', 'coordinator', 'admin', '1', '0', 'de', 'en', 'on', '/konto');

const longText = fc
  .tuple(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }), fc.integer({ min: 1_000, max: 100_000 }))
  .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length));

export const shortText = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 3, arbitrary: tricky },
  { weight: 3, arbitrary: plausible },
  { weight: 2, arbitrary: fc.tuple(fc.string({ maxLength: 10 }), fc.constantFrom(...markup), fc.string({ maxLength: 10 })).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.constant('') },
);
export const text = fc.oneof({ weight: 9, arbitrary: shortText }, { weight: 1, arbitrary: longText });

const randomKey = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('_csrf', '_csrf[]', 'a[b]', '__proto__', 'constructor', ''));
export const key = (fields: string[]) => fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...fields, ...commonFields) }, { weight: 1, arbitrary: randomKey });

/** Values that fit a field by its name (the first one most), so that a body gets past validation to the use case. */
export function fittingValues(name: string): [string, ...string[]] {
  if (/mail/i.test(name)) return ['neu@example.org', OWN_EMAIL];
  if (/pass|current/i.test(name)) return [OWN_PASSWORD, 'Ein-sehr-sicheres-Passwort-2024!'];
  if (/locale|lang|sprache/i.test(name)) return ['de', 'en'];
  if (/role|rolle/i.test(name)) return ['member', 'coordinator', 'admin'];
  if (/url|next|seite|page/i.test(name)) return ['/konto', 'https://example.org/barrierefreiheit'];
  if (/id$/i.test(name)) return ['1', '999999'];
  return ['Erika Mustermann', 'Eine Rückmeldung', 'on'];
}
const fitting = (name: string) => fc.constantFrom(...fittingValues(name));

/**
 * Cases that always run before the random ones: every field in turn carries a NUL, then a script
 * tag, while the others fit, so that each bad value reaches the use case and the database; and
 * once the first field with 2 MB (over every body limit; cf. the 1 MB password of the issue).
 */
export function poisonedBodies(fields: string[]): Record<string, string>[] {
  const fitted = () => Object.fromEntries(fields.map((name) => [name, fittingValues(name)[0]]));
  const poisoned = ['a\u0000b', `${markup[1]}@example.org`].flatMap((poison) => fields.map((bad) => ({ ...fitted(), [bad]: poison })));
  const huge = fields[0] ? [{ ...fitted(), [fields[0]]: 'x'.repeat(2_200_000) }] : [];
  return [...poisoned, ...huge];
}

/** Every known field, each present or not, fitting or random. */
const wholeForm = (fields: string[]) =>
  fc.record(Object.fromEntries(fields.map((name) => [name, fc.oneof(fitting(name), text)])), { requiredKeys: [] }).map((record) => Object.entries(record) as [string, string][]);

/** Every known field fitting, but one of them tricky: reaches the use case with the bad value. */
const oneBadField = (fields: string[]) =>
  fc
    .tuple(fc.record(Object.fromEntries(fields.map((name) => [name, fitting(name)]))), fc.constantFrom(...fields), fc.oneof(tricky, text))
    .map(([record, name, bad]) => Object.entries({ ...record, [name]: bad }) as [string, string][]);

export type Extra = { ip: string; htmx: boolean; language: string; staleCookie: string | null; foreignOrigin: boolean; query: Record<string, string> | null };
export const quiet: Extra = { ip: '127.0.0.1', htmx: false, language: 'de', staleCookie: null, foreignOrigin: false, query: null };
/**
 * How a request travels besides its body: source IP (rate limits), htmx, Accept-Language, a session
 * cookie that names no session (sent by anonymous actors), a foreign Origin, a query string.
 */
export const extras = (queryKeys: Iterable<string>): fc.Arbitrary<Extra> =>
  fc.record({
    ip: fc.oneof(fc.constant('127.0.0.1'), fc.ipV4()),
    htmx: fc.boolean(),
    language: fc.oneof(fc.constantFrom('de', 'en', 'en-GB,en;q=0.9', 'fr;q=1, en;q=0.5', '*', 'de;q=abc'), fc.string({ unit: 'binary-ascii', maxLength: 40 })),
    staleCookie: fc.option(fc.oneof(fc.base64String({ maxLength: 60 }), fc.constant('x'.repeat(500))), { freq: 4 }),
    foreignOrigin: fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    query: fc.option(fc.dictionary(fc.oneof(fc.constantFrom(...queryKeys), fc.string({ maxLength: 10 })), shortText, { maxKeys: 3 }), { freq: 3 }),
  });

/** A path parameter: the placeholder, the actor's or another user's id, a number, or any text. */
export type Param = { kind: 'placeholder' | 'own' | 'other' } | { kind: 'value'; value: string };
export const param: fc.Arbitrary<Param> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<Param>({ kind: 'placeholder' }, { kind: 'own' }, { kind: 'other' }) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }), fc.double()).map((n): Param => ({ kind: 'value', value: String(n) })) },
  { weight: 1, arbitrary: shortText.filter((v) => v.length > 0).map((value): Param => ({ kind: 'value', value })) },
);
export type CsrfMode = 'valid' | 'missing' | 'garbage' | 'anonymous' | 'twice' | 'header';
export const csrfMode = fc.constantFrom<CsrfMode>('valid', 'valid', 'valid', 'valid', 'missing', 'garbage', 'anonymous', 'twice', 'header');

export type FormBody = { kind: 'pairs'; pairs: [string, string][]; repeated: [string, string[]] | null } | { kind: 'raw'; type: string; payload: string };

export const formBody = (fields: string[]): fc.Arbitrary<FormBody> =>
  fc.oneof(
    {
      weight: 8,
      arbitrary: fc.record({
        kind: fc.constant('pairs' as const),
        pairs: fields.length > 0 ? fc.oneof(oneBadField(fields), wholeForm(fields), fc.array(fc.tuple(key(fields), text), { maxLength: 10 })) : fc.array(fc.tuple(key(fields), text), { maxLength: 10 }),
        repeated: fc.option(fc.tuple(fc.constantFrom(...fields, ...commonFields), fc.array(shortText, { minLength: 2, maxLength: 4 }))),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('raw' as const),
        type: fc.constantFrom('application/x-www-form-urlencoded', 'text/plain', 'application/json', 'multipart/form-data; boundary=x', 'application/xml', ''),
        payload: fc.oneof(fc.string({ unit: 'binary-ascii', maxLength: 200 }), fc.constantFrom('%', '%E0%A4%A', 'a=%ZZ&b', '=&&==', '{"_csrf":1}', '<x/>'), fc.json()),
      }),
    },
  );

export type ApiBody = { kind: 'json'; value: unknown } | { kind: 'raw'; type: string; payload: string } | { kind: 'none' };

/** JSON of any shape, known fields with wrong types, broken JSON, other content types, no body. */
export const apiBody = (fields: string[]): fc.Arbitrary<ApiBody> => {
  const json = (value: unknown): ApiBody => ({ kind: 'json', value });
  const raw = (type: string) => (payload: string): ApiBody => ({ kind: 'raw', type, payload });
  const known = fields.length > 0 ? fields : commonFields;
  return fc.oneof(
    { weight: 2, arbitrary: fc.jsonValue().map(json) },
    { weight: 3, arbitrary: oneBadField(known).map((entries) => json(Object.fromEntries(entries))) },
    { weight: 2, arbitrary: fc.record(Object.fromEntries(known.map((name) => [name, fc.oneof(fitting(name), text, fc.jsonValue())])), { requiredKeys: [] }).map(json) },
    { weight: 3, arbitrary: fc.dictionary(key(known), fc.oneof(fc.jsonValue(), text), { maxKeys: 6 }).map(json) },
    { weight: 2, arbitrary: fc.oneof(fc.string({ maxLength: 50 }).map((s) => `{${s}`), fc.constantFrom('', '{', '[1,', 'nul', '{"a":}', '\uFEFF{}', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{"x":1}}}')).map(raw('application/json')) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', 'application/problem+json'), fc.oneof(fc.string({ maxLength: 100 }), fc.json()))
        .map(([type, payload]) => raw(type)(payload)),
    },
    { weight: 1, arbitrary: fc.constant<ApiBody>({ kind: 'none' }) },
  );
};

/** Replaces the stand-ins for the acting user's own email and password. */
export function withOwn(actor: Actor) {
  const email = actor.user?.email ?? 'member@example.org';
  const password = actor.user?.password ?? 'Stadtlabor-Bernburg-2023!';
  const replace = (value: string) => (value === OWN_EMAIL ? email : value === OWN_PASSWORD ? password : value);
  const deep = (value: unknown): unknown =>
    typeof value === 'string' ? replace(value) : Array.isArray(value) ? value.map(deep) : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deep(v)])) : value;
  return { replace, deep };
}
