// The Slack app manifest asks for what the adapter uses and no more, and points at our one endpoint.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SLACK_EVENTS_PATH } from '../../src/channels/slack';
import { SLASH_COMMAND } from '../../src/channels/slack/handlers';

const text = readFileSync(new URL('../../manifests/slack/manifest.yml', import.meta.url), 'utf8');
/** The list items of a YAML block, with their trailing comments. */
const listAfter = (key: string) => {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.trim() === `${key}:`);
  const out: { item: string; why: string }[] = [];
  for (const l of lines.slice(start + 1)) {
    const m = /^\s+- ([\w.:]+)\s*(?:#\s*(.*))?$/.exec(l);
    if (!m) break;
    out.push({ item: m[1]!, why: m[2] ?? '' });
  }
  return out;
};

describe('Slack app manifest', () => {
  it('asks for exactly the bot scopes the adapter uses, each with its reason', () => {
    const scopes = listAfter('bot');
    expect(scopes.map((s) => s.item).sort()).toEqual(['channels:history', 'chat:write', 'commands', 'groups:history', 'im:history', 'im:write', 'users:read', 'users:read.email']);
    for (const s of scopes) expect(s.why.length).toBeGreaterThan(10);
  });

  it('subscribes to the events the adapter handles and routes everything to /slack/events', () => {
    expect(listAfter('bot_events').map((e) => e.item)).toEqual(['app_home_opened', 'message.im']);
    expect(text).toContain(`command: ${SLASH_COMMAND}`);
    const urls = [...text.matchAll(/(?:url|request_url): (\S+)/g)].map((m) => m[1]);
    // Slash command, events, interactivity; and the options load URL that external selects need.
    expect(urls.length).toBeGreaterThanOrEqual(3);
    for (const u of urls) expect(u!.endsWith(SLACK_EVENTS_PATH)).toBe(true);
    expect(text).toMatch(/home_tab_enabled: true/);
  });
});
