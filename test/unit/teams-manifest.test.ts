// The Teams app package: the manifest validates offline against Microsoft's own schema (bundled in
// @microsoft/app-manifest), the icons are what Teams accepts, and the zip holds the three files.
import { WORKFLOWS } from '../../src/app/workflows';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { unzipSync } from 'fflate';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { buildManifest, MANIFEST_DIR, packageTeamsApp } from '../../scripts/package-teams';

const require = createRequire(import.meta.url);
const env = { MICROSOFT_APP_ID: '11111111-2222-4333-8444-555555555555', BOT_DOMAIN: 'improvement-bot.demo-trust.example' };

function validator(manifest: { manifestVersion: string }) {
  const schema = require(`@microsoft/app-manifest/build/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`);
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

describe('Teams app manifest', () => {
  it('fills every placeholder from the environment and validates against the v1.29+ schema', () => {
    const manifest = buildManifest(env) as any;
    expect(JSON.stringify(manifest)).not.toMatch(/\{\{/);
    expect(Number(manifest.manifestVersion)).toBeGreaterThanOrEqual(1.29);
    const validate = validator(manifest);
    expect(validate(manifest), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(manifest.bots[0].botId).toBe(env.MICROSOFT_APP_ID);
    expect(manifest.validDomains).toEqual([env.BOT_DOMAIN]);
  });

  it('lists every command the bot knows (the contract\'s and home, unsubscribe), for mention and slash, in every scope', () => {
    const manifest = buildManifest(env) as any;
    const [list] = manifest.bots[0].commandLists;
    const known = ['help', ...new Set(WORKFLOWS.flatMap((w) => w.commands.map((c) => c.words[0]!)))];
    expect([...list.commands.map((c: { title: string }) => c.title)].sort()).toEqual([...known].sort());
    for (const word of ['help', 'risk', 'isap', 'forum', 'talent', 'survey', 'approvals', 'digest', 'subscribe']) expect(known).toContain(word);
    expect(list.triggers).toEqual(['mention', 'slash']);
    expect(manifest.bots[0].scopes).toEqual(['personal', 'team', 'groupChat']);
  });

  it('is refused by the schema when something is wrong (the check can fail)', () => {
    const manifest = buildManifest(env) as any;
    const validate = validator(manifest);
    expect(validate({ ...manifest, id: 'not-a-guid' })).toBe(false);
    expect(validate({ ...manifest, bots: [{ ...manifest.bots[0], commandLists: [{ ...manifest.bots[0].commandLists[0], triggers: ['shout'] }] }] })).toBe(false);
  });

  it('says which variable is missing', () => {
    expect(() => buildManifest({ BOT_DOMAIN: 'x.example' })).toThrow(/MICROSOFT_APP_ID/);
    expect(() => buildManifest({ MICROSOFT_APP_ID: env.MICROSOFT_APP_ID })).toThrow(/BOT_DOMAIN/);
  });

  it('has a 192×192 color icon and a 32×32 outline icon that is white on transparent', async () => {
    const color = PNG.sync.read(await readFile(path.join(MANIFEST_DIR, 'color.png')));
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = PNG.sync.read(await readFile(path.join(MANIFEST_DIR, 'outline.png')));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let white = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      const [r, g, b, a] = outline.data.subarray(i, i + 4);
      if (a === 0) continue;
      expect([r, g, b]).toEqual([255, 255, 255]);
      white++;
    }
    expect(white).toBeGreaterThan(20);
    expect(outline.data[3]).toBe(0); // the corner is transparent
  });

  it('packages manifest.json and both icons at the root of the zip', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ibot-teams-'));
    try {
      const out = packageTeamsApp(env, path.join(dir, 'app.zip'));
      const files = unzipSync(new Uint8Array(await readFile(out)));
      expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
      const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']));
      expect(manifest.bots[0].botId).toBe(env.MICROSOFT_APP_ID);
      expect(Buffer.from(files['outline.png']!).equals(await readFile(path.join(MANIFEST_DIR, 'outline.png')))).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
