export const locales = ['de', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'de';

export function isLocale(value: unknown): value is Locale {
  return value === 'de' || value === 'en';
}

/** A domain's texts: the German set defines the keys, the English set must have exactly the same. */
export type MessageSet<K extends string> = Record<K, string>;
export function defineMessages<K extends string>(messages: { de: MessageSet<K>; en: NoInfer<MessageSet<K>> }) {
  return messages;
}

export type Messages<K extends string> = { de: MessageSet<K>; en: MessageSet<K> };

/** Fills {name} placeholders. */
export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

export type Translate<K extends string> = (key: K, params?: Record<string, string | number>) => string;

export function translator<K extends string>(messages: Messages<K>, locale: Locale): Translate<K> {
  const set = messages[locale];
  return (key, params) => format(set[key], params);
}

/** German pages live at /…, English ones at /en/…. */
export function localePath(locale: Locale, path: string): string {
  // Collapse leading slashes: "//host/x" would be a link to another site.
  const clean = '/' + path.replace(/^[/\\]+/, '');
  if (locale === 'de') return clean;
  return clean === '/' ? '/en/' : `/en${clean}`;
}

/** Splits a request path into its locale and the locale-free path. */
export function splitLocale(url: string): { locale: Locale; path: string } {
  const [pathname = '/'] = url.split('?');
  if (pathname === '/en' || pathname === '/en/') return { locale: 'en', path: '/' };
  if (pathname.startsWith('/en/')) return { locale: 'en', path: pathname.slice(3) };
  return { locale: 'de', path: pathname };
}

/** The locale an API caller prefers, from Accept-Language. */
export function localeFromAcceptLanguage(header: string | undefined): Locale {
  if (!header) return defaultLocale;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((p) => p.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const base = tag.split('-')[0];
    if (isLocale(base)) return base;
  }
  return defaultLocale;
}

const dateFormats: Record<Locale, Intl.DateTimeFormat> = {
  de: new Intl.DateTimeFormat('de-DE', { dateStyle: 'long', timeZone: 'Europe/Berlin' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/Berlin' }),
};
const dateTimeFormats: Record<Locale, Intl.DateTimeFormat> = {
  de: new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' }),
};

export function formatDate(locale: Locale, date: Date): string {
  return dateFormats[locale].format(date);
}
export function formatDateTime(locale: Locale, date: Date): string {
  return dateTimeFormats[locale].format(date);
}
