import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderCard } from '../../src/cards/render';
import { cardText, replyText, startTestBot, type TestBot } from '../helpers/bot';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
});
afterAll(() => t.stop());

const entry = (name: string) => t.bot.store.read().talent.find((e) => e.name === name);
const nomination = { name: 'Ben Carter', post: 'Deputy Head and English lead', phase: 'primary', expertise: 'early reading, phonics, writing moderation', supportAvailable: 'A day a fortnight from January' };

describe('talent register: nomination to offer', () => {
  it('gives a headteacher the nomination form for their own school', async () => {
    const o = await t.as('rachel').say('talent nominate');
    const text = replyText(o);
    expect(text).toContain('Nominate to the talent register');
    expect(text).toContain('A member of staff at Beacon Primary');
    const card = renderCard(o.replies[0]!);
    expect((card.actions as { verb: string; data: unknown }[])[0]).toMatchObject({ verb: 'talent.nominate', data: { schoolId: 'beacon' } });
    expect(JSON.stringify(card)).not.toContain('"id":"schoolId"'); // one school: no school to choose
  });

  it('runs the whole pipeline: nominate, reference, visit, CEO offer, then search finds them', async () => {
    const nominated = await t.as('rachel').act('talent.nominate', { schoolId: 'beacon', ...nomination });
    expect(replyText(nominated)).toContain('Nominated: Ben Carter');
    // The next step is Rachel's own: the reference form comes straight back.
    const form = nominated.replies[1]!;
    expect(form.card).toBe('talent-reference');
    expect(cardText(form)).toContain('Ben Carter, Deputy Head and English lead');
    const e = entry('Ben Carter')!;
    expect(e).toMatchObject({ stage: 'nominated', schoolId: 'beacon', expertise: ['early reading', 'phonics', 'writing moderation'] });

    const referenced = await t.as('rachel').act('talent.reference', { entryId: e.id, reference: 'Ben led our phonics recovery: Year 1 screening up from 61% to 84% in a year.' });
    expect(replyText(referenced)).toContain('Reference sent: Ben Carter');
    // Tom (Beacon's DoSI) gets the visit form with the reference on it.
    const toTom = referenced.notifications.find((n) => 'person' in n.to && n.to.person === 'tom')!;
    expect(toTom.card).toBe('talent-visit');
    expect(cardText(toTom)).toContain('Year 1 screening up from 61% to 84%');
    expect(entry('Ben Carter')!.stage).toBe('referenced');

    const early = await t.as('tom').act('talent.visit', { entryId: e.id, date: '2026-11-16', notes: 'n', outcome: 'recommend' });
    expect(replyText(early)).toContain('The visit date is before Ben Carter was nominated');
    expect(entry('Ben Carter')!.stage).toBe('referenced');
    const visited = await t.as('tom').act('talent.visit', { entryId: e.id, date: '2026-11-18', notes: 'Observed a superb guided reading session; interview showed clear thinking about coaching others.', outcome: 'recommend' });
    expect(replyText(visited)).toContain('Sent to the CEO: Ben Carter');
    const approvalCards = visited.notifications.filter((n) => n.card === 'approval');
    expect(approvalCards.map((n) => ('person' in n.to ? n.to.person : '')).sort()).toEqual(['amira', 'mark']);
    expect(cardText(approvalCards[0]!)).toContain('Offer Ben Carter (Deputy Head and English lead, Beacon Primary) a place on the talent register');
    expect(visited.notifications.some((n) => 'person' in n.to && n.to.person === 'rachel' && cardText(n).includes('recommended'))).toBe(true);
    const approvalId = entry('Ben Carter')!.approvalId!;
    expect(entry('Ben Carter')!.stage).toBe('offer-pending');

    // Before the offer, search does not find him.
    expect(replyText(await t.as('sam').say('talent search phonics'))).toContain('Nobody found for "phonics"');

    const decided = await t.as('amira').act('approval.decide', { approvalId, decision: 'approve' });
    expect(replyText(decided)).toContain('Approved by Amira Shah');
    const toRachel = decided.notifications.find((n) => 'person' in n.to && n.to.person === 'rachel' && cardText(n).includes('is on the talent register'));
    expect(toRachel).toBeDefined();
    expect(entry('Ben Carter')).toMatchObject({ stage: 'on-register', refreshedAt: '2026-11-18', addedAt: '2026-11-18T10:00:00.000Z' });

    // Another school's headteacher finds him for school-to-school support.
    const found = replyText(await t.as('sam').say('talent search phonics primary'));
    expect(found).toContain('1 found for "phonics", Primary');
    expect(found).toContain('Ben Carter, Deputy Head and English lead, Beacon Primary');
    expect(found).toContain('Support: A day a fortnight from January');
    expect(found).toContain('Contact Rachel Green, headteacher');
  });

  it('a second decision on the same offer changes nothing', async () => {
    const approvalId = entry('Ben Carter')!.approvalId!;
    const again = await t.as('mark').act('approval.decide', { approvalId, decision: 'reject', comment: 'No' });
    expect(replyText(again)).toContain('Already decided by Amira Shah');
    expect(entry('Ben Carter')!.stage).toBe('on-register');
  });

  it('search ranks by words matched, filters by phase and says when nothing matches', async () => {
    const maths = replyText(await t.as('rachel').say('talent search maths'));
    expect(maths).toContain('Hannah Wood, Head of Maths, Riverside Academy');
    expect(replyText(await t.as('rachel').say('talent search maths primary'))).toContain('Nobody found for "maths", Primary');
    const send = replyText(await t.as('tom').say('talent search SEND'));
    expect(send).toContain('Lucy Adams');
    expect(send).not.toContain('Hannah Wood');
    expect(replyText(await t.as('rachel').say('talent search'))).toContain('Say what expertise you are looking for');
  });

  it('a teacher cannot search or nominate', async () => {
    expect(replyText(await t.as('jo').say('talent search maths'))).toContain('Your role does not let you use "talent search"');
    expect(replyText(await t.as('jo').act('talent.nominate', nomination))).toContain('does not let you use "talent nominate"');
  });

  it('shows the register and the pipeline by stage; a headteacher sees only their own school in the pipeline', async () => {
    const tom = replyText(await t.as('tom').say('talent'));
    expect(tom).toContain('On the register (3)');
    expect(tom).toContain('Waiting for the headteacher’s reference (1)');
    expect(tom).toContain('Chloe Evans');
    expect(tom).toContain('Refreshed 13 Dec 2025');
    const sam = replyText(await t.as('sam').say('talent'));
    expect(sam).toContain('On the register (3)');
    expect(sam).not.toContain('Chloe Evans');
  });

  it('lists the entries due for the annual refresh', async () => {
    const text = replyText(await t.as('tom').say('talent refresh'));
    expect(text).toContain('1 due for the annual refresh');
    expect(text).toMatch(/Hannah Wood[\s\S]*Refresh due Sun 13 Dec/);
    expect(text).not.toContain('Lucy Adams');
  });

  it('the annual refresh: a headteacher may not renew; the DoSI keeps an entry and it is no longer due', async () => {
    const o = await t.as('tom').say('talent refresh');
    const hannah = entry('Hannah Wood')!;
    expect(JSON.stringify(renderCard(o.replies[0]!))).toContain('"verb":"talent.renew"');
    expect(replyText(await t.as('sam').act('talent.renew', { entryId: hannah.id, decision: 'keep' }))).toContain('does not let you use "talent renew"');
    expect(replyText(await t.as('tom').act('talent.renew', { entryId: hannah.id, decision: 'archive' }))).toMatch(/That card could not be used: decision/);
    expect(entry('Hannah Wood')!.refreshedAt).toBe(hannah.refreshedAt);
    const kept = await t.as('tom').act('talent.renew', { entryId: hannah.id, decision: 'keep' });
    expect(replyText(kept)).toContain('Refreshed: Hannah Wood\nNext refresh due 18 Nov 2027');
    expect(entry('Hannah Wood')!.refreshedAt).toBe('2026-11-18');
    expect(replyText(await t.as('tom').say('talent refresh'))).toContain('No refreshes due');
  });
});

