// A trust of 1,000 schools: every list view and main screen, for the CEO, the Director and a
// headteacher, fits what Teams and Slack accept (the limits the test fakes enforce). A view over a
// limit fails naming the view, the person, the platform and the size.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from '../../src/boot';
import { generateSyntheticTrust } from '../../src/seed/synthetic-trust';
import { BENCH_NOW, PERSONAS, bootOn, command, describeReply, measure, viewCommands, writeSynthetic } from '../../scripts/bench-views';

const SCHOOLS = 1000;

// Survey and forum ids depend on the clock, not the size: a two-school trust names the same ones.
const VIEWS = viewCommands(generateSyntheticTrust({ schools: 2, seed: 1, now: new Date(BENCH_NOW), timeZone: 'Europe/London', surveyKey: Buffer.alloc(32) }).data);
const CASES = VIEWS.flatMap((view) => PERSONAS.map((p) => ({ view, persona: p.label, id: p.id })));

describe(`a trust of ${SCHOOLS.toLocaleString('en-GB')} schools`, () => {
  let dataDir: string;
  let bot: Bot;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'ibot-scale-'));
    await writeSynthetic(dataDir, SCHOOLS);
    bot = await bootOn(dataDir, false);
  }, 120_000);

  afterAll(async () => {
    await bot?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  // `risk publish` is last: without a confirmation step the first to type it publishes the round.
  it.each(CASES)('$view, as the $persona, fits Teams and Slack', async ({ view, persona, id }) => {
    const o = await bot.handle(command(id, view));
    expect(o.replies.length, `${view} as the ${persona} answered nothing`).toBeGreaterThan(0);
    const m = measure(o.replies, bot.store.read());
    const problems = [
      ...m.teams.flatMap((t, i) => t.problems.map((p) => `Teams, message ${i + 1} of ${m.teams.length} (${describeReply([o.replies[i]!])}, ${t.bytes} bytes): ${p}`)),
      ...m.slack.flatMap((s, i) => s.problems.map((p) => `Slack, message ${i + 1} of ${m.slack.length} (${describeReply([o.replies[i]!])}, ${s.blocks} blocks, ${s.bytes} bytes): ${p}`)),
    ];
    expect(problems, `"${view}" as the ${persona} at ${SCHOOLS} schools is over a platform limit:\n${problems.slice(0, 12).join('\n')}`).toEqual([]);
  }, 60_000);
});
