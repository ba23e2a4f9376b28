// What is wrong with a Teams activity's token, in a few fixed words (never the token, never a name),
// and which failures are ours to retry (the signing keys could not be fetched) rather than the caller's.
import { BOT_FRAMEWORK } from './adapter';

const ALGORITHMS = new Set(['RS256', 'RS384', 'RS512']);
/** The clock skew botbuilder allows on channel tokens. */
const CLOCK_SKEW_S = 5 * 60;

/**
 * Refuses, before botbuilder looks at it, a token Teams could not have sent: no bearer JWT, another
 * algorithm, another issuer, long expired. botbuilder would send Emulator- and skill-shaped tokens to Microsoft
 * Entra for keys; a Teams bot has no use for them, so nothing is fetched on an attacker's say-so.
 */
export function precheck(authorization: string | undefined): string | undefined {
  const m = /^Bearer ([\w-]+)\.([\w-]+)\.([\w-]*)$/.exec(authorization?.trim() ?? '');
  if (!m) return authorization ? 'not a bearer JWT' : 'no token';
  const header = decodeJson(m[1]!);
  const payload = decodeJson(m[2]!);
  if (!header || !payload) return 'not a bearer JWT';
  if (!ALGORITHMS.has(String(header.alg))) return 'unsupported algorithm';
  if (payload.iss !== BOT_FRAMEWORK.channelIssuer) return 'wrong issuer';
  // botbuilder would refuse it too, after fetching keys and printing jsonwebtoken's stack.
  if (typeof payload.exp === 'number' && payload.exp + CLOCK_SKEW_S < Date.now() / 1000) return 'expired';
  return undefined;
}

function decodeJson(part: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export type AuthFailure = { kind: 'refused'; reason: string } | { kind: 'keys-unavailable'; why: string } | { kind: 'bug' };

/** Sorts what botbuilder's authenticateRequest threw. jsonwebtoken's own errors reach us unwrapped. */
export function authFailureOf(e: unknown): AuthFailure {
  const err = (e ?? {}) as { name?: string; message?: string; statusCode?: number; code?: string; type?: string };
  const message = String(err.message ?? '');
  if (err.name === 'KeysTimeout') return { kind: 'keys-unavailable', why: 'no answer in time' };
  // node-fetch's errors (refused, DNS, reset, bad JSON) and botbuilder's "Failed to load openID config/Keys: 404".
  if (err.name === 'FetchError') return { kind: 'keys-unavailable', why: err.code ?? err.type ?? 'unreachable' };
  if (err.statusCode === 500 && /^Failed to load/.test(message)) return { kind: 'keys-unavailable', why: `HTTP ${message.replace(/\D+/g, '') || 'error'}` };
  if (err.name === 'TypeError' && /absolute URL|Invalid URL/i.test(message)) return { kind: 'keys-unavailable', why: 'no jwks_uri' };
  if (err.statusCode === 401 || err.name === 'JsonWebTokenError' || err.name === 'TokenExpiredError' || err.name === 'NotBeforeError') {
    return { kind: 'refused', reason: reasonOf(err.name, message) };
  }
  return { kind: 'bug' };
}

function reasonOf(name: string | undefined, message: string): string {
  if (name === 'TokenExpiredError' || /expired/i.test(message)) return 'expired';
  if (name === 'NotBeforeError') return 'not yet valid';
  if (/signature/i.test(message)) return 'bad signature';
  if (/AppId|audience/i.test(message)) return 'wrong audience';
  if (/issuer|No valid identity/i.test(message)) return 'wrong issuer';
  if (/ServiceUrl/i.test(message)) return 'serviceUrl does not match the token';
  if (/Signing Key/i.test(message)) return 'unknown signing key';
  if (/algorithm/i.test(message)) return 'unsupported algorithm';
  if (/endorsement/i.test(message)) return 'key not endorsed for this channel';
  if (/not authorized/i.test(message)) return 'no token';
  return 'invalid token';
}

/**
 * A token may name its tenant (`tid`). Where it does, it must be an allowed one and the activity's
 * own: an allowed tenant written into the activity of a token from elsewhere is an impersonation.
 */
export function tenantRefusal(tokenTenant: unknown, activityTenant: string | undefined, allowed: string[]): string | undefined {
  if (typeof tokenTenant !== 'string' || !tokenTenant) return undefined;
  if (allowed.length && !allowed.includes(tokenTenant)) return 'token from a tenant that is not allowed';
  if (activityTenant && activityTenant !== tokenTenant) return "token from another tenant than the activity's";
  return undefined;
}
