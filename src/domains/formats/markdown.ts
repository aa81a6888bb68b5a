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
// Headings in results sit under the page's h2 "Ergebnisse": shift them down two levels (# → h3).
markdown.renderer.rules.heading_open = (tokens, idx) => `<h${Math.min(6, Number(tokens[idx]!.tag.slice(1)) + 2)}>`;
markdown.renderer.rules.heading_close = (tokens, idx) => `</h${Math.min(6, Number(tokens[idx]!.tag.slice(1)) + 2)}>`;

export function renderMarkdown(text: string): string {
  return markdown.render(text);
}
