// The playground lets whoever uses it act as anyone, so it answers only the page it served, on this
// machine: the Host must be a loopback name (a DNS-rebinding page has its own host name), no reverse
// proxy may have passed it on (Forwarded, X-Forwarded-*, X-Real-IP; unless PLAYGROUND_PUBLIC=1), an Origin
// when sent must be the playground's own (a cross-site form or fetch has another), and every API call
// carries the token written into that page (another site cannot read it) with a JSON body (a
// "simple" cross-site POST cannot set either without a CORS preflight, which is never granted).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type http from 'node:http';
import { isLoopbackHost } from '../../config';
import { sendJson } from '../../server';

export const TOKEN_HEADER = 'x-playground-token';

/** Whether a reverse proxy says it passed the request on (RFC 7239 Forwarded, X-Forwarded-*, X-Real-IP); a browser sends none of them. */
const viaProxy = (req: http.IncomingMessage) => Object.keys(req.headers).some((h) => h === 'forwarded' || h === 'x-real-ip' || h.startsWith('x-forwarded-'));

export interface Guard {
  /** Written into the page; the page sends it back with every API call. */
  token: string;
  /** True when the request may go on; otherwise it has been answered 403 or 415. */
  allows(req: http.IncomingMessage, res: http.ServerResponse, kind: 'page' | 'read' | 'write'): boolean;
}

export function createGuard(publicMode: boolean): Guard {
  const token = randomBytes(24).toString('base64url');
  const expected = Buffer.from(token);
  const tokenOk = (given: string | undefined) => {
    const b = Buffer.from(given ?? '');
    return b.length === expected.length && timingSafeEqual(b, expected);
  };

  return {
    token,
    allows(req, res, kind) {
      const host = req.headers.host ?? '';
      const hostname = host.replace(/:\d+$/, '');
      if (!publicMode && !isLoopbackHost(hostname)) return refuse(res, 403, 'The playground answers on localhost only.');
      // A reverse proxy on this machine passes the Host check (nginx sends its upstream's, 127.0.0.1),
      // but anyone who reaches the proxy would be acting through it: such a request says so in these headers.
      if (!publicMode && viaProxy(req)) return refuse(res, 403, 'The playground answers on localhost only, not through a proxy.');
      const origin = req.headers.origin;
      if (origin !== undefined && origin !== `http://${host}` && origin !== `https://${host}`) return refuse(res, 403, 'Not from the playground page.');
      if (kind === 'page') return true;
      const url = new URL(req.url ?? '/', 'http://localhost');
      // EventSource cannot set headers: the stream takes the token in its URL.
      const given = (req.headers[TOKEN_HEADER] as string | undefined) ?? url.searchParams.get('token') ?? undefined;
      if (!tokenOk(given)) return refuse(res, 403, 'Reload the playground page: its session has changed.');
      if (kind === 'write' && !/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) {
        return refuse(res, 415, 'Send JSON (content-type: application/json).');
      }
      return true;
    },
  };
}

function refuse(res: http.ServerResponse, status: number, error: string): false {
  sendJson(res, status, { error });
  return false;
}
