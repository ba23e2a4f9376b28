// Graph's transient failures (429 with Retry-After, 500/502/503/504, no answer, a dropped
// connection) are retried here, a bounded number of times with growing waits. The SDK's own
// RetryHandler is taken out of the chain so that this is the one place that decides. Only calls
// that are safe to repeat come here: reads, PATCHes, and creates that carry a transactionId.

export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  /** The first wait without a Retry-After; each later one doubles (±20 %). */
  baseMs: number;
  /** A longer wait (Retry-After included) is not waited: the failure is reported instead. */
  maxWaitMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseMs: 500, maxWaitMs: 10_000 };

const TRANSIENT_STATUS = new Set([429, 500, 502, 503, 504]);
const TRANSIENT_CODES = new Set(['GraphTimeout', 'GraphNetworkError']);

/** What is left of a Graph error once retrying is over: safe to log and to show (no bodies, no addresses). */
export class GraphFailure extends Error {
  constructor(
    readonly operation: string,
    readonly attempts: number,
    readonly status: number | undefined,
    readonly code: string | undefined,
  ) {
    super(`Microsoft Graph ${operation} failed after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${[status, code].filter(Boolean).join(' ') || 'no detail'}`);
    this.name = 'GraphFailure';
  }
}

export async function withRetries<T>(operation: string, policy: RetryPolicy, call: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (e) {
      const { status, code } = describe(e);
      const transient = (status !== undefined && TRANSIENT_STATUS.has(status)) || (code !== undefined && TRANSIENT_CODES.has(code));
      const wait = transient && attempt < policy.attempts ? waitBefore(attempt + 1, e, policy) : undefined;
      if (wait === undefined || wait > policy.maxWaitMs) throw new GraphFailure(operation, attempt, status, code);
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}

/** Status (when Graph answered) and code (Graph's error code, or the transport's) of a GraphError; never its message. */
function describe(e: unknown): { status?: number; code?: string } {
  const err = (e ?? {}) as { statusCode?: unknown; code?: unknown };
  const status = typeof err.statusCode === 'number' && err.statusCode > 0 ? err.statusCode : undefined;
  let code = typeof err.code === 'string' && /^[A-Za-z][\w.-]{0,60}$/.test(err.code) ? err.code : undefined;
  // The token endpoint's own code (AADSTS7000215: a wrong secret) is what an operator needs; it names no one.
  if (code === 'GraphTokenError') code += ` ${/AADSTS\d+/.exec(String((e as { body?: unknown }).body))?.[0] ?? ''}`.trimEnd();
  return { status, code };
}

function waitBefore(attempt: number, e: unknown, policy: RetryPolicy): number {
  const header = (e as { headers?: { get?(name: string): string | null } })?.headers?.get?.('retry-after');
  if (header) {
    const seconds = Number(header);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const at = Date.parse(header);
    if (Number.isFinite(at)) return Math.max(0, at - Date.now());
  }
  const base = policy.baseMs * 2 ** (attempt - 2);
  return Math.round(base * (0.8 + Math.random() * 0.4));
}
