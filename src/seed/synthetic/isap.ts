// About thirty ISAP actions per school: a quarter overdue (escalated as far as the ladder would have
// gone, so the first daily run sends nothing new), some complete with evidence, a few snoozed, and
// the odd extension waiting for a decision.
import type { Approval, IsapAction, Person, School } from '../../domain';
import { addDays } from '../../domain/calendar';
import { extensionDeciders, lastDueDate } from '../../domain/isap-rules';
import { formatDate } from '../../app/views/format';
import type { Gen } from './context';
import { ACTIONS } from './words';

const QUALIFIERS = ['', '', '', ' in Key Stage 1', ' in Key Stage 2', ' (follow-up from the QA visit)', ' before the next risk meeting', ' with the hub lead', ' for the spring data drop'];
const EVIDENCE = [
  'Moderated 30 scripts with a partner school; judgements agreed in 27.',
  'Attendance up 1.2 points on the same half term last year.',
  'Drop-ins show the new approach in 9 of 10 classrooms.',
  'Governors minuted the visit; report on the website.',
  'Evidence filed in the ISAP folder; reviewed at the QA visit.',
];
const RAG_BY_CATEGORY: Record<string, Record<IsapAction['rag'], number>> = {
  green: { green: 65, amber: 28, red: 7 },
  yellow: { green: 45, amber: 40, red: 15 },
  amber: { green: 30, amber: 45, red: 25 },
  red: { green: 20, amber: 40, red: 40 },
};

export function makeActions(gen: Gen, schools: readonly School[], staffOf: ReadonlyMap<string, Person[]>): { actions: IsapAction[]; approvals: Approval[] } {
  const rnd = gen.random('isap');
  const actions: IsapAction[] = [];
  const approvals: Approval[] = [];
  const yearStart = gen.calendar.halfTerms[0]!.start;
  const lastDue = lastDueDate(gen.calendar);
  const [, , , ceoRung] = gen.settings.escalationDays;
  for (const s of schools) {
    const staff = staffOf.get(s.id) ?? [];
    const head = s.headteacherId ? staff[0] : undefined;
    const slt = staff.filter((p) => /^(Deputy|Assistant) Headteacher|^SENDCO/.test(p.jobTitle ?? ''));
    const strands = Object.keys(ACTIONS).filter((k) => k !== 'Early Years' || ['primary', 'nursery', 'all-through'].includes(s.phase));
    const count = Math.max(10, Math.round(rnd.around(30, 7)));
    for (let i = 0; i < count; i++) {
      const strand = rnd.pick(strands);
      const owner =
        s.id === 'beacon' && i < 4 ? staff.find((p) => p.id === 'jo')! : rnd.chance(0.25) && head ? head : rnd.chance(0.45) && slt.length ? rnd.pick(slt) : rnd.pick(staff);
      const kind = i < 2 && s.id === 'beacon' ? 'overdue' : rnd.weighted({ overdue: 25, complete: 15, open: 60 });
      const createdAt = gen.at(addDays(gen.today, -rnd.int(20, 160)));
      const base = {
        id: gen.id('action'),
        schoolId: s.id,
        title: rnd.pick(ACTIONS[strand]!) + rnd.pick(QUALIFIERS),
        strand,
        ownerId: owner.id,
        extensions: [],
        createdAt: createdAt < gen.nowIso ? createdAt : gen.nowIso,
        ...(rnd.chance(0.1) ? { source: `risk round ${gen.pastHalfTerms.at(-1)?.name ?? 'last half term'}` } : {}),
      };
      let a: IsapAction;
      if (kind === 'overdue') {
        const due = gen.onSchoolDay(addDays(gen.today, -rnd.int(1, 50)));
        const dueOk = due < gen.today && due >= yearStart ? due : addDays(gen.today, -1);
        const days = gen.schoolDaysBetween(dueOk, gen.today);
        const level = gen.settings.escalationDays.filter((d) => days >= d && days > 0).length;
        a = { ...base, due: dueOk, status: 'open', rag: rnd.weighted({ red: 55, amber: 35, green: 10 }), escalationLevel: level, remindedFor: dueOk };
        if (rnd.chance(0.04)) Object.assign(a, { snoozedUntil: addDays(gen.today, rnd.int(2, 10)), snoozeReason: 'Waiting for the LA attendance data' });
        if (days >= ceoRung && rnd.chance(0.3)) a.notes = [{ at: gen.at(addDays(gen.today, -2), '16:10'), byId: owner.id, text: 'Started; staff training booked for next week.' }];
      } else if (kind === 'complete') {
        const due = gen.onSchoolDay(addDays(gen.today, rnd.int(-60, 20)));
        const done = addDays(gen.today, -rnd.int(1, 30));
        a = { ...base, due, status: 'complete', rag: rnd.weighted({ green: 75, amber: 20, red: 5 }), escalationLevel: 0, completedAt: gen.at(done, '15:30'), evidence: rnd.pick(EVIDENCE) };
      } else {
        let due = gen.onSchoolDay(addDays(gen.today, rnd.int(1, 110)));
        if (due <= gen.today) due = gen.schoolDay(rnd.int(1, 5));
        if (due > lastDue) due = gen.onSchoolDay(lastDue);
        const soon = gen.schoolDaysBetween(gen.today, due) <= gen.settings.reminderDaysBefore;
        a = { ...base, due, status: 'open', rag: rnd.weighted(RAG_BY_CATEGORY[s.categoryId ?? 'green']!), escalationLevel: 0, ...(soon ? { remindedFor: due } : {}) };
      }
      actions.push(a);
      // One open action in two hundred asks for more time; long ones are the CEO's to decide.
      if (a.status === 'open' && !a.snoozedUntil && rnd.chance(0.005)) approvals.push(extensionFor(gen, s, a, owner, lastDue, rnd.int(5, 35)));
    }
  }
  return { actions, approvals };
}

function extensionFor(gen: Gen, s: School, a: IsapAction, owner: Person, lastDue: string, extra: number): Approval {
  const from = a.due > gen.today ? a.due : gen.today;
  let newDue = gen.onSchoolDay(addDays(from, Math.round(extra * 1.4)));
  if (newDue <= from) newDue = addDays(from, 7);
  if (newDue > lastDue) newDue = lastDue;
  const schoolDays = gen.schoolDaysBetween(a.due, newDue);
  const approvalId = gen.id('approval');
  const extensionId = gen.id('extension');
  const requestedAt = gen.at(addDays(gen.today, -(extra % 6) - 1), '17:20');
  const reason = 'Staff absence this half term; the training day it depends on moved.';
  a.extensions.push({ id: extensionId, requestedById: owner.id, requestedAt, newDue, reason, schoolDays, status: 'pending', approvalId });
  return {
    id: approvalId,
    kind: 'isap-extension',
    title: `More time for "${a.title}" (${s.name})`,
    schoolId: s.id,
    facts: [
      { title: 'School', value: s.name },
      { title: 'Owner', value: owner.name },
      { title: 'Due', value: formatDate(a.due) },
      { title: 'Asked for', value: `${formatDate(newDue)} (${schoolDays} more school day${schoolDays === 1 ? '' : 's'})` },
      { title: 'Reason', value: reason },
      { title: 'RAG', value: a.rag.toUpperCase() },
    ],
    recommendation: '',
    cases: [],
    requestedById: owner.id,
    requestedAt,
    deciderRoles: extensionDeciders(schoolDays, gen.settings),
    status: 'pending',
    payload: { actionId: a.id, extensionId, newDue },
  };
}