describe('talent register: forged and wrong submissions', () => {
  it('refuses a nomination for another school, and another school’s staff, saving nothing', async () => {
    const before = t.bot.store.read().talent.length;
    const other = await t.as('rachel').act('talent.nominate', { ...nomination, name: 'New Person', schoolId: 'riverside' });
    expect(replyText(other)).toContain('You can nominate staff of Beacon Primary only');
    const staff = await t.as('rachel').act('talent.nominate', { ...nomination, name: 'Hannah Wood', schoolId: 'beacon' });
    expect(replyText(staff)).toContain('Hannah Wood works at Riverside Academy, not Beacon Primary');
    expect(t.bot.store.read().talent.length).toBe(before);
    const refused = (await t.bot.store.audit()).filter((e) => e.actorId === 'rachel' && e.action === 'talent.nominate' && e.outcome === 'refused');
    expect(refused).toHaveLength(2);
  });

  it('rejects wrong types and empty expertise with a clear answer', async () => {
    const before = t.bot.store.read().talent.length;
    expect(replyText(await t.as('rachel').act('talent.nominate', { ...nomination, phase: 'university' }))).toMatch(/That card could not be used: phase/);
    expect(replyText(await t.as('rachel').act('talent.nominate', { ...nomination, name: 42 }))).toMatch(/That card could not be used: name/);
    expect(replyText(await t.as('rachel').act('talent.nominate', { ...nomination, name: 'Dan Murphy', expertise: ' , ,' }))).toContain('Give at least one area of expertise');
    expect(replyText(await t.as('tom').act('talent.visit', { entryId: 'x', date: 'next Tuesday', notes: 'n', outcome: 'recommend' }))).toMatch(/That card could not be used: date/);
    expect(t.bot.store.read().talent.length).toBe(before);
  });

  it('refuses a second nomination of someone already in the pipeline', async () => {
    const o = await t.as('rachel').act('talent.nominate', { ...nomination, name: 'chloe evans' });
    expect(replyText(o)).toContain('Chloe Evans is already nominated');
  });

  it('only the school’s headteacher writes the reference, once', async () => {
    const chloe = entry('Chloe Evans')!;
    const sam = await t.as('sam').act('talent.reference', { entryId: chloe.id, reference: 'Forged reference' });
    expect(replyText(sam)).toContain('Only the headteacher of Beacon Primary writes Chloe Evans');
    expect(entry('Chloe Evans')!.reference).toBeUndefined();
    const ben = entry('Ben Carter')!;
    const again = await t.as('rachel').act('talent.reference', { entryId: ben.id, reference: 'Overwrite' });
    expect(replyText(again)).toContain('reference is already in: nothing was changed');
    expect(entry('Ben Carter')!.reference).toContain('phonics recovery');
  });

  it('a visit is recorded once, not in the future, and a "not yet" tells the headteacher', async () => {
    const chloe = entry('Chloe Evans')!;
    expect(replyText(await t.as('tom').act('talent.visit', { entryId: chloe.id, date: '2026-11-17', notes: 'n', outcome: 'recommend' }))).toContain('not waiting for a visit');
    await t.as('rachel').act('talent.reference', { entryId: chloe.id, reference: 'Strong Year 6 practitioner.' });
    expect(replyText(await t.as('tom').act('talent.visit', { entryId: chloe.id, date: '2026-12-01', notes: 'n', outcome: 'recommend' }))).toContain('in the future');
    const notYet = await t.as('tom').act('talent.visit', { entryId: chloe.id, date: '2026-11-17', notes: 'Promising; revisit next year.', outcome: 'not-yet' });
    expect(replyText(notYet)).toContain('Recorded: Chloe Evans, not yet');
    expect(notYet.notifications.some((n) => 'person' in n.to && n.to.person === 'rachel' && cardText(n).includes('not yet'))).toBe(true);
    expect(entry('Chloe Evans')!.stage).toBe('declined');
    expect(t.bot.store.read().approvals.filter((a) => a.kind === 'talent-offer')).toHaveLength(1);
  });
});
