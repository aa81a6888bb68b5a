/**
 * JSON for a <script type="application/ld+json"> block. The HTML parser ends a script element at
 * the first "</script" whatever the type, so `<` (and `>`, `&`, the JavaScript line separators) are
 * written as \u escapes: the JSON means the same, and no name can close the element.
 */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A schema.org data block. Allowed by our CSP ("script-src 'self'" governs only scripts that run);
 * its text is the one place where markup is written unescaped, which is why jsonLdText escapes "<".
 */
export function JsonLdScript(props: { data: unknown }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdText(props.data) }} />;
}
