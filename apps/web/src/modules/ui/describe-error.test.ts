import { CombinedError } from 'urql';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@pactwatch/domain';
import { i18n } from '../../i18n/i18n';
import { describeError } from './describe-error';

const failure = (extensions: Record<string, unknown>) => new CombinedError({ graphQLErrors: [{ message: 'server words', extensions }] });

describe('describeError', () => {
  it.each(['en', 'es'])('gives every server error code its own sentence in %s', async (language) => {
    const t = i18n.getFixedT(language);
    const sentences = Object.values(ErrorCode).map((code) => describeError(failure({ code }), t));
    for (const sentence of sentences) expect(sentence).not.toMatch(/^errors\./);
    expect(new Set(sentences).size).toBe(Object.values(ErrorCode).length);
  });

  it('names the refused field, in the reader’s language', () => {
    expect(describeError(failure({ code: 'BAD_USER_INPUT', field: 'newEvidence[0].url' }), i18n.getFixedT('en'))).toBe('The server did not accept “Address (URL)”. Check it and try again.');
    expect(describeError(failure({ code: 'BAD_USER_INPUT', field: 'note' }), i18n.getFixedT('es'))).toBe('El servidor no aceptó «Nota». Revíselo e inténtelo de nuevo.');
  });

  it('says how long to wait when rate limited, and what to do when the server cannot be reached', () => {
    expect(describeError(failure({ code: 'RATE_LIMITED', retryAfter: 12 }), i18n.getFixedT('en'))).toBe('Too many requests. Try again in 12 seconds.');
    expect(describeError(failure({ code: 'UNAVAILABLE', retryAfter: 1 }), i18n.getFixedT('es'))).toBe(
      'El servidor está ocupado o su base de datos no está disponible. Inténtelo de nuevo en 1 segundo.',
    );
    const offline = new CombinedError({ networkError: new Error('Failed to fetch') });
    expect(describeError(offline, i18n.getFixedT('es'))).toBe('No se pudo contactar con el servidor. Compruebe su conexión e inténtelo de nuevo.');
  });

  it('treats an unknown code as a server fault, never as a blank', () => {
    expect(describeError(failure({ code: 'TEAPOT' }), i18n.getFixedT('en'))).toMatch(/^Something went wrong on the server/);
  });
});
