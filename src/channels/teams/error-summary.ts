// The Bot Connector's errors (RestError) carry the request they answer: its Authorization header and
// its body (cards with people's names). Logging one whole leaks both; this is what may be logged.

/** A one-line summary of an error: HTTP status, error code, error class. Never its message or payloads. */
export function errorSummary(e: unknown): string {
  const err = (e ?? {}) as { name?: unknown; statusCode?: unknown; code?: unknown; response?: { parsedBody?: unknown } };
  const parts: string[] = [];
  if (typeof err.statusCode === 'number') parts.push(String(err.statusCode));
  const bodyCode = (err.response?.parsedBody as { error?: { code?: unknown } } | undefined)?.error?.code;
  for (const code of [bodyCode, err.code]) if (isWord(code) && !parts.includes(code)) parts.push(code);
  if (isWord(err.name) && !parts.includes(err.name)) parts.push(err.name);
  return parts.join(' ') || typeof e;
}

/** An identifier-like code (ServiceError, ECONNREFUSED), never free text that could hold a name. */
const isWord = (v: unknown): v is string => typeof v === 'string' && /^[A-Za-z][\w.-]{0,60}$/.test(v);
