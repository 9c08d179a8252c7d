import { addressKey, callerKey } from './caller-limits';

describe('callerKey', () => {
  it('counts a person by user, a key by key, anyone else by address', () => {
    const person = { kind: 'USER', userId: 'u1', email: 'a@b.c', name: 'A', sessionId: 's1', tokenWorkspaceId: null, tokenExpiresAt: 0, fromCookie: false } as const;
    expect(callerKey(person, '10.0.0.1')).toBe('user:u1');
    expect(callerKey({ ...person, sessionId: 's2' }, '10.0.0.2')).toBe('user:u1');
    expect(callerKey({ kind: 'API_KEY', keyId: 'k1', name: 'k', workspaceId: 'w', scope: 'READ' as never }, '10.0.0.1')).toBe('key:k1');
    expect(callerKey(null, '10.0.0.1')).toBe('address:10.0.0.1');
  });
});

describe('addressKey', () => {
  it('keeps IPv4, unwraps IPv4-mapped IPv6, and groups IPv6 by /64', () => {
    expect(addressKey('192.0.2.7')).toBe('192.0.2.7');
    expect(addressKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(addressKey('2001:db8:0:1:aaaa::1')).toBe('2001:db8:0:1::/64');
    expect(addressKey('2001:0db8:0000:0001:ffff:ffff:ffff:ffff')).toBe('2001:db8:0:1::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
  });
});
