// A person's own open items, for Slack's App Home tab and the playground: their ISAP actions
// (overdue first), decisions waiting for them, open surveys for them, forums they have not
// answered. Pure: (data, person, now) → View.
import type { Person } from '../../domain';
import { isOverdue, RAG_LABELS } from '../../domain/isap';
import { audienceSchoolOf } from '../../domain/surveys-answers';
import { rolesOf } from '../../domain/people';
import type { Data } from '../../store/schema';
import type { View } from '../command';
import { formatDate, formatWhen } from './format';
import { localDate } from '../../domain/calendar';

/** Each list shows this many and says how many more; keeps the Home tab within Slack's 100 blocks. */
export const HOME_LIST_MAX = 12;

interface Item {
  title: string;
  detail: string;
}

/**
 * `answered(surveyId)` says whether the person has answered a survey (a keyed-hash look-up the caller
 * does, since only the dispatcher's context holds the key); answered surveys are not listed.
 */
export function homeView(data: Readonly<Data>, person: Person, now: Date, timeZone: string, answered: (surveyId: string) => boolean = () => false): View {
  const today = localDate(now, timeZone);
  const school = (id: string) => data.schools.find((s) => s.id === id)?.name ?? id;
  const roles = rolesOf(person);

  const actions = data.isapActions
    .filter((a) => a.ownerId === person.id && a.status === 'open')
    .map((a) => ({ a, overdue: isOverdue(a, today) }))
    .sort((x, y) => Number(y.overdue) - Number(x.overdue) || x.a.due.localeCompare(y.a.due))
    .map(({ a, overdue }) => ({
      title: a.title,
      detail: `${school(a.schoolId)} · ${overdue ? 'overdue since' : 'due'} ${formatDate(a.due)} · ${RAG_LABELS[a.rag]}${a.snoozedUntil && a.snoozedUntil >= today ? ` · snoozed until ${formatDate(a.snoozedUntil)}` : ''}`,
    }));

  // The risk round waiting for this person's answers comes first: the meeting cannot place the school without them.
  const round = data.riskRounds.find((r) => r.status === 'open');
  const halfTerm = round && data.trust?.calendar.halfTerms.find((h) => h.id === round.halfTermId)?.name;
  const riskAsks: Item[] = (round?.entries ?? [])
    .filter((e) => e.status === 'awaiting-answers')
    .map((e) => data.schools.find((s) => s.id === e.schoolId))
    .filter((s): s is NonNullable<typeof s> => Boolean(s) && (s!.headteacherId ?? s!.dosiId) === person.id)
    .map((s) => ({ title: `Answer the risk round questions for ${s.name}`, detail: `${halfTerm ?? 'This half term'} · type risk answer` }));

  const decisions = data.approvals
    .filter((a) => a.status === 'pending' && a.deciderRoles.some((r) => roles.includes(r)))
    .sort((a, b) => a.requestedAt.localeCompare(b.requestedAt))
    .map((a) => ({ title: a.title, detail: `Raised ${formatWhen(a.requestedAt, timeZone)}` }));

  const allSchools = data.schools.map((s) => s.id);
  const surveys = data.surveys
    .filter((s) => s.status === 'open' && (!s.closesOn || s.closesOn >= today))
    .filter((s) => audienceSchoolOf(person, s, allSchools) && !answered(s.id))
    .map((s) => ({ title: s.title, detail: s.closesOn ? `Open until ${formatDate(s.closesOn)} · anonymous` : 'Open · anonymous' }));

  const forums = data.forums
    .filter((f) => f.startsAt > now.toISOString() && f.invites.some((i) => i.personId === person.id && !i.rsvp))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
    .map((f) => {
      const expected = f.invites.find((i) => i.personId === person.id)?.expected;
      return { title: f.title, detail: `${formatWhen(f.startsAt, timeZone)}${f.location ? `, ${f.location}` : ''}${expected ? ' · you are expected to attend' : ''}` };
    });

  const overdue = actions.filter((a) => a.detail.includes('overdue since')).length;
  return {
    card: 'home',
    data: {
      title: `${person.name.split(' ')[0]}, your open items`,
      intro: `${formatDate(today)}. ${overdue ? `${overdue} overdue action${overdue === 1 ? '' : 's'}. ` : ''}Type help for everything else.`,
      actions: list([...riskAsks, ...actions], 'isap'),
      decisions: list(decisions, 'approvals'),
      surveys: list(surveys, 'survey'),
      forums: list(forums, 'forum'),
    },
  };
}

/** The first few of a list, and what to type for all of them. */
function list(items: Item[], command: string) {
  const more = items.length - HOME_LIST_MAX;
  return { items: items.slice(0, HOME_LIST_MAX), count: items.length, more: more > 0 ? `…and ${more} more: type ${command}` : '' };
}
