import type { ComponentChildren, VNode } from 'preact';
import type { FastifyRequest } from 'fastify';
import type { AppError, FieldErrors } from '../../../platform/errors/index.js';
import { formValues } from '../../../platform/http/routes.js';
import { localePath, translator, type Locale } from '../../../platform/i18n/index.js';
import { platformMessages, type PlatformMessageKey } from '../../../platform/i18n/platform-messages.js';
import { Alert, FormPage as PlatformFormPage } from '../../../platform/layout/components.js';
import { messages, type MessageKey } from '../messages.js';

/** What a page hands to reply.page (and what a route's `form` option returns). */
export interface View {
  title: string;
  body: VNode;
}

/** A form as typed (never passwords) with its field errors or one overall message. */
export interface FormState {
  values: Record<string, string>;
  errors: FieldErrors;
  message?: string;
}

export const emptyForm: FormState = { values: {}, errors: {} };

const secretFields = new Set(['password', 'currentPassword', 'newPassword', '_csrf']);

/** The submitted form without its secrets, with what went wrong. */
export function formState(request: FastifyRequest, error?: AppError): FormState {
  const values = Object.fromEntries(Object.entries(formValues(request)).filter(([name]) => !secretFields.has(name)));
  if (!error) return { values, errors: {} };
  return { values, errors: error.fields ?? {}, message: error.fields ? undefined : errorText(error, request.locale) };
}

/** The translated text of a rejection that has no field (CSRF, rate limit, body too large). */
export function errorText(error: AppError, locale: Locale): string {
  const minutes = Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60));
  return error.detail ?? translator(platformMessages, locale)(`error.${error.code}` as PlatformMessageKey, { minutes });
}

/** Everything a view needs from the request. */
export interface ViewContext {
  locale: Locale;
  csrf: string;
}

export const viewContext = (request: FastifyRequest): ViewContext => ({ locale: request.locale, csrf: request.csrfToken() });

export const texts = (locale: Locale) => translator(messages, locale);

/** A page with one form: heading, error summary, intro, then the fields. */
export function FormPage(props: {
  view: ViewContext;
  title: string;
  action: string;
  state: FormState;
  labels: Partial<Record<string, MessageKey>>;
  intro?: ComponentChildren;
  children: ComponentChildren;
  after?: ComponentChildren;
}) {
  const t = texts(props.view.locale);
  const labels = Object.fromEntries(Object.entries(props.labels).map(([field, key]) => [field, t(key!)]));
  return (
    <PlatformFormPage
      locale={props.view.locale}
      csrf={props.view.csrf}
      title={props.title}
      action={props.action}
      errors={props.state.errors}
      labels={labels}
      message={props.state.message}
      intro={props.intro}
      after={props.after}
    >
      {props.children}
    </PlatformFormPage>
  );
}

/** A short page that reports an outcome, with links onward. */
export function MessagePage(props: { title: string; kind: 'success' | 'info' | 'danger'; text: string; children?: ComponentChildren }) {
  return (
    <div class="qn-stack">
      <h1 class="kern-heading-large">{props.title}</h1>
      <Alert kind={props.kind} title={props.text} role={props.kind === 'danger' ? 'alert' : 'status'} />
      {props.children}
    </div>
  );
}

export function Intro(props: { children: ComponentChildren }) {
  return <p class="kern-body">{props.children}</p>;
}

export function PageLink(props: { locale: Locale; path: string; children: ComponentChildren }) {
  return (
    <p class="kern-body">
      <a class="kern-link" href={localePath(props.locale, props.path)}>
        {props.children}
      </a>
    </p>
  );
}
