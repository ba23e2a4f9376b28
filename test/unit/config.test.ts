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

describe('.env', () => {
  it('fills what the environment leaves unset, and the environment wins', async () => {
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { loadEnvFile } = await import('../../src/env-file');
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'envf-')), '.env');
    await writeFile(file, '# a comment\nPORT=4100\nDATA_DIR="/srv/bot data"\nSLACK_BOT_TOKEN=\n');
    const env: NodeJS.ProcessEnv = { PORT: '5000' };
    expect(loadEnvFile(file, env).sort()).toEqual(['DATA_DIR', 'SLACK_BOT_TOKEN']);
    expect(env).toMatchObject({ PORT: '5000', DATA_DIR: '/srv/bot data' });
    // An empty value in the file means unset, as .env.example's blanks do.
    expect(loadConfig(env)).toMatchObject({ port: 5000, dataDir: '/srv/bot data', localMode: true });
    expect(loadEnvFile(path.join(path.dirname(file), 'missing.env'), env)).toEqual([]);
  });

  it('.env.example copied as it is starts in local mode', async () => {
    const { readFileSync } = await import('node:fs');
    const { parseEnv } = await import('node:util');
    const values = parseEnv(readFileSync(new URL('../../.env.example', import.meta.url), 'utf8')) as Record<string, string>;
    expect(loadConfig(values)).toMatchObject({ localMode: true, port: 3978 });
    // Every variable of CONTRACT.md is listed.
    for (const name of ['PORT', 'HOST', 'DATA_DIR', 'TRUST_TIMEZONE', 'MICROSOFT_APP_ID', 'MICROSOFT_APP_PASSWORD', 'MICROSOFT_APP_TENANT_ID', 'MICROSOFT_APP_TYPE', 'ALLOWED_TENANT_IDS', 'SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'SLACK_API_URL', 'GRAPH_TENANT_ID', 'GRAPH_CLIENT_ID', 'GRAPH_CLIENT_SECRET', 'GRAPH_BASE_URL']) {
      expect(Object.keys(values)).toContain(name);
    }
  });
});
