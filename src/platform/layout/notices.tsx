import { translator, type Locale, type Messages } from '../i18n/index.js';
import { Alert } from './components.js';

/**
 * Success notices after a change: a redirect adds ?hinweis=<word>, the page shows the word's text.
 * Only the words a domain lists are shown, so the query string cannot put text on a page.
 */
export function defineNotices<K extends string, N extends string>(messages: Messages<K>, notices: Record<N, K>) {
  const noticeOf = (value: unknown): N | undefined => (typeof value === 'string' && Object.hasOwn(notices, value) ? (value as N) : undefined);
  function NoticeAlert(props: { locale: Locale; notice?: N }) {
    if (!props.notice) return null;
    return <Alert kind="success" title={translator(messages, props.locale)(notices[props.notice])} />;
  }
  return { noticeOf, NoticeAlert };
}
