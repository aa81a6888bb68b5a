import MarkdownIt from 'markdown-it';

/**
 * Results are written in Markdown and shown as HTML. Raw HTML in the text is escaped (html: false),
 * links are checked by markdown-it (no javascript:, vbscript:, file: or data: URLs except images),
 * and images are not rendered at all: pictures belong in the gallery, with alt text and credit.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false }).disable(['image']);
const defaultLink = markdown.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
markdown.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  token.attrSet('class', 'kern-link');
  token.attrSet('rel', 'noopener noreferrer nofollow');
  return defaultLink(tokens, idx, options, env, self);
};
// Headings in results sit under "Dokumentation" (h2) › "Ergebnisse" (h3): the text's top level
// becomes h4, whether its authors started with # or ##, and the levels below follow.
const TOP_LEVEL = 4;
const level = (tag: string, env: unknown) => Math.min(6, Number(tag.slice(1)) + ((env as { shift?: number } | undefined)?.shift ?? TOP_LEVEL - 1));
markdown.renderer.rules.heading_open = (tokens, idx, _options, env) => `<h${level(tokens[idx]!.tag, env)}>`;
markdown.renderer.rules.heading_close = (tokens, idx, _options, env) => `</h${level(tokens[idx]!.tag, env)}>`;

export function renderMarkdown(text: string): string {
  const tokens = markdown.parse(text, {});
  const levels = tokens.filter((token) => token.type === 'heading_open').map((token) => Number(token.tag.slice(1)));
  const env = { shift: TOP_LEVEL - (levels.length > 0 ? Math.min(...levels) : 1) };
  return markdown.renderer.render(tokens, markdown.options, env);
}
