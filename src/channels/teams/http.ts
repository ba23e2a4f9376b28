// The thin shim between our node http server and CloudAdapter.process: parse the JSON body, give
// botbuilder the Request/Response shape it expects, and let the turn overrule the status (403 for a
// tenant that is not allowed, which is only known once the request is authenticated).
import type http from 'node:http';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import { readBody, sendJson } from '../../server';

/** What a turn says about the HTTP answer, beyond what botbuilder decides. */
export interface Verdict {
  status?: number;
  error?: string;
}

export async function processActivityRequest(
  adapter: CloudAdapter,
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
  if (!body || typeof body !== 'object' || Array.isArray(body)) return sendJson(res, 400, { error: 'the body must be a JSON activity' });

  const verdict: Verdict = {};
  const answer = { status: 200, body: undefined as unknown };
  const response = {
    socket: res.socket,
    status(code: number) {
      answer.status = code;
    },
    header(name: string, value: unknown) {
      res.setHeader(name, String(value));
    },
    send(b: unknown) {
      answer.body = b;
    },
    end() {
      if (verdict.status) return sendJson(res, verdict.status, { error: verdict.error ?? 'refused' });
      // botbuilder puts the raw error message in a 500; the caller gets no internals.
      if (answer.status >= 500) return sendJson(res, answer.status, { error: 'internal error' });
      if (answer.body === undefined) {
        res.writeHead(answer.status);
        return res.end();
      }
      sendJson(res, answer.status, typeof answer.body === 'string' ? { error: answer.body } : answer.body);
    },
  };
  await adapter.process({ method: req.method, headers: req.headers, body: body as Record<string, unknown> }, response, (context) => logic(context, verdict));
}
