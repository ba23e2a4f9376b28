// The ISAP text commands: my actions, a school's plan, the add form, and an action's card.
import { localDate } from '../../../domain/calendar';
import { isOverdue } from '../../../domain/isap';
import { byUrgency, isDueSoon, lastDueDate } from '../../../domain/isap-rules';
import { hasRole, schoolsOf } from '../../../domain/people';
import type { Data } from '../../../store/schema';
import { outcome, reply, type Context, type Request } from '../../command';
import { AppError, audited, notAllowed } from '../../errors';
import type { TextCommand } from '../../registry';
import { findSchool, isExec, maySeeSchool, schoolName } from './scope';
import { planItem, planView, type PlanGroup } from './views';

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
  usage: 'isap [school]',
  summary: 'Your ISAP actions due soon and overdue; with a school, its whole plan',
  run(ctx, req) {
    if (req.cmd.args.length) return schoolPlan(ctx, req, req.cmd.args.join(' '));
    const { data, person } = req;
    const cal = trustOf(data).calendar;
    const d = today(ctx);
    const mineOpen = data.isapActions.filter((a) => a.ownerId === person.id && a.status === 'open').sort(byUrgency(d));
    const overdue = mineOpen.filter((a) => isOverdue(a, d));
    const soon = mineOpen.filter((a) => !isOverdue(a, d) && isDueSoon(cal, a, d, SOON_SCHOOL_DAYS));
    const later = mineOpen.length - overdue.length - soon.length;
    const groups: PlanGroup[] = [
      { name: `Overdue (${overdue.length})`, items: overdue.map((a) => planItem(data, a, d, ctx.timeZone, true)) },
      { name: `Due in the next two weeks (${soon.length})`, items: soon.map((a) => planItem(data, a, d, ctx.timeZone, true)) },
    ];
    const intro = [later ? `${later} more due later.` : '', schoolsOf(person).length ? `Type isap ${schoolName(data, schoolsOf(person)[0]!)} for the whole plan.` : 'Type isap <school> for a school\'s plan, or isap overdue for every overdue action.']
      .filter(Boolean)
      .join(' ');
    const view = planView(overdue.length ? `${overdue.length} of your actions overdue` : "Your ISAP actions", intro, "Nothing of yours is overdue or due in the next two weeks.", groups);
    return reply(view.card, view.data);
  },
};

async function schoolPlan(ctx: Context, { data, person }: Request, words: string) {
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
  // Open actions first within each strand; completed ones after, so the plan reads as a record too.
  const groups = strands.map((s) => ({
    name: s,
    items: [...open, ...actions.filter((a) => a.status === 'complete')].filter((a) => (a.strand ?? 'No strand') === s).map((a) => planItem(data, a, d, ctx.timeZone, false)),
  }));
  const view = planView(`ISAP: ${school.name}`, `${open.length} open, ${overdue} overdue, ${actions.length - open.length} complete.`, 'This school has no ISAP actions yet. Type isap add to add one.', groups);
  return reply(view.card, view.data);
}

export const overdue: TextCommand = {
  key: 'isap.overdue',
  words: ['isap', 'overdue'],
  usage: 'isap overdue',
  summary: 'Every overdue action you can see, school by school, most overdue first',
  run(ctx, { data, person }) {
    const d = today(ctx);
    const mineToSee = (schoolId: string) => maySeeSchool(person, schoolId);
    const late = data.isapActions.filter((a) => isOverdue(a, d) && mineToSee(a.schoolId)).sort(byUrgency(d));
    const bySchool = new Map<string, typeof late>();
    for (const a of late) bySchool.set(a.schoolId, [...(bySchool.get(a.schoolId) ?? []), a]);
    const groups = [...bySchool.entries()]
      .sort((x, y) => y[1].length - x[1].length || schoolName(data, x[0]).localeCompare(schoolName(data, y[0])))
      .map(([id, list]) => ({ name: `${schoolName(data, id)} (${list.length})`, items: list.map((a) => planItem(data, a, d, ctx.timeZone, false)) }));
    const view = planView(
      late.length ? `${late.length} overdue action${late.length === 1 ? '' : 's'}` : 'No overdue actions',
      late.length ? `Across ${bySchool.size} school${bySchool.size === 1 ? '' : 's'}. Snoozed actions are left out.` : '',
      'Every action you can see is on time.',
      groups,
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
