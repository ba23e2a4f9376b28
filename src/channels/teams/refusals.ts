// What the Bot Connector's errors say: its HTTP status, and how long a 429 asks us to wait.

export const statusOf = (e: unknown): number | undefined => (e as { statusCode?: number } | undefined)?.statusCode;

/** A 429's Retry-After (seconds or an HTTP date) in milliseconds; a second when it gives none. */
export function retryAfterMs(e: unknown): number {
  const header = (e as { response?: { headers?: { get?(name: string): string | undefined } } })?.response?.headers?.get?.('retry-after');
  if (!header) return 1000;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : 1000;
}
