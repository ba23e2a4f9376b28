// The synthetic trust: the same seed gives the same trust, every record passes the store's schemas,
// the demo's people are there as CONTRACT.md promises, and the bot reads what was generated as its own.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isOverdue } from '../../src/domain';
import { responderHash } from '../../src/domain/surveys-answers';
import { DEMO_PEOPLE } from '../../src/seed/demo-people';
import { generateSyntheticTrust, writeSyntheticTrust, type SyntheticOptions } from '../../src/seed/synthetic-trust';
import { openStoreAt } from '../helpers/sql-store';
import { DataSchema, LOGS } from '../../src/store/schema';
import { loadOrCreateSecret } from '../../src/store/secret';
import { DEFAULT_NOW, replyText, startTestBot } from '../helpers/bot';

const opts = (over: Partial<SyntheticOptions> = {}): SyntheticOptions => ({
  schools: 40,
  seed: 7,
  now: new Date(DEFAULT_NOW),
  timeZone: 'Europe/London',
  surveyKey: Buffer.alloc(32, 1),
  ...over,
});

describe('generateSyntheticTrust', () => {
  const trust = generateSyntheticTrust(opts());
  const { data } = trust;
  const today = DEFAULT_NOW.slice(0, 10);

  it('gives the same trust for the same seed, and another for another seed', () => {
    expect(JSON.stringify(generateSyntheticTrust(opts()))).toBe(JSON.stringify(trust));
    expect(generateSyntheticTrust(opts({ seed: 8 })).data.schools.map((s) => s.name)).not.toEqual(data.schools.map((s) => s.name));
  });

  it('passes the store schemas, the document and every survey response', () => {
    expect(DataSchema.safeParse(data).error?.issues[0]).toBeUndefined();
    expect(trust.surveyResponses.every((r) => LOGS.surveyResponses.safeParse(r).success)).toBe(true);
  });

  it("has the demo's six people with their identities, Beacon and Riverside among the schools", () => {
    for (const id of ['amira', 'tom', 'rachel', 'sam', 'jo', 'helen']) {
      expect(data.people.find((p) => p.id === id)).toEqual(DEMO_PEOPLE.find((p) => p.id === id));
    }
    expect(data.schools.find((s) => s.id === 'beacon')).toMatchObject({ name: 'Beacon Primary', urn: '140001', headteacherId: 'rachel' });
    expect(data.schools.find((s) => s.id === 'riverside')).toMatchObject({ name: 'Riverside Academy', urn: '140002', headteacherId: 'sam' });
  });

  it('has the size of a real trust: about 40 staff and 30 actions a school, a quarter overdue', () => {
    expect(data.schools).toHaveLength(40);
    expect(new Set(data.schools.map((s) => s.urn)).size).toBe(40);
    expect(new Set(data.people.map((p) => p.email)).size).toBe(data.people.length);
    expect(data.people.length / 40).toBeGreaterThan(30);
    expect(data.people.length / 40).toBeLessThan(50);
    expect(data.isapActions.length / 40).toBeGreaterThan(25);
    const overdue = data.isapActions.filter((a) => isOverdue(a, today)).length / data.isapActions.length;
    expect(overdue).toBeGreaterThan(0.18);
    expect(overdue).toBeLessThan(0.32);
    expect(data.schools.some((s) => s.name.length > 60)).toBe(true);
    expect(new Set(data.schools.map((s) => s.categoryId))).toEqual(new Set(['green', 'yellow', 'amber', 'red']));
  });

  it('has a round open this half term with schools at every stage, and six half terms of history', () => {
    const open = data.riskRounds.find((r) => r.status === 'open')!;
    expect(new Set(open.entries.map((e) => e.status))).toEqual(new Set(['awaiting-answers', 'answered', 'decided', 'awaiting-ceo']));
    expect(new Set(data.categoryHistory.map((c) => c.halfTermId)).size).toBe(6);
    const toCeo = open.entries.filter((e) => e.status === 'awaiting-ceo');
    expect(toCeo.every((e) => data.approvals.some((a) => a.id === e.approvalId && a.status === 'pending' && a.kind === 'category-move'))).toBe(true);
  });

  it('has as many responder hashes as responses for each survey, and open and closed surveys', () => {
    expect(new Set(data.surveys.map((s) => s.status))).toEqual(new Set(['open', 'closed']));
    for (const s of data.surveys) {
      expect(data.surveyResponders[s.id]).toHaveLength(trust.surveyResponses.filter((r) => r.surveyId === s.id).length);
    }
    expect(trust.surveyResponses.length).toBeGreaterThan(500);
  });
});

describe('a synthetic trust written into DATA_DIR', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('is read by the bot as its own: who answered is known, results count every response, overdue actions show', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'ibot-synthetic-'));
    dirs.push(dataDir);
    const surveyKey = await loadOrCreateSecret(dataDir);
    const trust = generateSyntheticTrust(opts({ surveyKey, schools: 12 }));
    const store = await openStoreAt(dataDir);
    await writeSyntheticTrust(store, trust);
    await store.close();

    const t = await startTestBot({ dataDir });
    try {
      const pulse = trust.data.surveys.find((s) => s.status === 'open')!;
      const answered = trust.data.people.find((p) => trust.data.surveyResponders[pulse.id]!.includes(responderHash(surveyKey, pulse.id, p.id)))!;
      expect(replyText(await t.as(answered.id).act('survey.answer', { surveyId: pulse.id, q1: '4' }))).toMatch(/already answered/);
      expect(replyText(await t.as('jo').act('survey.answer', { surveyId: pulse.id, q1: '4' }))).not.toMatch(/already answered/);

      const closed = trust.data.surveys.find((s) => s.status === 'closed' && !s.audience.schoolIds.length)!;
      const count = trust.surveyResponses.filter((r) => r.surveyId === closed.id).length;
      expect(replyText(await t.as('amira').say(`survey results ${closed.id}`))).toContain(`${count} of`);
      expect(replyText(await t.as('rachel').say('isap overdue'))).toMatch(/overdue/i);
    } finally {
      await t.stop();
    }
  });

  it('is refused over a trust already there', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'ibot-synthetic-'));
    dirs.push(dataDir);
    const store = await openStoreAt(dataDir);
    try {
      await writeSyntheticTrust(store, generateSyntheticTrust(opts({ schools: 3 })));
      await expect(writeSyntheticTrust(store, generateSyntheticTrust(opts({ schools: 3 })))).rejects.toThrow(/already holds the trust/);
    } finally {
      await store.close();
    }
  });
});
