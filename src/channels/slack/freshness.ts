// Slack's advice: refuse a request whose timestamp is more than five minutes from now, either way.
// Bolt refuses the old ones; a timestamp from the future would let a captured request be replayed
// later, so it is refused here, before Bolt reads the body. Uses the real clock, as signatures do.
import type { IncomingMessage, ServerResponse } from 'node:http';

export const MAX_SKEW_SECONDS = 5 * 60;

/** True when the header is a whole number of seconds within five minutes of `nowMs`. */
export function isFresh(header: string | string[] | undefined, nowMs: number): boolean {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value || !/^\d{1,12}$/.test(value)) return false;
  return Math.abs(Number(value) - nowMs / 1000) <= MAX_SKEW_SECONDS;
}

/** Answers 401 to a request Slack cannot have sent just now; otherwise hands it on. */
export function refuseStale(next: (req: IncomingMessage, res: ServerResponse) => void) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (isFresh(req.headers['x-slack-request-timestamp'], Date.now())) return next(req, res);
    req.resume();
    res.writeHead(401, { 'content-type': 'text/plain' });
    res.end('stale or missing request timestamp');
  };
}
