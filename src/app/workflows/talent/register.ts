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
import { pageArg, pageLabel, pageOf } from '../../views/paging';
import { dateWithYear, entryItem, message, note, phaseLabel, registerView, STAGE_HEADINGS, type Section } from './views';

const PER_SECTION = 15;
/** One compact entry a line, 15 a page: about 12 KB for Teams and under Slack's 50 blocks at any size. */
const PAGE_SIZE = 15;

/** Only a headteacher nominates (their own staff): the button is theirs. */
const mayNominate = (person: Person) => schoolsOf(person, 'headteacher').length > 0;

function section(data: Readonly<Data>, heading: string, entries: TalentEntry[], empty: string, extra: (e: TalentEntry) => string = () => ''): Section {
  const { shown, more } = topN(entries, PER_SECTION, 'more');
  return { heading: `${heading} (${entries.length})`, items: shown.map((e) => entryItem(data, e, extra(e))), more, empty };
}

/** An entry in a list already in order, under the heading it belongs to; its line written only if shown. */
type Listed = { heading: string; item: () => ReturnType<typeof entryItem> };

/** One page of `listed`, regrouped under its headings; "… and N more: type <command> page 2" at the end. */
function pageSections(listed: Listed[], page: number, command: string): { sections: Section[]; page: number; label: string; more: string } {
  const p = pageOf(listed, page, PAGE_SIZE, command);
  const sections: Section[] = [];
  for (const { heading, item } of p.items) {
    const last = sections.at(-1);
    if (last?.heading === heading) last.items.push(item());
    else sections.push({ heading, items: [item()], more: '', empty: '' });
  }
  return { sections, page: p.page, label: pageLabel(p), more: p.more };
}

const titled = (title: string, label: string) => (label ? `${title} (${label})` : title);

export const listCommand: TextCommand = {
  key: 'talent.list',
  words: ['talent'],
  usage: 'talent [page N]',
  summary: 'The talent register, and the nominations on their way to it',
  run(_ctx, { cmd, person, data }) {
    const { page } = pageArg(cmd.args);
    const byName = (a: TalentEntry, b: TalentEntry) => a.name.localeCompare(b.name);
    const oldest = (a: TalentEntry, b: TalentEntry) => a.nominatedAt.localeCompare(b.nominatedAt) || byName(a, b);
    const register = data.talent.filter((e) => e.stage === 'on-register').sort(byName);
    // Headteachers see the whole register but only their own school's nominations in progress.
    const own = new Set(schoolsOf(person, 'headteacher'));
    const visible = (e: TalentEntry) => seesWholeTrust(person) || own.has(e.schoolId);
    // What waits on someone comes first, the longest waiting first; then the register by name.
    const waiting = [...IN_PIPELINE].reverse().flatMap((stage) => {
      const entries = data.talent.filter((e) => e.stage === stage && visible(e)).sort(oldest);
      return entries.map((e) => ({ heading: `${STAGE_HEADINGS[stage]} (${entries.length})`, item: () => entryItem(data, e) }));
    });
    const onRegister = register.map((e) => ({
      heading: `${STAGE_HEADINGS['on-register']} (${register.length})`,
      item: () => entryItem(data, e, e.refreshedAt ? `Refreshed ${dateWithYear(e.refreshedAt)}` : ''),
    }));
    const p = pageSections([...waiting, ...onRegister], page, 'talent');
    if (!register.length && p.page === 1) p.sections.push({ heading: `${STAGE_HEADINGS['on-register']} (0)`, items: [], more: '', empty: 'Nobody is on the register yet.' });
    const find = register.length > PAGE_SIZE ? ' Type talent search <expertise> [phase] to find someone.' : '';
    return outcome([registerView(titled('Talent register', p.label), `${register.length} on the register.${find}`, p.sections, mayNominate(person), p.more)]);
  },
};

export const searchCommand: TextCommand = {
  key: 'talent.search',
  words: ['talent', 'search'],
  usage: 'talent search <expertise> [phase] [page N]',
  summary: 'Find staff on the register for school-to-school support',
  run(_ctx, { cmd, data, person }) {
    const { page, rest: args } = pageArg(cmd.args);
    const last = args[args.length - 1]?.toLowerCase();
    const phase = last && (PHASES as readonly string[]).includes(last) ? (args.pop()!.toLowerCase() as Phase) : undefined;
    const words = searchWords(args.join(' '));
    if (!words.length) throw badInput('Say what expertise you are looking for, e.g. talent search early reading primary.', `Phases: ${PHASES.join(', ')}.`);
    const hits = searchRegister(data.talent, words, phase);
    const what = `"${args.join(' ')}"${phase ? `, ${phaseLabel(phase)}` : ''}`;
    const p = pageSections(
      hits.map((h) => ({ heading: 'On the register', item: () => entryItem(data, h.entry) })),
      page,
      `talent search ${args.join(' ')}${phase ? ` ${phase}` : ''}`,
    );
    const sections: Section[] = hits.length
      ? p.sections
      : [{ heading: 'On the register', items: [], more: '', empty: 'Try fewer or shorter words, or leave out the phase. Type talent to see the whole register.' }];
    const narrow = p.more ? ' Add a word or a phase to narrow it.' : '';
    return outcome([
      registerView(
        hits.length ? titled(`${hits.length} found for ${what}`, p.label) : `Nobody found for ${what}`,
        hits.length ? `Best matches first. Speak to their headteacher before asking for support.${narrow}` : '',
        sections,
        mayNominate(person),
        p.more,
      ),
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
    }, { audit: (e) => ({ at, actorId: person.id, action: 'talent.renew', subject: e.id, outcome: 'ok', detail: { decision: input.decision } }) });
    const data = ctx.store.read();
    const head = data.schools.find((s) => s.id === e.schoolId)?.headteacherId;
    if (input.decision === 'keep') return outcome([message(`Refreshed: ${e.name}`, `Next refresh due ${dateWithYear(refreshDueOn(e)!)}.`)]);
    const told = head ? [note(head, `${e.name} is no longer on the talent register`, `${person.name} took the entry off at the annual refresh. You may nominate again at any time.`)] : [];
    return outcome([message(`Taken off the register: ${e.name}`, head ? 'Their headteacher has been told.' : '')], told);
  },
});
