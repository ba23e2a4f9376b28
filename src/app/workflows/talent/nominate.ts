// Steps 1 and 2: a headteacher nominates a member of their own staff, then writes the reference;
// the reference goes to the executive team, who visit next.
import { z } from 'zod';
import { hasRole, PHASES, schoolsOf, type Person, type TalentEntry } from '../../../domain';
import { localDate } from '../../../domain/calendar';
import { isActive, MAX_EXPERTISE, parseExpertise } from '../../../domain/talent-register';
import type { Data } from '../../../store/schema';
import { outcome, type Context, type Notification, type Outcome } from '../../command';
import { AppError, audited, badInput, notAllowed, notFound } from '../../errors';
import { defineAction, type TextCommand } from '../../registry';
import { message, nominateView, note, referenceView, schoolName, STAGE_HEADINGS, visitView } from './views';

const text = (max: number) => z.string().trim().min(1).max(max);

export const NominateInput = z.object({
  schoolId: z.string().trim().optional(),
  name: text(200),
  post: text(200),
  phase: z.enum(PHASES),
  expertise: text(600),
  supportAvailable: z.string().trim().max(2000).default(''),
});

export const ReferenceInput = z.object({ entryId: text(100), reference: text(4000) });

export const nominateCommand: TextCommand = {
  key: 'talent.nominate',
  words: ['talent', 'nominate'],
  usage: 'talent nominate',
  summary: 'Nominate a member of your staff to the talent register',
  run(_ctx, { person, data }) {
    return outcome([nominateView(ownSchools(data, person))]);
  },
};

export const referenceCommand: TextCommand = {
  key: 'talent.reference',
  words: ['talent', 'reference'],
  usage: 'talent reference',
  summary: 'The references you still have to write, one form each',
  run(ctx, { person, data }) {
    const waiting = data.talent.filter((e) => e.stage === 'nominated' && mayReference(person, e));
    if (!waiting.length) return outcome([message('No references to write', '', 'Every nomination you made has its reference.')]);
    return outcome(waiting.slice(0, 10).map((e) => referenceView(data, e, ctx.timeZone)));
  },
};

export const nominateAction = defineAction({
  verb: 'talent.nominate',
  schema: NominateInput,
  run: (ctx, { person }, input) => auditRefusal(ctx, person.id, 'talent.nominate', input.schoolId, () => nominate(ctx, person, input)),
});

async function nominate(ctx: Context, person: Person, input: z.infer<typeof NominateInput>): Promise<Outcome> {
  const expertise = parseExpertise(input.expertise);
  if (!expertise.length) throw badInput('Give at least one area of expertise, separated with commas.');
  if (expertise.length > MAX_EXPERTISE || expertise.some((x) => x.length > 80)) {
    throw badInput(`Give up to ${MAX_EXPERTISE} areas of expertise, each a few words.`);
  }
  const at = ctx.now().toISOString();
  const entry = await ctx.store.transact((draft) => {
    const schoolId = chooseSchool(draft, person, input.schoolId || undefined);
    refuseOtherSchoolsStaff(draft, input.name, schoolId);
    const same = draft.talent.find((e) => e.schoolId === schoolId && e.name.toLowerCase() === input.name.toLowerCase() && isActive(e));
    if (same) {
      throw new AppError('ALREADY_DONE', `${same.name} is already nominated (${STAGE_HEADINGS[same.stage].toLowerCase()}).`, 'Type talent to see where each nomination is.');
    }
    const e: TalentEntry = {
      id: ctx.newId(),
      name: input.name,
      schoolId,
      post: input.post,
      phase: input.phase,
      expertise,
      supportAvailable: input.supportAvailable,
      nominatedById: person.id,
      nominatedAt: at,
      stage: 'nominated',
    };
    draft.talent.push(e);
    return e;
  }, { audit: (entry) => ({ at, actorId: person.id, action: 'talent.nominate', subject: entry.id, outcome: 'ok', detail: { schoolId: entry.schoolId } }) });
  const data = ctx.store.read();
  const done = message(`Nominated: ${entry.name}`, `Next, your reference for ${entry.name} (below). The executive team is told once it is in.`);
  return outcome([done, referenceView(data, entry, ctx.timeZone)]);
}

export const referenceAction = defineAction({
  verb: 'talent.reference',
  schema: ReferenceInput,
  run: (ctx, { person }, input) => auditRefusal(ctx, person.id, 'talent.reference', input.entryId, () => writeReference(ctx, person, input)),
});

