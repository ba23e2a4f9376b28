// The ISAP text commands: my actions, a school's plan, the add form, and an action's card.
import { localDate } from '../../../domain/calendar';
import { isOverdue } from '../../../domain/isap';
import { byUrgency, isDueSoon, lastDueDate } from '../../../domain/isap-rules';
import { hasRole, schoolsOf } from '../../../domain/people';
import { PHASES } from '../../../domain';
import type { Data } from '../../../store/schema';
import { outcome, reply, type Context, type Request } from '../../command';
import { AppError, audited, notAllowed } from '../../errors';
import type { TextCommand } from '../../registry';
import { findSchool, isExec, maySeeSchool, schoolName } from './scope';
import { planItem, planPage, type Listed } from './views';
import { pageArg } from '../../views/paging';

export const STRANDS = ['Leadership and Governance', 'Quality of Education', 'Inclusion', 'Attendance and Behaviour', 'Safeguarding', 'Personal Development'];
/** "Due soon" on the my-actions list: two school weeks ahead. */
const SOON_SCHOOL_DAYS = 10;

export const today = (ctx: Context) => localDate(ctx.now(), ctx.timeZone);

function trustOf(data: Readonly<Data>) {
  if (!data.trust) throw new AppError('NOT_FOUND', 'No trust has been set up yet.', 'Ask your administrator to run the set-up.');
  return data.trust;
}

export const mine: TextCommand = {
  key: 'isap.mine',
  words: ['isap'],
  usage: 'isap [school] [page N]',
  summary: 'Your ISAP actions due soon and overdue; with a school, its whole plan',
  run(ctx, req) {
    const { page, rest } = pageArg(req.cmd.args);
    if (rest.length) return schoolPlan(ctx, req, rest.join(' '), page);
    const { data, person } = req;
    const cal = trustOf(data).calendar;
    const d = today(ctx);
    const mineOpen = data.isapActions.filter((a) => a.ownerId === person.id && a.status === 'open').sort(byUrgency(d));
    const overdue = mineOpen.filter((a) => isOverdue(a, d));
    const soon = mineOpen.filter((a) => !isOverdue(a, d) && isDueSoon(cal, a, d, SOON_SCHOOL_DAYS));
    const later = mineOpen.length - overdue.length - soon.length;
    const listed: Listed[] = [
      ...overdue.map((a) => ({ group: `Overdue (${overdue.length})`, item: () => planItem(data, a, d, ctx.timeZone, true) })),
      ...soon.map((a) => ({ group: `Due in the next two weeks (${soon.length})`, item: () => planItem(data, a, d, ctx.timeZone, true) })),
    ];
    const intro = [later ? `${later} more due later.` : '', schoolsOf(person).length ? `Type isap ${schoolName(data, schoolsOf(person)[0]!)} for the whole plan.` : 'Type isap <school> for a school\'s plan, or isap overdue for every overdue action.']
      .filter(Boolean)
      .join(' ');
    const view = planPage(overdue.length ? `${overdue.length} of your actions overdue` : 'Your ISAP actions', intro, 'Nothing of yours is overdue or due in the next two weeks.', listed, page, 'isap');
    return reply(view.card, view.data);
  },
};

async function schoolPlan(ctx: Context, { data, person }: Request, words: string, page: number) {
  const school = findSchool(data, words);
  if (!maySeeSchool(person, school.id)) {
    await ctx.store.append('audit', { at: ctx.now().toISOString(), actorId: person.id, action: 'isap.school', subject: school.id, outcome: 'refused', detail: {} });
    throw audited(notAllowed(`You can see only your own school's plan, not ${school.name}'s.`));
  }
  const d = today(ctx);
  const actions = data.isapActions.filter((a) => a.schoolId === school.id).sort(byUrgency(d));
  const open = actions.filter((a) => a.status === 'open');
  const overdue = open.filter((a) => isOverdue(a, d)).length;
  const strands = [...new Set(actions.map((a) => a.strand ?? 'No strand'))].sort();
  // By strand; within each, open actions first (most overdue first), completed ones after, so the plan reads as a record too.
  const listed: Listed[] = strands.flatMap((strand) =>
    [...open, ...actions.filter((a) => a.status === 'complete')]
      .filter((a) => (a.strand ?? 'No strand') === strand)
      .map((a) => ({ group: strand, item: () => planItem(data, a, d, ctx.timeZone, false) })),
  );
  const view = planPage(`ISAP: ${school.name}`, `${open.length} open, ${overdue} overdue, ${actions.length - open.length} complete.`, 'This school has no ISAP actions yet. Type isap add to add one.', listed, page, `isap ${words}`);
  return reply(view.card, view.data);
}

