import { FieldViolation } from './domain-error';

export const URL_MAX_LENGTH = 2048;

// Refused outright: the URL parser silently strips some of these, which hides ' javascript:' style tricks.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const SPACE_OR_CONTROL = /[\s\u0000-\u001f\u007f-\u009f]/;
// Checked on the raw text, since the parser also accepts 'https:example.com' and 'https:\\host'.
const WEB_PREFIX = /^https?:\/\//i;

/** An evidence link must be a plain absolute web address that is safe to render as a link. */
export function checkEvidenceUrl(url: string, field = 'url'): FieldViolation | null {
  const refuse = (message: string): FieldViolation => ({ field, message });

  if (typeof url !== 'string' || url === '') return refuse(`${field} is required`);
  if (url.length > URL_MAX_LENGTH) return refuse(`${field} must be at most ${URL_MAX_LENGTH} characters`);
  if (SPACE_OR_CONTROL.test(url)) return refuse(`${field} must not contain spaces or control characters`);
  if (url.includes('\\')) return refuse(`${field} must not contain backslashes`);
  if (!WEB_PREFIX.test(url)) return refuse(`${field} must start with http:// or https://`);

  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refuse(`${field} is not a valid web address`);
  }
  // The prefix check should make this unreachable; kept so the parser has the last word.
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return refuse(`${field} must use http or https`);
  }
  if (parsed.hostname === '') return refuse(`${field} must include a host name`);
  // An '@' in the authority is refused even when empty ('https://@host'): it only serves to mislead readers.
  const authority = url.slice(url.indexOf('//') + 2).split(/[/?#]/)[0];
  if (parsed.username !== '' || parsed.password !== '' || authority.includes('@')) {
    return refuse(`${field} must not contain a user name or password`);
  }
  return null;
}
