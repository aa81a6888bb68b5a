import type { ComponentChildren } from 'preact';
import { localePath, translator, type Locale } from '../i18n/index.js';
import { platformMessages } from '../i18n/platform-messages.js';
import type { CurrentUser } from '../context.js';
import { hasRole } from '../context.js';
import { assetUrl } from './assets.js';

export interface PageMeta {
  locale: Locale;
  title: string;
  /** Locale-free path of this page (with query string), for the language switch. */
  path: string;
  user: CurrentUser | null;
  /** Counts beside navigation links, by path (nav-counts.ts). */
  navCounts?: Record<string, number>;
  csrf: string;
  description?: string;
}

export function Layout(props: PageMeta & { children: ComponentChildren }) {
  const { locale, user } = props;
  const t = translator(platformMessages, locale);
  const other: Locale = locale === 'de' ? 'en' : 'de';
  const link = (path: string) => localePath(locale, path);
  // The section's own page is the current page; a page inside it (a profile, the map) is in the current section.
  const current = (section: string) => {
    const path = props.path.split('?')[0]!;
    return path === section ? 'page' : path.startsWith(`${section}/`) ? 'true' : undefined;
  };
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} – ${t('site.name')}`}</title>
        {props.description && <meta name="description" content={props.description} />}
        <meta name="htmx-config" content='{"includeIndicatorStyles":false,"allowScriptTags":false,"allowEval":false}' />
        <link rel="stylesheet" href={assetUrl('kern.min.css')} />
        <link rel="stylesheet" href={assetUrl('fira-sans.css')} />
        <link rel="stylesheet" href={assetUrl('app.css')} />
        <link rel="alternate" hrefLang={other} href={localePath(other, props.path)} />
        <link rel="icon" href={assetUrl('favicon.svg')} type="image/svg+xml" />
        <script src={assetUrl('htmx.min.js')} defer></script>
        <script src={assetUrl('app.js')} defer></script>
      </head>
      <body>
        <a class="qn-skip kern-link" href="#inhalt">
          {t('layout.skip')}
        </a>
        <header class="qn-header">
          <div class="kern-container qn-header__inner">
            <a class="qn-brand" href={link('/')}>
              <span class="qn-brand__name">{t('site.name')}</span>
              <span class="qn-brand__tagline">{t('site.tagline')}</span>
            </a>
            {/* The name starts with the visible text (WCAG 2.5.3); the hint in this page's language is marked as such (3.1.2). */}
            <a class="kern-link qn-lang" href={localePath(other, props.path)} hrefLang={other} lang={other}>
              <span class="kern-icon kern-icon--language" aria-hidden="true"></span>
              {t('layout.switchTo')}
              <span class="kern-sr-only" lang={locale}>{` – ${t('layout.switchToLabel')}`}</span>
            </a>
          </div>
          <nav class="qn-nav" aria-label={t('layout.nav')}>
            <ul class="kern-container qn-nav__list">
              <li>
                <a class="kern-link" href={link('/')} aria-current={props.path === '/' ? 'page' : undefined}>
                  {t('layout.home')}
                </a>
              </li>
              <li>
                <a class="kern-link" href={link('/akteure')} aria-current={current('/akteure')}>
                  {t('layout.actors')}
                </a>
              </li>
              <li>
                <a class="kern-link" href={link('/formate')} aria-current={current('/formate')}>
                  {t('layout.formats')}
                </a>
              </li>
              {user ? (
                <>
                  <li>
                    <a class="kern-link" href={link('/vernetzung')} aria-current={current('/vernetzung')}>
                      {t('layout.partnering')}
                      {props.navCounts?.['/vernetzung'] ? (
                        <span class="qn-count">
                          {' '}
                          <span aria-hidden="true">{props.navCounts['/vernetzung']}</span>
                          <span class="kern-sr-only">{t('layout.waiting', { count: props.navCounts['/vernetzung'] })}</span>
                        </span>
                      ) : null}
                    </a>
                  </li>
                  <li>
                    <a class="kern-link" href={link('/konto')} aria-current={props.path === '/konto' ? 'page' : undefined}>
                      {t('layout.account')}
                    </a>
                  </li>
                  {hasRole(user, 'admin') && (
                    <li>
                      <a class="kern-link" href={link('/admin')} aria-current={props.path.startsWith('/admin') ? 'page' : undefined}>
                        {t('layout.admin')}
                      </a>
                    </li>
                  )}
                  <li class="qn-nav__end">
                    <form action={link('/abmelden')} method="post" class="qn-inline-form">
                      <input type="hidden" name="_csrf" value={props.csrf} />
                      <button type="submit" class="kern-btn kern-btn--tertiary kern-btn--x-small">
                        <span class="kern-label">{t('layout.logout')}</span>
                      </button>
                    </form>
                  </li>
                </>
              ) : (
                <>
                  <li class="qn-nav__end">
                    <a class="kern-link" href={link('/anmelden')} aria-current={props.path === '/anmelden' ? 'page' : undefined}>
                      {t('layout.login')}
                    </a>
                  </li>
                  <li>
                    <a class="kern-link" href={link('/registrieren')} aria-current={props.path === '/registrieren' ? 'page' : undefined}>
                      {t('layout.register')}
                    </a>
                  </li>
                </>
              )}
            </ul>
          </nav>
        </header>
        <main id="inhalt" class="kern-container qn-main" tabIndex={-1}>
          {props.children}
        </main>
        <footer class="qn-footer">
          <nav class="kern-container" aria-label={t('layout.footer')}>
            <ul class="kern-list kern-list--horizontal qn-footer__list">
              <li><a class="kern-link" href={link('/impressum')}>{t('layout.impressum')}</a></li>
              <li><a class="kern-link" href={link('/datenschutz')}>{t('layout.privacy')}</a></li>
              <li><a class="kern-link" href={link('/barrierefreiheit')}>{t('layout.accessibility')}</a></li>
              <li><a class="kern-link" href={link('/leichte-sprache')}>{t('layout.easyLanguage')}</a></li>
              <li><a class="kern-link" href={link('/api/docs')}>{t('layout.api')}</a></li>
            </ul>
          </nav>
        </footer>
      </body>
    </html>
  );
}
