// The thin shim between our node http server and botbuilder: parse the JSON body, authenticate the
// activity (botbuilder checks the token against the keys at BOT_OPENID_METADATA_URL), run the turn,
// and answer. We call botbuilder's steps ourselves rather than CloudAdapter.process so that a
// refused token is a 401, keys we cannot fetch a 503 (Teams retries), and no error is dumped to the
// log with its headers and bodies: each failure is one line without tokens or personal data.
import type http from 'node:http';
import type { Activity, TurnContext } from 'botbuilder';
import { readBody, sendJson } from '../../server';
import { tenantOf } from './activity';
import type { TeamsAuth } from './adapter';
import { errorSummary } from './error-summary';
import { authFailureOf, precheck, tenantRefusal } from './token-check';

/** What a turn says about the HTTP answer, beyond what botbuilder decides. */
export interface Verdict {
  status?: number;
  error?: string;
}

export interface Endpoint extends TeamsAuth {
  /** Set: activities need a valid Bot Framework token. */
  appId?: string;
  allowedTenantIds: string[];
  /** How long fetching the signing keys may take before the answer is 503. */
  keysTimeoutMs?: number;
}

const KEYS_TIMEOUT_MS = 10_000;

export async function processActivityRequest(
  endpoint: Endpoint,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  logic: (context: TurnContext, verdict: Verdict) => Promise<void>,
): Promise<void> {
  let body: unknown;
  try {
    body = JSON.parse((await readBody(req)).toString('utf8'));
  } catch (e) {
    if ((e as { status?: number }).status === 413) throw e;
    return sendJson(res, 400, { error: 'the body must be a JSON activity' });
  }
  if (!body || typeof body !== 'object' || Array.isArray(body) || typeof (body as { type?: unknown }).type !== 'string') {
    return sendJson(res, 400, { error: 'the body must be a JSON activity' });
  }
  const activity = withDates(body as Record<string, unknown>);
  const authorization = req.headers.authorization;

  const early = endpoint.appId ? precheck(authorization) : undefined;
  if (early) return refuse(res, early);

  let authenticated: Awaited<ReturnType<TeamsAuth['auth']['authenticateRequest']>>;
  try {
    authenticated = await withTimeout(endpoint.auth.authenticateRequest(activity, authorization ?? ''), endpoint.keysTimeoutMs ?? KEYS_TIMEOUT_MS);
  } catch (e) {
    const failure = authFailureOf(e);
    if (failure.kind === 'refused') return refuse(res, failure.reason);
    if (failure.kind === 'keys-unavailable') {
      console.error(`[teams] could not load the token signing keys from ${endpoint.openIdMetadataUrl} (${failure.why}): answered 503 so that Teams retries`);
      return sendJson(res, 503, { error: 'the token signing keys are unavailable; try again later' });
    }
    console.error(`[teams] authentication failed: ${errorSummary(e)}`);
    return sendJson(res, 500, { error: 'internal error' });
  }

  const tenantProblem = tenantRefusal(authenticated.claimsIdentity.getClaimValue('tid'), tenantOf(activity), endpoint.allowedTenantIds);
  if (tenantProblem) return refuse(res, tenantProblem);

  const verdict: Verdict = {};
  let answer: { status: number; body?: unknown } | undefined;
  try {
    answer = await endpoint.adapter.runTurn(authenticated, activity, (context) => logic(context, verdict));
  } catch (e) {
    console.error(`[teams] turn for a ${activity.type} failed: ${errorSummary(e)}`);
    if (!verdict.status) return sendJson(res, 500, { error: 'internal error' });
  }
  if (verdict.status) return sendJson(res, verdict.status, { error: verdict.error ?? 'refused' });
  if (answer?.body === undefined) {
    res.writeHead(answer?.status ?? 200);
    return void res.end();
  }
  sendJson(res, answer.status, answer.body);
}

function refuse(res: http.ServerResponse, reason: string): void {
  console.warn(`[teams] refused an activity (401): ${reason}`);
  sendJson(res, 401, { error: 'unauthorized' });
}

/** Activities carry dates as strings; botbuilder's types (and CloudAdapter.process) make them Dates. */
function withDates(body: Record<string, unknown>): Activity {
  const a = { ...body } as Record<string, unknown>;
  for (const [field, raw] of [['timestamp', 'rawTimestamp'], ['localTimestamp', 'rawLocalTimestamp'], ['expiration', 'rawExpiration']] as const) {
    if (typeof a[field] === 'string') {
      a[raw] = a[field];
      a[field] = new Date(a[field] as string);
    }
  }
  return a as unknown as Activity;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`no answer in ${ms} ms`), { name: 'KeysTimeout' })), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}
