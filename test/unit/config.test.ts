import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config';

describe('config', () => {
  it('runs in local mode with nothing set', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3978, host: '127.0.0.1', dataDir: './data', timeZone: 'Europe/London', localMode: true });
  });

  it.each([
    [{ PORT: 'eighty' }, /^PORT is invalid: expected/],
    [{ PORT: '70000' }, /^PORT is invalid/],
    [{ TRUST_TIMEZONE: 'Mars/Olympus' }, /^TRUST_TIMEZONE is invalid: expected an IANA time zone/],
    [{ SLACK_API_URL: 'not a url' }, /^SLACK_API_URL is invalid/],
    [{ MICROSOFT_APP_TYPE: 'Personal' }, /^MICROSOFT_APP_TYPE is invalid/],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, /^SLACK_SIGNING_SECRET is missing/],
    [{ GRAPH_TENANT_ID: 't' }, /^GRAPH_CLIENT_ID is missing/],
  ])('names the variable that is wrong: %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('refuses production without credentials, and is never local in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/^MICROSOFT_APP_ID is missing/);
    expect(() => loadConfig({ NODE_ENV: 'production', MICROSOFT_APP_ID: 'a' })).toThrow(/^MICROSOFT_APP_PASSWORD is missing/);
    const c = loadConfig({ NODE_ENV: 'production', MICROSOFT_APP_ID: 'a', MICROSOFT_APP_PASSWORD: 'b' });
    expect(c.localMode).toBe(false);
  });

  it('reads the tenant allow-list', () => {
    expect(loadConfig({ ALLOWED_TENANT_IDS: ' a, b ,,c' }).teams.allowedTenantIds).toEqual(['a', 'b', 'c']);
  });
});