async function writeReference(ctx: Context, person: Person, input: z.infer<typeof ReferenceInput>): Promise<Outcome> {
  const at = ctx.now().toISOString();
  const entry = await ctx.store.transact((draft) => {
    const e = draft.talent.find((x) => x.id === input.entryId);
    if (!e) throw notFound('That nomination', 'Type talent reference to see the references you still have to write.');
    if (!mayReference(person, e)) throw notAllowed(`Only the headteacher of ${schoolName(draft, e.schoolId)} writes ${e.name}'s reference.`);
    if (e.stage !== 'nominated') throw new AppError('ALREADY_DONE', `${e.name}'s reference is already in: nothing was changed.`, 'Type talent to see where the nomination is.');
    e.reference = input.reference;
    e.stage = 'referenced';
    return structuredClone(e);
  }, { audit: (entry) => ({ at, actorId: person.id, action: 'talent.reference', subject: entry.id, outcome: 'ok', detail: {} }) });
  const data = ctx.store.read();
  const today = localDate(ctx.now(), ctx.timeZone);
  const visit = visitView(data, entry, ctx.timeZone, today);
  const told: Notification[] = visitors(data, entry.schoolId).map((id) => ({ ...visit, to: { person: id } }));
  const done = message(`Reference sent: ${entry.name}`, 'The executive team will arrange a visit to observe and interview. You will hear the outcome here.');
  return outcome([done], [...told, ...(told.length ? [] : [note(person.id, 'Nobody to arrange the visit', 'The trust has no Director of School Improvement or School Improvement Lead set up: tell your trust office.')])]);
}

/** A refusal inside a handler (another school's staff, someone else's nomination) is audited like the dispatcher's. */
async function auditRefusal(ctx: Context, actorId: string, action: string, subject: string | undefined, run: () => Promise<Outcome>): Promise<Outcome> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof AppError && e.code === 'NOT_ALLOWED') {
      await ctx.store.append('audit', { at: ctx.now().toISOString(), actorId, action, ...(subject ? { subject } : {}), outcome: 'refused', detail: { reason: e.message } });
      audited(e);
    }
    throw e;
  }
}

/** The nominating headteacher, or whoever is headteacher of the school now. */
function mayReference(person: Person, e: TalentEntry): boolean {
  return e.nominatedById === person.id || hasRole(person, 'headteacher', e.schoolId);
}

function ownSchools(data: Readonly<Data>, person: Person) {
  const ids = schoolsOf(person, 'headteacher');
  return data.schools.filter((s) => ids.includes(s.id));
}

function chooseSchool(data: Readonly<Data>, person: Person, asked: string | undefined): string {
  const own = ownSchools(data, person);
  if (asked) {
    if (own.some((s) => s.id === asked)) return asked;
    throw notAllowed(`You can nominate staff of ${own.map((s) => s.name).join(' or ') || 'your own school'} only.`, 'Their own headteacher nominates staff of another school.');
  }
  if (own.length === 1) return own[0]!.id;
  if (!own.length) throw notAllowed('You are not the headteacher of a school in the trust.');
  throw badInput('Choose which of your schools they work at.');
}

/** A name that belongs to someone on another school's staff (and not this one's) is not ours to nominate. */
function refuseOtherSchoolsStaff(data: Readonly<Data>, name: string, schoolId: string): void {
  const same = data.people.filter((p) => p.name.toLowerCase() === name.toLowerCase());
  if (!same.length || same.some((p) => p.roles.some((r) => r.schoolId === schoolId))) return;
  const elsewhere = same.flatMap((p) => p.roles.map((r) => r.schoolId)).filter((s): s is string => Boolean(s));
  if (!elsewhere.length) return;
  throw notAllowed(
    `${name} works at ${schoolName(data, elsewhere[0]!)}, not ${schoolName(data, schoolId)}.`,
    'Their own headteacher nominates them. Nothing was saved.',
  );
}

/** Who arranges the visit: the school's Director of School Improvement, else every DoSI and SIL. */
export function visitors(data: Readonly<Data>, schoolId: string): string[] {
  const dosi = data.schools.find((s) => s.id === schoolId)?.dosiId;
  if (dosi && data.people.some((p) => p.id === dosi)) return [dosi];
  return data.people.filter((p) => p.roles.some((r) => r.role === 'dosi' || r.role === 'sil')).map((p) => p.id);
}
