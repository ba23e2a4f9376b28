// Who may manage a survey and whose results they may read.
import type { Person, School, Survey } from '../../../domain';
import { schoolsOf, seesWholeTrust } from '../../../domain/people';
import type { Data } from '../../../store/schema';
import { AppError, badInput, notAllowed, notFound } from '../../errors';

const EXEC = ['ceo', 'deputy-ceo', 'dosi', 'sil'];

export const isExec = (p: Person) => p.roles.some((g) => EXEC.includes(g.role));

export function findSurvey(data: Readonly<Data>, id: string | undefined): Survey {
  if (!id) throw badInput('Say which survey: its id is on its card and in the list.', 'Type survey to see the surveys you manage.');
  const s = data.surveys.find((x) => x.id === id.toLowerCase());
  if (!s) throw notFound(`Survey "${id}"`, 'Type survey to see the surveys you can answer or manage.');
  return s;
}

/** The executive team manages every survey; a headteacher the ones they created. */
export function assertManages(person: Person, survey: Survey): void {
  if (isExec(person) || survey.createdById === person.id) return;
  throw notAllowed('Only the executive team or the person who created a survey may open or close it.');
}

/** A school by id, or by name typed in full or as its start ("st marys", "Beacon"). */
export function resolveSchool(data: Readonly<Data>, words: string[]): School {
  const typed = words.join(' ').trim().toLowerCase();
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  const found =
    data.schools.find((s) => s.id === typed) ??
    data.schools.find((s) => norm(s.name) === norm(typed)) ??
    data.schools.find((s) => norm(s.name).startsWith(norm(typed)));
  if (!found) throw badInput(`There is no school "${words.join(' ')}".`, 'Use the school id (such as beacon) or the start of its name.');
  return found;
}

/**
 * 'trust' or the school whose results this person may see. The executive team and the board see
 * the trust and any school; a headteacher only their own school.
 */
export function resultsScope(data: Readonly<Data>, person: Person, survey: Survey, words: string[]): string {
  const asked = words.length ? resolveSchool(data, words).id : undefined;
  if (seesWholeTrust(person)) return asked ?? 'trust';
  const own = schoolsOf(person, 'headteacher');
  const school = asked ?? own[0];
  if (!school || !own.includes(school)) throw notAllowed('Headteachers see the results of their own school only.', 'Type survey results <id> for your school.');
  if (!(school in survey.invited)) throw new AppError('NOT_FOUND', `"${survey.title}" was not sent to your school.`, 'Type survey to see the surveys you manage.');
  return school;
}
