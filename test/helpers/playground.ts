// The playground as its own page talks to it: the token read from the page it served, sent back on
// every API call, with JSON bodies.
export interface PlaygroundSession {
  token: string;
  get(path: string): Promise<Response>;
  post(path: string, body: unknown): Promise<Response>;
}

export async function playgroundSession(url: string): Promise<PlaygroundSession> {
  const page = await (await fetch(`${url}/`)).text();
  const token = page.match(/<meta name="playground-token" content="([^"]+)">/)?.[1];
  if (!token) throw new Error('the playground page carries no token');
  const headers = { 'x-playground-token': token };
  return {
    token,
    get: (path) => fetch(`${url}${path}`, { headers }),
    post: (path, body) => fetch(`${url}${path}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) }),
  };
}
