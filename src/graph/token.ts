// OAuth 2.0 client credentials for Graph (application permissions), cached until shortly before
// expiry. The authority is configurable (GRAPH_AUTH_URL) so tests can serve tokens from a fake.
import type { AuthenticationProvider } from '@microsoft/microsoft-graph-client';
import { send } from './transport';

export interface ClientCredentials {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  authUrl?: string;
  ca?: string;
}

const DEFAULT_AUTHORITY = 'https://login.microsoftonline.com';
const SCOPE = 'https://graph.microsoft.com/.default';

export function clientCredentialsProvider(c: ClientCredentials, now: () => number = Date.now): AuthenticationProvider {
  let cached: { token: string; until: number } | undefined;
  return {
    async getAccessToken() {
      if (cached && cached.until > now()) return cached.token;
      const base = (c.authUrl ?? DEFAULT_AUTHORITY).replace(/\/+$/, '');
      const url = `${base}/${encodeURIComponent(c.tenantId)}/oauth2/v2.0/token`;
      const form = new URLSearchParams({ client_id: c.clientId, client_secret: c.clientSecret, scope: SCOPE, grant_type: 'client_credentials' }).toString();
      const res = await send(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(Buffer.byteLength(form)) }, body: form }, c.ca);
      const json = safeJson(res.body);
      if (res.status !== 200 || typeof json.access_token !== 'string') {
        // Entra's error codes (AADSTS…) say what is wrong; the secret never appears in them.
        const err = new Error(`Graph token request failed (${res.status}): ${String(json.error_description ?? json.error ?? 'no detail')}`);
        throw Object.assign(err, { name: 'GraphTokenError' });
      }
      const seconds = typeof json.expires_in === 'number' ? json.expires_in : Number(json.expires_in ?? 3599);
      cached = { token: json.access_token, until: now() + Math.max(0, seconds - 60) * 1000 };
      return cached.token;
    },
  };
}

function safeJson(body: Buffer): Record<string, unknown> {
  try {
    return JSON.parse(body.toString('utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}
