// Who may see and change which ISAP actions: the role is checked by the dispatcher, the scope here.
// Staff: actions they own. Headteachers: their school. The executive team: every school.
import type { IsapAction, Person, School } from '../../../domain';
import { hasRole, schoolsOf, seesWholeTrust } from '../../../domain/people';
import type { Data } from '../../../store/schema';
import type { Context } from '../../command';
import { lookup } from '../../lookup';
import { AppError, audited, notFound } from '../../errors';

const EXEC = ['ceo', 'deputy-ceo', 'dosi', 'sil'] as const;

export function isExec(person: Person): boolean {
  return person.roles.some((g) => (EXEC as readonly string[]).includes(g.role));
}

export function maySeeSchool(person: Person, schoolId: string): boolean {
  return seesWholeTrust(person) || schoolsOf(person).includes(schoolId);
}

export function mayChange(person: Person, a: IsapAction): boolean {
  return isExec(person) || hasRole(person, 'headteacher', a.schoolId) || a.ownerId === person.id;
}

/** Finds an action the person may change, or throws; a refusal is audited and changes nothing. */
export async function actionFor(ctx: Context, data: Readonly<Data>, person: Person, actionId: string, verb: string): Promise<IsapAction> {
  const a = data.isapActions.find((x) => x.id === actionId);
  if (!a) throw notFound('That ISAP action', 'It may have been removed. Type isap to see your actions.');
  if (!mayChange(person, a)) {
    await ctx.store.append('audit', { at: ctx.now().toISOString(), actorId: person.id, action: verb, subject: a.id, outcome: 'refused', detail: { schoolId: a.schoolId } });
    const why = maySeeSchool(person, a.schoolId) ? 'You can change only the actions you own.' : 'That action belongs to another school.';
    throw audited(new AppError('NOT_ALLOWED', `${why} Nothing was changed.`, 'Ask your headteacher or the Director of School Improvement.'));
  }
  return a;
}

/** A school named by id, URN or (part of) its name; one match or a clear answer. */
export function findSchool(data: Readonly<Data>, words: string): School {
  const q = words.trim().toLowerCase();
  const exact = data.schools.find((s) => s.id === q || s.urn === q || s.name.toLowerCase() === q);
  if (exact) return exact;
  const some = data.schools.filter((s) => s.name.toLowerCase().includes(q));
  if (some.length === 1) return some[0]!;
  if (some.length > 1) throw new AppError('BAD_INPUT', `"${words}" matches ${some.length} schools: ${some.slice(0, 5).map((s) => s.name).join(', ')}.`, 'Type more of the name.');
  throw notFound(`A school called "${words}"`, 'Use the school name or its URN.');
}

export function schoolName(data: Readonly<Data>, id: string): string {
  return lookup(data.schools, 'id', (s) => s.id, id)?.name ?? id;
}
