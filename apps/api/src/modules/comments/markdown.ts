import MarkdownIt from 'markdown-it';

const WEB_ADDRESS = /^https?:\/\//i;

/**
 * Comment Markdown as HTML that is safe to insert into a page: HTML in the source is escaped
 * (html: false), and only http(s) addresses become links — javascript:, data:, relative and
 * every other kind stay as text. Images are off (no tracking pixels in a discussion).
 */
const md = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });
md.validateLink = (url: string) => WEB_ADDRESS.test(url.trim());
md.disable(['image']);

const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx].attrSet('rel', 'nofollow noopener noreferrer');
  tokens[idx].attrSet('target', '_blank');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

export function renderMarkdown(body: string): string {
  return body ? md.render(body) : '';
}
