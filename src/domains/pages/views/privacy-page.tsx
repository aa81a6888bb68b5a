import type { Locale } from '../../../platform/i18n/index.js';
import type { Operator } from '../service.js';
import { PrivacyDe } from './privacy-de.js';
import { PrivacyEn } from './privacy-en.js';

export function PrivacyPage(props: { locale: Locale; operator: Operator; publicUrl: string }) {
  return props.locale === 'de' ? <PrivacyDe operator={props.operator} publicUrl={props.publicUrl} /> : <PrivacyEn operator={props.operator} publicUrl={props.publicUrl} />;
}
