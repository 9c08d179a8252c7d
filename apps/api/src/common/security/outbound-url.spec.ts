import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { checkOutboundUrl, OutboundUrlError, postChecked, refusedAddress, RESPONSE_CAP } from './outbound-url';

const strict = { allowLoopback: false };
const tests = { allowLoopback: true };

describe('refusedAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.5.4', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['fe80::1', 'linkLocal'],
    ['fd00:ec2::254', 'uniqueLocal'],
    ['100.100.100.200', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.251', 'multicast'],
    ['ff02::1', 'multicast'],
    ['::ffff:169.254.169.254', 'linkLocal'],
    ['255.255.255.255', 'broadcast'],
  ])('refuses %s (%s)', (address, range) => {
    expect(refusedAddress(address, strict)).toContain(`a ${range} address`);
  });

  it('lets public unicast addresses through, v4 and v6', () => {
    expect(refusedAddress('93.184.215.14', strict)).toBeNull();
    expect(refusedAddress('2606:4700:4700::1111', strict)).toBeNull();
  });

  it('with the test-only setting opens 127.0.0.1 and ::1 and nothing else', () => {
    expect(refusedAddress('127.0.0.1', tests)).toBeNull();
    expect(refusedAddress('::1', tests)).toBeNull();
    expect(refusedAddress('127.0.0.2', tests)).toContain('loopback');
    expect(refusedAddress('10.0.0.1', tests)).toContain('private');
    expect(refusedAddress('169.254.169.254', tests)).toContain('linkLocal');
  });
});

describe('checkOutboundUrl', () => {
  it.each([
    ['not a url', 'must be an absolute http or https URL'],
    ['file:///etc/passwd', 'must be http or https, not file'],
    ['gopher://127.0.0.1/', 'must be http or https, not gopher'],
    ['http://admin:secret@93.184.215.14/', 'must not carry a user name or password'],
    ['http://127.0.0.1:8080/', '127.0.0.1 is a loopback address'],
    ['http://[::1]/', '::1 is a loopback address'],
    ['http://2130706433/', '127.0.0.1 is a loopback address'],
    ['http://0x7f.1/', '127.0.0.1 is a loopback address'],
    ['http://localhost/', 'localhost resolves to'],
  ])('refuses %s', async (url, why) => {
    await expect(checkOutboundUrl(url, strict)).rejects.toThrow(OutboundUrlError);
    await expect(checkOutboundUrl(url, strict)).rejects.toThrow(why);
  });
});

describe('postChecked', () => {
  let server: Server;
  let port: number;
  const seen: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(req.headers.host ?? '');
      if (req.url !== '/endless') return void res.writeHead(204).end();
      // An answer that never ends: only a reader that stops at the cap gets done before the deadline.
      res.writeHead(200);
      const chunk = Buffer.alloc(16 * 1024, 'x');
      const more = () => (res.destroyed ? undefined : res.write(chunk) ? setImmediate(more) : res.once('drain', more));
      more();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('connects to the address that was checked, not to what the host name resolves to now', async () => {
    // rebinding.invalid resolves to nothing: the request can only reach the receiver through the checked address.
    const target = { url: new URL(`http://rebinding.invalid:${port}/hook`), addresses: [{ address: '127.0.0.1', family: 4 as const }] };
    const res = await postChecked(target, {}, '{}', 2000);
    expect(res.status).toBe(204);
    expect(seen.at(-1)).toBe(`rebinding.invalid:${port}`);
  });

  it(`stops reading an endless answer after ${RESPONSE_CAP} bytes and reports its status`, async () => {
    const target = { url: new URL(`http://127.0.0.1:${port}/endless`), addresses: [{ address: '127.0.0.1', family: 4 as const }] };
    expect((await postChecked(target, {}, '{}', 5000)).status).toBe(200);
  });
});
