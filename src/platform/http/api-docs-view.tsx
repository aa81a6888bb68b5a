import type { Locale } from '../i18n/index.js';
import type { OpenApiDocument } from './system-routes.js';

const methods = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** A readable, accessible rendering of the OpenAPI document, without JavaScript. */
export function ApiDocsPage(props: { document: OpenApiDocument; locale: Locale }) {
  const de = props.locale === 'de';
  const operations = Object.entries(props.document.paths ?? {}).flatMap(([path, item]) =>
    methods.filter((m) => item[m]).map((m) => ({ path, method: m, op: item[m]! })),
  );
  const byTag = new Map<string, typeof operations>();
  for (const entry of operations) {
    const tag = entry.op.tags?.[0] ?? 'other';
    byTag.set(tag, [...(byTag.get(tag) ?? []), entry]);
  }
  return (
    <>
      <h1 class="kern-heading-large">{de ? 'API-Dokumentation' : 'API documentation'}</h1>
      <p class="kern-body">{props.document.info.description}</p>
      <p class="kern-body">
        {de ? 'Maschinenlesbar als OpenAPI 3.1: ' : 'Machine-readable as OpenAPI 3.1: '}
        <a class="kern-link" href="/api/docs/openapi.json">
          /api/docs/openapi.json
        </a>
      </p>
      {[...byTag.entries()].map(([tag, entries]) => (
        <section key={tag} aria-labelledby={`tag-${tag}`}>
          <h2 class="kern-heading-medium" id={`tag-${tag}`}>
            {tag}
          </h2>
          {entries.map(({ path, method, op }) => (
            <article key={method + path} class="qn-api-op">
              <h3 class="kern-heading-small">
                <code>{method.toUpperCase()}</code> <code>{path}</code>
              </h3>
              {op.summary && <p class="kern-body">{op.summary}</p>}
              {op.description && <p class="kern-body kern-body--small">{op.description}</p>}
              {op.parameters && op.parameters.length > 0 && (
                <ul class="kern-list">
                  {op.parameters.map((p) => (
                    <li key={p.in + p.name}>
                      <code>{p.name}</code> ({p.in}
                      {p.required ? (de ? ', Pflicht' : ', required') : ''}){p.description ? `: ${p.description}` : ''}
                    </li>
                  ))}
                </ul>
              )}
              {op.requestBody?.content && (
                <details>
                  <summary>{de ? 'Anfrage-Schema' : 'Request schema'}</summary>
                  <pre class="qn-code">{JSON.stringify(Object.values(op.requestBody.content)[0]?.schema ?? {}, null, 2)}</pre>
                </details>
              )}
              <details>
                <summary>{de ? 'Antworten' : 'Responses'}: {Object.keys(op.responses ?? {}).join(', ')}</summary>
                <pre class="qn-code">{JSON.stringify(op.responses ?? {}, null, 2)}</pre>
              </details>
            </article>
          ))}
        </section>
      ))}
    </>
  );
}