/** `isap overdue <school, hub or phase>`: which schools the words name, or all when none. */
function overdueFilter(data: Readonly<Data>, words: string): { label: string; has: (schoolId: string) => boolean } | undefined {
  const q = words.trim().toLowerCase();
  if (!q) return undefined;
  const phase = PHASES.find((p) => p === q.replace(/\s+/g, '-'));
  const inPhase = new Set(data.schools.filter((s) => s.phase === phase).map((s) => s.id));
  if (phase) return { label: `${q} schools`, has: (id) => inPhase.has(id) };
  const hub = data.schools.find((s) => s.hub?.toLowerCase() === q)?.hub;
  const inHub = new Set(data.schools.filter((s) => s.hub === hub).map((s) => s.id));
  if (hub) return { label: `the ${hub} hub`, has: (id) => inHub.has(id) };
  const school = findSchool(data, words);
  return { label: school.name, has: (id) => id === school.id };
}

export const overdue: TextCommand = {
  key: 'isap.overdue',
  words: ['isap', 'overdue'],
  usage: 'isap overdue [school, hub or phase] [page N]',
  summary: 'Every overdue action you can see, most overdue first; narrow it to a school, a hub or a phase',
  run(ctx, { cmd, data, person }) {
    const d = today(ctx);
    const { page, rest } = pageArg(cmd.args);
    const filter = overdueFilter(data, rest.join(' '));
    const late = data.isapActions.filter((a) => isOverdue(a, d) && maySeeSchool(person, a.schoolId) && (!filter || filter.has(a.schoolId))).sort(byUrgency(d));
    const bySchool = new Map<string, number>();
    for (const a of late) bySchool.set(a.schoolId, (bySchool.get(a.schoolId) ?? 0) + 1);
    // The schools with most overdue, so a long list still says where the trouble gathers.
    const names = new Map(data.schools.map((s) => [s.id, s.name]));
    const name = (id: string) => names.get(id) ?? id;
    const most = [...bySchool.entries()]
      .sort((x, y) => y[1] - x[1] || name(x[0]).localeCompare(name(y[0])))
      .slice(0, 5)
      .map(([id, n]) => `${name(id)} (${n})`);
    const where = filter ? ` in ${filter.label}` : '';
    const intro = late.length
      ? [
          `Across ${bySchool.size} school${bySchool.size === 1 ? '' : 's'}${where}; most overdue first. Snoozed actions are left out.`,
          bySchool.size > 1 ? `Most overdue actions: ${most.join(', ')}.` : '',
          filter ? '' : 'Narrow it: isap overdue <school, hub or phase>.',
        ].filter(Boolean).join(' ')
      : '';
    const listed: Listed[] = late.map((a) => ({ group: 'Most overdue first', item: () => planItem(data, a, d, ctx.timeZone, true) }));
    const view = planPage(
      late.length ? `${late.length} overdue action${late.length === 1 ? '' : 's'}${where}` : `No overdue actions${where}`,
      intro,
      'Every action you can see is on time.',
      listed,
      page,
      `isap overdue${rest.length ? ` ${rest.join(' ')}` : ''}`,
    );
    return reply(view.card, view.data);
  },
};

export const add: TextCommand = {
  key: 'isap.add',
  words: ['isap', 'add'],
  usage: 'isap add [school]',
  summary: 'A form to add an action to a school\'s plan',
  run(ctx, { cmd, data, person }) {
    const own = schoolsOf(person, 'headteacher');
    let schoolId: string;
    if (cmd.args.length) schoolId = findSchool(data, cmd.args.join(' ')).id;
    else if (own.length === 1) schoolId = own[0]!;
    else throw new AppError('BAD_INPUT', 'Say which school: isap add <school>.', 'For example: isap add Beacon Primary');
    if (!isExec(person) && !hasRole(person, 'headteacher', schoolId)) throw notAllowed('You can add actions only to your own school\'s plan.');
    const people = data.people
      .filter((p) => p.roles.some((g) => g.schoolId === schoolId) || p.id === data.schools.find((s) => s.id === schoolId)?.dosiId)
      .map((p) => ({ id: p.id, name: `${p.name}${p.jobTitle ? `, ${p.jobTitle}` : ''}` }));
    const used = data.isapActions.filter((a) => a.schoolId === schoolId && a.strand).map((a) => a.strand!);
    return outcome([
      { card: 'isap-add', data: { school: schoolName(data, schoolId), schoolId, people, strands: [...new Set([...STRANDS, ...used])], today: today(ctx), lastDue: lastDueDate(trustOf(data).calendar) } },
    ]);
  },
};
