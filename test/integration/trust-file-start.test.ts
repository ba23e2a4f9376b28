// TRUST_FILE (issue 13): the bot checks the trust file before it opens anything. An invalid file stops
// it in one line naming the field and the line (exit 1, DATA_DIR untouched); a valid one gives the demo,
// seeded into an empty DATA_DIR in local mode, that trust's name and categories.
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import { ConfigError } from '../../src/config';
import { replyText, startTestBot } from '../helpers/bot';
import { runScript, tempDirs } from '../helpers/scripts';

vi.setConfig({ testTimeout: 300_000 });

const temp = tempDirs();
afterEach(() => temp.cleanup());

const BROKEN = 'name: Broken Trust\nframework:\n  name: Ours\n  categories:\n    - { id: a, label: A, short: A, rank: 0 }\n    - { id: b, label: B, short: B, rank: one }\n    - { id: c, label: C, short: C, rank: 2, colour: purple }\n';

it('an invalid TRUST_FILE: npm start refuses in one line naming the field and line, exit 1, and writes nothing', async () => {
  const dir = await temp.make();
  const data = path.join(dir, 'data');
  const file = path.join(dir, 'broken.yaml');
  await writeFile(file, BROKEN);
  const run = await runScript('src/main.ts', [], data, { TRUST_FILE: file, PORT: '0' });
  expect(run.code).toBe(1);
  const lines = run.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]!.startsWith(`Configuration error: TRUST_FILE is invalid: ${file}:6: framework.categories[1].rank: `)).toBe(true);
  expect(lines[0]!.endsWith(` (and 1 more: npm run trust:check -- ${file})`)).toBe(true);
  expect(await readdir(dir)).toEqual(['broken.yaml']);

  // The same refusal for the bot started in-process, before the store is opened.
  const e = await startTestBot({ dataDir: data, env: { TRUST_FILE: file } }).then(
    async (t) => {
      await t.stop();
      throw new Error('the bot started');
    },
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ConfigError);
  expect(await readdir(dir)).toEqual(['broken.yaml']);
});

it('TRUST_FILE=trusts/pele.yaml on an empty DATA_DIR: the demo is Pele Trust in its own categories', async () => {
  const t = await startTestBot({ env: { TRUST_FILE: 'trusts/pele.yaml' } });
  try {
    const trust = t.bot.store.read().trust!;
    expect(trust).toMatchObject({ name: 'Pele Trust', framework: { id: 'pele-categories', overlay: { label: 'URGENT ACTION' } } });
    expect(trust.framework.categories.find((c) => c.id === 'green')!.criteria).toContain("Recently judged as securely 'good' or 'outstanding' by Ofsted");
    expect(replyText(await t.as('helen').say('digest board'))).toMatch(/Pele Trust/);
    expect(replyText(await t.as('tom').say('risk'))).toMatch(/RED/);
  } finally {
    await t.stop();
  }
});

it('TRUST_FILE=trusts/flourishing-futures.yaml: the demo’s schools, history and pending decision are in its phases, not RAG words', async () => {
  const t = await startTestBot({ env: { TRUST_FILE: 'trusts/flourishing-futures.yaml' } });
  try {
    const d = t.bot.store.read();
    expect(d.trust!.name).toBe('Flourishing Futures');
    expect(Object.fromEntries(d.schools.map((s) => [s.id, s.categoryId]))).toMatchObject({ beacon: 'repair', riverside: 'sustain', hillcrest: 'improve', northgate: 'stabilise' });
    expect(d.categoryHistory.find((c) => c.schoolId === 'northgate' && c.from)).toMatchObject({ from: 'repair', to: 'stabilise', rationale: 'Risk meeting moved Northgate Junior School from Repair to Stabilise.' });
    expect(d.approvals[0]).toMatchObject({ title: 'Move Oakfield Academy from 🟠 Repair (P2) to 🔴 Stabilise (P1)', payload: { from: 'repair', to: 'stabilise' } });
    const risk = replyText(await t.as('tom').say('risk'));
    expect(risk).toMatch(/Stabilise/);
    expect(risk).not.toMatch(/GREEN|AMBER|\bRED\b/);
  } finally {
    await t.stop();
  }
});
