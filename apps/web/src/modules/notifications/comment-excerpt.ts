const BLOCKS = 'p, li, br, blockquote, pre, h1, h2, h3, h4, h5, h6, tr';

/**
 * A comment as one line of text for an excerpt: the API's rendered HTML (bodyHtml) read as text,
 * so Markdown shows as what it says ("**bold**" reads "bold"), never its asterisks. DOMParser
 * runs no script and loads nothing; only the text leaves this function.
 */
export function commentExcerpt(bodyHtml: string): string {
  const doc = new DOMParser().parseFromString(bodyHtml, 'text/html');
  // Blocks and line breaks part words ("<p>a</p><p>b</p>" reads "a b", not "ab").
  doc.body.querySelectorAll(BLOCKS).forEach((el) => el.after(' '));
  return (doc.body.textContent ?? '').replace(/\s+/g, ' ').trim();
}
