// The playground can be driven as anyone, so only its own page on this machine may drive it: a
// cross-site form or fetch, a DNS-rebinding page (another Host), a request without the page's token
// or without JSON is refused and changes nothing; HOST beyond loopback needs PLAYGROUND_PUBLIC=1.
import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config';
import { playgroundSession } from '../helpers/playground';
import { useTestBot } from '../helpers/use-bot';

const t = useTestBot();
const SAY = { as: 'amira', conversation: 'local:person:amira', text: 'approvals' };

/** A raw request, so that Host and Origin are whatever an attacker's page would send. */
function raw(method: string, path: string, headers: Record<string, string>, body?: string, base = t.url): Promise<{ status: number; body: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, method, path, headers }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const auditCount = async () => (await t.bot.store.audit()).length;

describe('the playground answers only its own page, on this machine', () => {
  it('refuses the cross-site text/plain POST that used to act as Amira', async () => {
    const before = await auditCount();
    const attack = await raw('POST', '/playground/api/say', { 'content-type': 'text/plain', origin: 'https://evil.example', host: new URL(t.url).host }, JSON.stringify(SAY));
    expect(attack.status).toBe(403);
    // Same request without an Origin (an old browser, curl): no token, still refused.
    const noToken = await raw('POST', '/playground/api/say', { 'content-type': 'text/plain', host: new URL(t.url).host }, JSON.stringify(SAY));
    expect(noToken.status).toBe(403);
    const pg = await playgroundSession(t.url);
    // With the token but not JSON: a "simple" request a form could send is refused too.
    const notJson = await raw('POST', '/playground/api/say', { 'content-type': 'text/plain', 'x-playground-token': pg.token, host: new URL(t.url).host }, JSON.stringify(SAY));
    expect(notJson.status).toBe(415);
    expect(await auditCount()).toBe(before);
    const messages = await pg.get('/playground/api/messages?as=amira&conversation=local:person:amira');
    expect(((await messages.json()) as { messages: unknown[] }).messages).toEqual([]);
  });

  it('refuses another Host (DNS rebinding) and another Origin, for the page and the API', async () => {
    const pg = await playgroundSession(t.url);
    for (const path of ['/', '/playground/api/state', '/playground/api/messages?as=amira&conversation=local:person:amira']) {
      const rebound = await raw('GET', path, { host: `evil.example:${new URL(t.url).port}`, 'x-playground-token': pg.token });
      expect(rebound.status, path).toBe(403);
      const crossOrigin = await raw('GET', path, { host: new URL(t.url).host, origin: 'https://evil.example', 'x-playground-token': pg.token });
      expect(crossOrigin.status, path).toBe(403);
    }
    // localhost by name is this machine too.
    expect((await raw('GET', '/', { host: `localhost:${new URL(t.url).port}` })).status).toBe(200);
  });

  it('hands out message ids only with the page\'s token', async () => {
    const res = await fetch(`${t.url}/playground/api/messages?as=amira&conversation=local:person:amira`);
    expect(res.status).toBe(403);
    const events = await raw('GET', '/playground/api/events', { host: new URL(t.url).host });
    expect(events.status).toBe(403);
  });

  it('its own page still works: the token from the page, JSON, same origin', async () => {
    const pg = await playgroundSession(t.url);
    const ok = await raw('POST', '/playground/api/say', { 'content-type': 'application/json', 'x-playground-token': pg.token, host: new URL(t.url).host, origin: t.url }, JSON.stringify({ ...SAY, text: 'help' }));
    expect(ok.status).toBe(200);
  });
});

/** What reverse proxies add when they pass a request on: nginx's usual proxy_set_header lines, RFC 7239, others'. */
const PROXIED: Record<string, string>[] = [
  { 'x-forwarded-for': '203.0.113.7' },
  { 'x-real-ip': '203.0.113.7' },
  { 'x-forwarded-host': 'bot.example.org' },
  { forwarded: 'for=203.0.113.7;host=bot.example.org;proto=https' },
  { 'x-forwarded-proto': 'https' },
];

/** The playground's own page's request, as a proxy on this machine that rewrites Host to loopback passes it on. */
async function throughProxy(base: string, proxied: Record<string, string>, text: string) {
  const pg = await playgroundSession(base);
  const host = new URL(base).host;
  const own = { host, origin: `http://${host}`, 'x-playground-token': pg.token };
  return {
    page: await raw('GET', '/', { host, ...proxied }, undefined, base),
    messages: await raw('GET', '/playground/api/messages?as=amira&conversation=local:person:amira', { ...own, ...proxied }, undefined, base),
    say: await raw('POST', '/playground/api/say', { ...own, 'content-type': 'application/json', ...proxied }, JSON.stringify({ ...SAY, text }), base),
  };
}

describe('behind a reverse proxy that sends Host: 127.0.0.1 (nginx\'s default)', () => {
  it('refuses every request a proxy says it passed on, the page and the API alike, and acts for no one', async () => {
    const pg = await playgroundSession(t.url);
    const amirasMessages = async () => ((await (await pg.get('/playground/api/messages?as=amira&conversation=local:person:amira')).json()) as { messages: unknown[] }).messages.length;
    const [before, shown] = [await auditCount(), await amirasMessages()];
    for (const proxied of PROXIED) {
      const r = await throughProxy(t.url, proxied, 'approvals');
      for (const [what, res] of Object.entries(r)) {
        expect(res.status, `${what} with ${Object.keys(proxied)[0]}`).toBe(403);
        expect(JSON.parse(res.body), what).toEqual({ error: 'The playground answers on localhost only, not through a proxy.' });
      }
    }
    expect(await auditCount()).toBe(before);
    expect(await amirasMessages()).toBe(shown);
  });

  describe('with PLAYGROUND_PUBLIC=1, the operator\'s choice', () => {
    const open = useTestBot({ env: { PLAYGROUND_PUBLIC: '1' } });
    it('answers through the proxy', async () => {
      const r = await throughProxy(open.url, { 'x-forwarded-for': '203.0.113.7', 'x-real-ip': '203.0.113.7' }, 'help');
      expect([r.page.status, r.messages.status, r.say.status]).toEqual([200, 200, 200]);
      expect(JSON.parse(r.messages.body)).toHaveProperty('messages');
    });
  });
});

describe('listening beyond loopback in local mode', () => {
  it('is refused with one line unless PLAYGROUND_PUBLIC=1', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(ConfigError);
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(/HOST=0\.0\.0\.0 would open the playground[^\n]*PLAYGROUND_PUBLIC=1/);
    expect(loadConfig({ HOST: '0.0.0.0', PLAYGROUND_PUBLIC: '1' })).toMatchObject({ localMode: true, playgroundPublic: true });
    expect(loadConfig({ HOST: '127.0.0.1' }).playgroundPublic).toBe(false);
    // With a platform configured there is no playground, so any address is the operator's choice.
    expect(loadConfig({ HOST: '0.0.0.0', SLACK_BOT_TOKEN: 'x', SLACK_SIGNING_SECRET: 'y' }).localMode).toBe(false);
  });
});
