import { checkEvidenceUrl, URL_MAX_LENGTH } from './evidence-url';

describe('checkEvidenceUrl', () => {
  it.each([
    'https://www.gob.mx/sre/prensa/comunicado-123',
    'http://example.org',
    'https://example.org/path?q=1&r=two#section',
    'HTTPS://EXAMPLE.ORG/Upper',
    'https://example.org:8443/x',
    'https://[2001:db8::1]/report.pdf',
    'https://例え.jp/資料',
    'https://example.org/a%20b',
    'https://example.org/@handle/status/1',
    'https://example.org/?email=a@b.org',
  ])('accepts %s', (url) => expect(checkEvidenceUrl(url)).toBeNull());

  it.each([
    ['javascript:alert(1)', 'must start with http:// or https://'],
    ['JaVaScRiPt:alert(1)', 'must start with http:// or https://'],
    [' javascript:alert(1)', 'must not contain spaces or control characters'],
    ['\tjavascript:alert(1)', 'must not contain spaces or control characters'],
    ['\u0000javascript:alert(1)', 'must not contain spaces or control characters'],
    ['java\nscript:alert(1)', 'must not contain spaces or control characters'],
    ['file:///etc/passwd', 'must start with http:// or https://'],
    ['data:text/html,<script>alert(1)</script>', 'must start with http:// or https://'],
    ['ftp://example.org/file', 'must start with http:// or https://'],
    ['mailto:press@example.org', 'must start with http:// or https://'],
    ['/relative/path', 'must start with http:// or https://'],
    ['relative/path', 'must start with http:// or https://'],
    ['//example.org/protocol-relative', 'must start with http:// or https://'],
    ['example.org', 'must start with http:// or https://'],
    ['https:example.org', 'must start with http:// or https://'],
    ['https:/example.org', 'must start with http:// or https://'],
    ['https://', 'is not a valid web address'],
    ['https://exa mple.org', 'must not contain spaces or control characters'],
    [' https://example.org', 'must not contain spaces or control characters'],
    ['https://example.org ', 'must not contain spaces or control characters'],
    ['https://example.org/\u00a0', 'must not contain spaces or control characters'],
    ['https://example.org\u2028', 'must not contain spaces or control characters'],
    ['https:\\\\evil.example', 'must not contain backslashes'],
    ['https://evil.example\\@good.example', 'must not contain backslashes'],
    ['https://user:secret@example.org', 'must not contain a user name or password'],
    ['https://user@example.org', 'must not contain a user name or password'],
    ['https://good.example@evil.example/', 'must not contain a user name or password'],
    ['https://@example.org', 'must not contain a user name or password'],
    ['https://:@example.org', 'must not contain a user name or password'],
    ['https://exa[mple.org', 'is not a valid web address'],
    ['https://example.org:99999', 'is not a valid web address'],
  ])('refuses %j', (url, reason) => {
    expect(checkEvidenceUrl(url)).toEqual({ field: 'url', message: `url ${reason}` });
  });

  it('refuses an empty string', () => {
    expect(checkEvidenceUrl('')).toEqual({ field: 'url', message: 'url is required' });
  });

  it('refuses a non-string from a JS caller', () => {
    expect(checkEvidenceUrl(undefined as unknown as string)).toEqual({ field: 'url', message: 'url is required' });
  });

  it('accepts 2048 characters and refuses 2049', () => {
    const base = 'https://example.org/';
    expect(URL_MAX_LENGTH).toBe(2048);
    expect(checkEvidenceUrl(base + 'a'.repeat(2048 - base.length))).toBeNull();
    expect(checkEvidenceUrl(base + 'a'.repeat(2049 - base.length))).toEqual({
      field: 'url',
      message: 'url must be at most 2048 characters',
    });
  });

  it('names the given field in the violation', () => {
    expect(checkEvidenceUrl('javascript:alert(1)', 'sourceUrl')).toEqual({
      field: 'sourceUrl',
      message: 'sourceUrl must start with http:// or https://',
    });
  });
});
