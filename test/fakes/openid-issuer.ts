// A fake Bot Framework token issuer on 127.0.0.1: serves the OpenID configuration and a JWKS with
// an RSA key made in the test (node:crypto), endorsed for msteams as Microsoft's keys are, and signs
// tokens as the Bot Framework signs the ones Teams sends a bot. Point BOT_OPENID_METADATA_URL at
// `metadataUrl`. It can also answer as a broken issuer would (500, or never).
import { createHash, createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** The issuer every Bot Framework channel token names. */
export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';

export interface FakeIssuer {
  url: string;
  metadataUrl: string;
  kid: string;
  /** Requests it answered (metadata and keys), by path. */
  requests: string[];
  /** 'ok'; 'error': every request gets 500; 'hang': requests are never answered. */
  mode: 'ok' | 'error' | 'hang';
  /** A signed JWT: header `alg` RS256 and `kid` unless overridden; `key` signs instead of the issuer's (a forgery). */
  sign(claims: Record<string, unknown>, opts?: { key?: KeyObject; header?: Record<string, unknown> }): string;
  close(): Promise<void>;
}

export function rsaKey(): { privateKey: KeyObject; publicKey: KeyObject } {
  return generateKeyPairSync('rsa', { modulusLength: 2048 });
}

export async function startFakeIssuer(): Promise<FakeIssuer> {
  const { privateKey, publicKey } = rsaKey();
  const jwk = publicKey.export({ format: 'jwk' });
  const kid = createHash('sha256').update(String(jwk.n)).digest('base64url').slice(0, 16);
  const hanging = new Set<http.ServerResponse>();

  const server = http.createServer((req, res) => {
    state.requests.push(req.url ?? '');
    if (state.mode === 'hang') return void hanging.add(res);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (state.mode === 'error') return send(500, { error: 'issuer down' });
    if (req.url === '/v1/.well-known/openidconfiguration') {
      return send(200, {
        issuer: BOT_FRAMEWORK_ISSUER,
        authorization_endpoint: `${state.url}/v1/authorize`,
        jwks_uri: `${state.url}/v1/.well-known/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['private_key_jwt'],
      });
    }
    if (req.url === '/v1/.well-known/keys') {
      return send(200, { keys: [{ kty: 'RSA', use: 'sig', kid, n: jwk.n, e: jwk.e, endorsements: ['msteams'] }] });
    }
    send(404, { error: 'not found' });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const state: FakeIssuer = {
    url,
    metadataUrl: `${url}/v1/.well-known/openidconfiguration`,
    kid,
    requests: [],
    mode: 'ok',
    sign(claims, opts = {}) {
      const header = { alg: 'RS256', typ: 'JWT', kid, ...opts.header };
      const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
      const signed = `${part(header)}.${part(claims)}`;
      if (header.alg === 'none') return `${signed}.`;
      const signature = createSign('RSA-SHA256').update(signed).sign(opts.key ?? privateKey).toString('base64url');
      return `${signed}.${signature}`;
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
  return state;
}

/** A token as Teams sends one to the bot `appId` for activities from `serviceUrl`, valid for an hour. */
export function teamsClaims(appId: string, serviceUrl: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return { iss: BOT_FRAMEWORK_ISSUER, aud: appId, serviceurl: serviceUrl, nbf: now - 60, iat: now - 60, exp: now + 3600, ...extra };
}
