// The category questions a headteacher answers: a group per category with its colour and every
// criterion in full, only the inspection inputs that apply, and the national attendance figure the
// trust gives once instead of every headteacher typing it.
import { describe, expect, it } from 'vitest';
import type { View } from '../../src/app/command';
import { renderCard } from '../../src/cards/render';
import { RAG_5 } from '../../src/domain';
import { cardText, replyText } from '../helpers/bot';
import { useTestBot } from '../helpers/use-bot';

const t = useTestBot();
const round = () => t.bot.store.read().riskRounds[0]!;

type El = Record<string, any>;
function elements(view: View): El[] {
  const out: El[] = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== 'object') return;
    out.push(n as El);
    Object.values(n).forEach(walk);
  };
  walk(renderCard(view).body);
  return out;
}

describe('the category questions', () => {
  it('group the criteria by category, each with its colour, and show every criterion in full', async () => {
    await t.as('tom').say('risk open');
    const q = (await t.as('rachel').say('risk answer')).replies[0]!;
    const groups = elements(q).filter((e) => e.type === 'Input.ChoiceSet' && String(e.id).startsWith('criteria-'));
    expect(groups.map((g) => g.label)).toEqual(['🟢 GREEN', '🟡 YELLOW', '🟠 AMBER', '🔴 RED', '❗ URGENT ACTION']);
    const all = [...RAG_5.categories, RAG_5.overlay!].flatMap((c) => c.criteria);
    const shown = groups.flatMap((g) => g.choices.map((c: El) => c.title));
    expect(shown).toEqual(all);
    expect(cardText(q)).not.toContain('…');
  });

  it("show only the inspection inputs of the kind on record, and only the areas of the school's phase", async () => {
    // Beacon's latest inspection is an overall judgement: the report-card grades wait behind a button.
    const q = (await t.as('rachel').say('risk answer')).replies[0]!;
    const els = elements(q);
    expect(els.find((e) => e.id === 'ofsted-legacy')?.isVisible).toBe(true);
    expect(els.find((e) => e.id === 'ofsted-report-card')?.isVisible).toBe(false);
    expect(cardText(q)).toContain('On record: requires improvement (2023-03-15)');
    const toggle = JSON.stringify(renderCard(q)).match(/"Action.ToggleVisibility","title":"([^"]+)"/);
    expect(toggle?.[1]).toBe('Show report-card grades instead');
    // A primary school has early years and no sixth form.
    const areas = els.filter((e) => String(e.id).startsWith('grade-')).map((e) => e.id);
    expect(areas).toContain('grade-early-years');
    expect(areas).not.toContain('grade-sixth-form');
  });

  it('take criteria from each group when answered', async () => {
    const o = await t.as('rachel').act('risk.answer', {
      schoolId: 'beacon', roundId: round().id, 'criteria-amber': 'amber#0', 'criteria-red': 'red#1', 'criteria-green': '',
      ofstedScheme: 'legacy', ofstedDate: '2023-03-15', ofstedOverall: 'requires-improvement', attendance: '93', nationalAttendance: '94',
      safeguardingConcerns: 'no', leadershipChange: 'no',
    });
    expect(replyText(o)).toContain('Proposed for Beacon Primary: RED');
    expect(round().entries.find((e) => e.schoolId === 'beacon')!.answers!.criteriaMet).toEqual(['amber#0', 'red#1']);
  });

  it('take the national attendance figure the trust gave, so headteachers do not type it', async () => {
    expect(replyText(await t.as('rachel').say('risk national 94'))).toContain('Your role does not let you use');
    expect(replyText(await t.as('tom').say('risk national primary 150'))).toContain('"150" is not a percentage from 0 to 100');
    const saved = replyText(await t.as('tom').say('risk national primary 94.5 secondary 91.2'));
    expect(saved).toContain('primary: 94.5%');
    expect(saved).toContain('secondary: 91.2%');
    const q = (await t.as('sam').say('risk answer')).replies[0]!;
    expect(cardText(q)).toContain('National attendance for secondary schools: 91.2% (given by the trust)');
    expect(elements(q).some((e) => e.id === 'nationalAttendance')).toBe(false);
    const o = await t.as('sam').act('risk.answer', {
      schoolId: 'riverside', roundId: round().id, ofstedScheme: 'none', attendance: '87.5', safeguardingConcerns: 'no', leadershipChange: 'no',
    });
    expect(replyText(o)).toContain('below national (91.2%)');
    expect(round().entries.find((e) => e.schoolId === 'riverside')!.answers!.nationalAttendance).toBe(91.2);
  });

  it('ask for the national figure where the trust gave none, and refuse an answer without it', async () => {
    const q = (await t.as('tom').say('risk answer meadowbank')).replies[0]!;
    expect(elements(q).some((e) => e.id === 'nationalAttendance')).toBe(true);
    const o = await t.as('tom').act('risk.answer', { schoolId: 'meadowbank', roundId: round().id, ofstedScheme: 'none', attendance: '90', safeguardingConcerns: 'no', leadershipChange: 'no' });
    expect(replyText(o)).toContain('give the national attendance figure');
    expect(round().entries.find((e) => e.schoolId === 'meadowbank')!.status).toBe('awaiting-answers');
  });
});
