// What every step of the risk round needs: the trust's framework and calendar, the round of the
// current half term, finding a school the person may see, and recording a placement.
import type { CategoryChange, Framework, HalfTerm, Person, RiskEntry, RiskRound, School, Trust } from '../../../domain';
import { currentOrNextHalfTerm, localDate } from '../../../domain/calendar';
import { hasRole, schoolsOf, seesWholeTrust } from '../../../domain/people';
import { matchSchools, placementLabel } from '../../../domain/risk-rules';
import type { Data } from '../../../store/schema';
import type { Context } from '../../command';
import { AppError, notAllowed, notFound } from '../../errors';

export function trustOf(data: Readonly<Data>): Trust {
  if (!data.trust) throw new AppError('NOT_FOUND', 'No trust is set up yet.', 'Seed the demo trust or import your schools first.');
  return data.trust;
}

export const frameworkOf = (data: Readonly<Data>): Framework => trustOf(data).framework;

export function halfTermNow(data: Readonly<Data>, ctx: Context): HalfTerm {
  return currentOrNextHalfTerm(trustOf(data).calendar, localDate(ctx.now(), ctx.timeZone));
}

export const roundName = (data: Readonly<Data>, h: HalfTerm) => `${h.name} ${trustOf(data).calendar.year}`;

/** The round of the current half term, if opened. */
export function currentRound<D extends Readonly<Data>>(data: D, ctx: Context): D['riskRounds'][number] | undefined {
  const h = halfTermNow(data, ctx);
  return data.riskRounds.find((r) => r.halfTermId === h.id);
}

export function requireRound<D extends Readonly<Data>>(data: D, ctx: Context): D['riskRounds'][number] {
  const r = currentRound(data, ctx);
  if (!r) throw new AppError('NOT_FOUND', `No risk round is open for ${roundName(data, halfTermNow(data, ctx))}.`, 'Your Director of School Improvement opens it with: risk open');
  return r;
}

export function entryOf<R extends RiskRound>(round: R, schoolId: string): R['entries'][number] {
  const e = round.entries.find((x) => x.schoolId === schoolId);
  if (!e) throw notFound('That school in this round', 'It joined after the round opened; ask your DoSI.');
  return e;
}

export function schoolOf<D extends Readonly<Data>>(data: D, id: string): D['schools'][number] {
  const s = data.schools.find((x) => x.id === id);
  if (!s) throw notFound('That school', 'Type risk to see the schools in the round.');
  return s;
}

/** May this person answer for or see this school? The executive and board see every school. */
export function mayActFor(person: Person, school: School): boolean {
  return seesWholeTrust(person) || hasRole(person, 'headteacher', school.id);
}

/** A school by name or URN (forgiving), or the person's own school when nothing was typed. */
export function findSchool(data: Readonly<Data>, person: Person, query: string): School {
  if (!query.trim()) {
    const own = schoolsOf(person, 'headteacher')[0];
    if (own) return schoolOf(data, own);
    throw new AppError('BAD_INPUT', 'Which school?', 'Add the school name or URN, e.g. "beacon" or "140001".');
  }
  const found = matchSchools(data.schools, query);
  if (found.length === 0) throw notFound(`A school matching "${query}"`, 'Try part of its name or its URN; help risk lists the risk commands.');
  if (found.length > 1) {
    throw new AppError('BAD_INPUT', `"${query}" matches ${found.length} schools: ${found.slice(0, 5).map((s) => s.name).join(', ')}${found.length > 5 ? ', …' : ''}.`, 'Type more of the name, or the URN.');
  }
  const school = found[0]!;
  if (!mayActFor(person, school)) throw notAllowed(`You can only do this for your own school, not ${school.name}.`, 'Leave the school out to use your own.');
  return school;
}

/** Who answers and hears the outcome for a school: its headteacher, else its DoSI. */
export const responderFor = (school: School): string | undefined => school.headteacherId ?? school.dosiId;

export interface Placement {
  schoolId: string;
  to: string;
  urgentAction: boolean;
  byId: string;
  rationale: string;
  evidence?: string[];
  approvalId?: string;
  halfTermId?: string;
}

/** Moves (or confirms) a school inside a transaction and records it in categoryHistory. */
export function recordPlacement(draft: Data, ctx: Context, p: Placement): CategoryChange {
  const school = schoolOf(draft, p.schoolId);
  const change: CategoryChange = {
    id: ctx.newId(),
    schoolId: school.id,
    from: school.categoryId,
    to: p.to,
    urgentAction: p.urgentAction,
    at: ctx.now().toISOString(),
    halfTermId: p.halfTermId,
    byId: p.byId,
    rationale: p.rationale,
    evidence: p.evidence ?? [],
    approvalId: p.approvalId,
  };
  school.categoryId = p.to;
  school.urgentAction = p.urgentAction;
  draft.categoryHistory.push(change);
  return change;
}

export const placementOf = (data: Readonly<Data>, school: School) => placementLabel(frameworkOf(data), school.categoryId, school.urgentAction);

/** The round and entry an approval was raised for, if it came from a round. */
export function entryForApproval(draft: Data, approvalId: string): { round: RiskRound; entry: RiskEntry } | undefined {
  for (const round of draft.riskRounds) {
    const entry = round.entries.find((e) => e.approvalId === approvalId || e.dispute?.approvalId === approvalId);
    if (entry) return { round, entry };
  }
  return undefined;
}

export const nameOf = (data: Readonly<Data>, id: string | undefined) => data.people.find((p) => p.id === id)?.name ?? 'someone';

/** Runs a step; a refusal (not allowed) is written to the audit log before it reaches the person. */
export async function auditRefusals<T>(ctx: Context, actorId: string, action: string, subject: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof AppError && e.code === 'NOT_ALLOWED') {
      await ctx.store.append('audit', { at: ctx.now().toISOString(), actorId, action, subject, outcome: 'refused', detail: {} });
    }
    throw e;
  }
}
