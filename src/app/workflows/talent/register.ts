// Reading the register: the register and the pipeline by stage, search for school-to-school
// support, and the entries due for their annual refresh.
import { z } from 'zod';
import { PHASES, seesWholeTrust, schoolsOf, type Person, type Phase, type TalentEntry } from '../../../domain';
import { localDate } from '../../../domain/calendar';
import { topN } from '../../../domain/digest';
import { IN_PIPELINE, refreshDueOn, refreshesDue, searchRegister, searchWords } from '../../../domain/talent-register';
import type { Data } from '../../../store/schema';
import { outcome } from '../../command';
import { AppError, badInput, notFound } from '../../errors';
import { defineAction, type TextCommand } from '../../registry';
import { formatDate } from '../../views/format';
import { dateWithYear, entryItem, message, note, phaseLabel, registerView, STAGE_HEADINGS, type Section } from './views';

const PER_SECTION = 15;

/** Only a headteacher nominates (their own staff): the button is theirs. */
const mayNominate = (person: Person) => schoolsOf(person, 'headteacher').length > 0;

function section(data: Readonly<Data>, heading: string, entries: TalentEntry[], empty: string, extra: (e: TalentEntry) => string = () => ''): Section {
  const { shown, more } = topN(entries, PER_SECTION, 'more');
  return { heading: `${heading} (${entries.length})`, items: shown.map((e) => entryItem(data, e, extra(e))), more, empty };
}

export const listCommand: TextCommand = {
  key: 'talent.list',
  words: ['talent'],
  usage: 'talent',
  summary: 'The talent register, and the nominations on their way to it',
  run(_ctx, { person, data }) {
    const byName = (a: TalentEntry, b: TalentEntry) => a.name.localeCompare(b.name);
    const register = data.talent.filter((e) => e.stage === 'on-register').sort(byName);
    // Headteachers see the whole register but only their own school's nominations in progress.
    const own = new Set(schoolsOf(person, 'headteacher'));
    const visible = (e: TalentEntry) => seesWholeTrust(person) || own.has(e.schoolId);
    const sections: Section[] = [
      section(data, STAGE_HEADINGS['on-register'], register, 'Nobody is on the register yet.', (e) => (e.refreshedAt ? `Refreshed ${dateWithYear(e.refreshedAt)}` : '')),
    ];
    for (const stage of IN_PIPELINE) {
      const entries = data.talent.filter((e) => e.stage === stage && visible(e)).sort(byName);
      if (entries.length) sections.push(section(data, STAGE_HEADINGS[stage], entries, ''));
    }
    const more = register.length > PER_SECTION ? ' Type talent search <expertise> [phase] to find someone.' : '';
    return outcome([registerView('Talent register', `${register.length} on the register.${more}`, sections, mayNominate(person))]);
  },
};

export const searchCommand: TextCommand = {
  key: 'talent.search',
  words: ['talent', 'search'],
  usage: 'talent search <expertise> [phase]',
  summary: 'Find staff on the register for school-to-school support',
  run(_ctx, { cmd, data, person }) {
    const args = [...cmd.args];
    const last = args[args.length - 1]?.toLowerCase();
    const phase = last && (PHASES as readonly string[]).includes(last) ? (args.pop()!.toLowerCase() as Phase) : undefined;
    const words = searchWords(args.join(' '));
    if (!words.length) throw badInput('Say what expertise you are looking for, e.g. talent search early reading primary.', `Phases: ${PHASES.join(', ')}.`);
    const hits = searchRegister(data.talent, words, phase);
    const { shown, more } = topN(hits, 20, 'more: add a word or a phase to narrow it');
    const what = `"${args.join(' ')}"${phase ? `, ${phaseLabel(phase)}` : ''}`;
    return outcome([
      registerView(hits.length ? `${hits.length} found for ${what}` : `Nobody found for ${what}`, hits.length ? 'Best matches first. Speak to their headteacher before asking for support.' : '', [
        {
          heading: 'On the register',
          items: shown.map((h) => entryItem(data, h.entry)),
          more,
          empty: 'Try fewer or shorter words, or leave out the phase. Type talent to see the whole register.',
        },
      ], mayNominate(person)),
    ]);
  },
};

export const refreshCommand: TextCommand = {
  key: 'talent.refresh',
  words: ['talent', 'refresh'],
  usage: 'talent refresh',
  summary: 'Entries due for their annual refresh (overdue, or due within 30 days)',
  run(ctx, { data }) {
    const today = localDate(ctx.now(), ctx.timeZone);
    const due = refreshesDue(data.talent, today, 30);
    const overdue = due.filter((d) => d.overdue);
    const soon = due.filter((d) => !d.overdue);
    const part = (heading: string, list: typeof due, empty: string): Section => {
      const { shown, more } = topN(list, PER_SECTION, 'more');
      return { heading: `${heading} (${list.length})`, items: shown.map((d) => entryItem(data, d.entry, `Refresh due ${formatDate(d.due)}`, true)), more, empty };
    };
    return outcome([
      registerView(
        due.length ? `${due.length} due for the annual refresh` : 'No refreshes due',
        'Each entry is refreshed every year: check with the headteacher that the post, expertise and support are still right.',
        [part('Overdue', overdue, 'None overdue.'), part('Due within 30 days', soon, 'None due in the next 30 days.')],
      ),
    ]);
  },
};

export const RenewInput = z.object({ entryId: z.string().trim().min(1).max(100), decision: z.enum(['keep', 'remove']) });

/** The annual refresh of one entry: still current (refreshed today) or taken off the register. */
export const renewAction = defineAction({
  verb: 'talent.renew',
  schema: RenewInput,
  async run(ctx, { person }, input) {
    const at = ctx.now().toISOString();
    const today = localDate(ctx.now(), ctx.timeZone);
    const e = await ctx.store.transact((draft) => {
      const found = draft.talent.find((x) => x.id === input.entryId);
      if (!found) throw notFound('That register entry', 'Type talent refresh to see the entries due.');
      if (found.stage !== 'on-register') throw new AppError('ALREADY_DONE', `${found.name} is not on the register: nothing was changed.`, 'Type talent refresh to see the entries due.');
      if (input.decision === 'keep') found.refreshedAt = today;
      else found.stage = 'withdrawn';
      return structuredClone(found);
    });
    await ctx.store.append('audit', { at, actorId: person.id, action: 'talent.renew', subject: e.id, outcome: 'ok', detail: { decision: input.decision } });
    const data = ctx.store.read();
    const head = data.schools.find((s) => s.id === e.schoolId)?.headteacherId;
    if (input.decision === 'keep') return outcome([message(`Refreshed: ${e.name}`, `Next refresh due ${dateWithYear(refreshDueOn(e)!)}.`)]);
    const told = head ? [note(head, `${e.name} is no longer on the talent register`, `${person.name} took the entry off at the annual refresh. You may nominate again at any time.`)] : [];
    return outcome([message(`Taken off the register: ${e.name}`, head ? 'Their headteacher has been told.' : '')], told);
  },
});
