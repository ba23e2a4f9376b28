// `risk answer [school]` shows the category questions; the `risk.answer` action stores the answers
// and replies with the bot's proposed category and why.
import { z } from 'zod';
import { describeOfsted, OFSTED_LEGACY, REPORT_CARD_AREAS, REPORT_CARD_GRADES, type OfstedOutcome, type Person, type RiskAnswers, type RiskRound, type School } from '../../../domain';
import { latestOfsted } from '../../../domain/schools';
import { criterionKey, criterionOf, proposeCategory } from '../../../domain/risk-proposal';
import { categoryTag, placementLabel } from '../../../domain/risk-rules';
import type { Data } from '../../../store/schema';
import { outcome, reply, type Context, type View } from '../../command';
import { AppError, badInput } from '../../errors';
import { defineAction, type CardAction, type TextCommand } from '../../registry';
import { auditRefusals, entryOf, findSchool, frameworkOf, halfTermNow, mayActFor, placementOf, requireRound, roundName, schoolOf, trustOf } from './shared';

const AREA_LABELS: Record<(typeof REPORT_CARD_AREAS)[number], string> = {
  inclusion: 'Inclusion',
  'curriculum-and-teaching': 'Curriculum and teaching',
  achievement: 'Achievement',
  'attendance-and-behaviour': 'Attendance and behaviour',
  'personal-development-and-wellbeing': 'Personal development and well-being',
  'leadership-and-governance': 'Leadership and governance',
  'early-years': 'Early years (where present)',
  'sixth-form': 'Sixth form (where present)',
};

/** Report-card areas that apply to the school's phase: early years and sixth form only where present. */
function areasFor(school: School): (typeof REPORT_CARD_AREAS)[number][] {
  const early = ['nursery', 'primary', 'all-through', 'special'].includes(school.phase);
  const sixth = ['secondary', 'all-through', '16-plus', 'special'].includes(school.phase);
  return REPORT_CARD_AREAS.filter((a) => (a === 'early-years' ? early : a === 'sixth-form' ? sixth : true));
}

/** The national attendance the trust gave for the school's phase, if it did. */
export function nationalFor(data: Readonly<Data>, school: School): number | undefined {
  return trustOf(data).settings.nationalAttendance[school.phase];
}

/**
 * The category questions for one school, pre-filled with what the trust already knows: criteria in a
 * group per category (each with its colour, never cut), only the inspection inputs of the kind on
 * record (the other kind one tap away), and the national attendance figure when the trust gave it.
 */
export function questionsView(data: Readonly<Data>, ctx: Context, round: RiskRound, school: School): View {
  const fw = frameworkOf(data);
  const previous = entryOf(round, school.id).answers ?? lastAnswers(data, school.id);
  const ofsted = previous?.ofsted ?? latestOfsted(school);
  const cats = [...fw.categories].sort((a, b) => a.rank - b.rank).concat(fw.overlay ? [fw.overlay] : []);
  const picked = new Set(previous?.criteriaMet ?? []);
  const yesNo = (b: boolean | undefined) => (b === undefined ? '' : b ? 'yes' : 'no');
  const national = nationalFor(data, school);
  const scheme = ofsted ? ofsted.scheme : 'none';
  return {
    card: 'risk-questions',
    data: {
      schoolId: school.id,
      roundId: round.id,
      schoolName: school.name,
      halfTerm: roundName(data, halfTermNow(data, ctx)),
      current: placementOf(data, school),
      intro: 'Your answers give the risk meeting a proposed category; the meeting confirms or moves it.',
      criteriaGroups: cats
        .filter((c) => c.criteria.length)
        .map((c) => {
          const keys = c.criteria.map((_, i) => criterionKey(c.id, i));
          return {
            id: `criteria-${c.id}`,
            label: categoryTag(fw, c),
            value: keys.filter((k) => picked.has(k)).join(','),
            choices: c.criteria.map((text, i) => ({ title: text, value: keys[i]! })),
          };
        }),
      ofstedScheme: scheme,
      onRecord: ofsted ? `On record: ${describeOfsted(ofsted)}.` : 'No inspection on record.',
      ofstedDate: ofsted?.date ?? '',
      ofstedOverall: ofsted?.scheme === 'legacy' ? ofsted.overall : '',
      showLegacy: scheme === 'legacy',
      showReportCard: scheme === 'report-card',
      otherKind: scheme === 'legacy' ? 'Show report-card grades instead' : scheme === 'report-card' ? 'Show the overall judgement instead' : 'Enter an inspection',
      grades: areasFor(school).map((a) => ({ id: `grade-${a}`, label: AREA_LABELS[a], value: ofsted?.scheme === 'report-card' ? (ofsted.grades[a] ?? '') : '' })),
      ofstedSafeguarding: ofsted?.scheme === 'report-card' ? (ofsted.safeguardingMet ? 'met' : 'not-met') : '',
      attendance: previous ? String(previous.attendance) : '',
      national: national === undefined ? '' : `National attendance for ${school.phase.replace(/-/g, ' ')} schools: ${national}% (given by the trust).`,
      nationalAttendance: national === undefined && previous ? String(previous.nationalAttendance) : '',
      safeguardingConcerns: yesNo(previous?.safeguardingConcerns),
      leadershipChange: yesNo(previous?.leadershipChange),
      notes: previous?.notes ?? '',
    },
  };
}

function lastAnswers(data: Readonly<Data>, schoolId: string): RiskAnswers | undefined {
  const rounds = [...data.riskRounds].sort((a, b) => b.openedAt.localeCompare(a.openedAt));
  for (const r of rounds) {
    const a = r.entries.find((e) => e.schoolId === schoolId)?.answers;
    if (a) return a;
  }
  return undefined;
}

// Card inputs arrive as strings ("93.4", "yes", "a#1,b#2"); the API and tests may send the real types.
const blank = z.literal('').transform(() => undefined);
const optional = <T extends z.ZodType>(s: T) => z.union([blank, s]).optional();
const percent = z
  .union([z.number(), z.string()], { error: 'a percentage such as 93.4' })
  .transform((v, c) => {
    const n = typeof v === 'number' ? v : /^\s*\d{1,3}(\.\d+)?\s*$/.test(v) ? Number(v) : NaN;
    if (Number.isNaN(n)) c.addIssue({ code: 'custom', message: 'a percentage such as 93.4' });
    return n;
  })
  .pipe(z.number().min(0, 'a percentage from 0 to 100').max(100, 'a percentage from 0 to 100'));
const yesNo = z.union([z.boolean(), z.enum(['yes', 'no']).transform((v) => v === 'yes')]);
const list = z.union([z.array(z.string()), z.string().transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))]);

const gradeFields = Object.fromEntries(REPORT_CARD_AREAS.map((a) => [`grade-${a}`, optional(z.enum(REPORT_CARD_GRADES))])) as Record<
  `grade-${(typeof REPORT_CARD_AREAS)[number]}`,
  z.ZodOptional<z.ZodUnion<[typeof blank, z.ZodEnum<{ [K in (typeof REPORT_CARD_GRADES)[number]]: K }>]>>
>;

/** Criteria arrive in one input per category (`criteria-amber`); older cards and the API send `criteria`. */
function gatherCriteria(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const o = raw as Record<string, unknown>;
  const groups = Object.keys(o).filter((k) => k.startsWith('criteria-'));
  if (!groups.length) return raw;
  const parts = [o.criteria, ...groups.map((k) => o[k])].flatMap((v) => (Array.isArray(v) ? v : typeof v === 'string' ? v.split(',') : []));
  return { ...o, criteria: parts.map(String).map((x) => x.trim()).filter(Boolean) };
}

export const AnswerInput = z.preprocess(gatherCriteria, z
  .object({
    schoolId: z.string().min(1),
    roundId: z.string().min(1),
    criteria: list.default([]),
    ofstedScheme: z.enum(['legacy', 'report-card', 'none']),
    ofstedDate: optional(z.iso.date()),
    ofstedOverall: optional(z.enum(OFSTED_LEGACY)),
    ofstedSafeguarding: optional(z.enum(['met', 'not-met'])),
    ...gradeFields,
    attendance: percent,
    /** Left out when the trust gave the national figure for the school's phase. */
    nationalAttendance: optional(percent),
    safeguardingConcerns: yesNo,
    leadershipChange: yesNo,
    notes: z.string().trim().max(2000).default(''),
  })
  .superRefine((v, c) => {
    if (v.ofstedScheme === 'none') return;
    if (!v.ofstedDate) c.addIssue({ code: 'custom', path: ['ofstedDate'], message: 'give the date of the inspection' });
    if (v.ofstedScheme === 'legacy' && !v.ofstedOverall) c.addIssue({ code: 'custom', path: ['ofstedOverall'], message: 'give the overall judgement' });
    if (v.ofstedScheme === 'report-card') {
      if (!v.ofstedSafeguarding) c.addIssue({ code: 'custom', path: ['ofstedSafeguarding'], message: 'say whether safeguarding was met' });
      if (!REPORT_CARD_AREAS.some((a) => v[`grade-${a}`])) c.addIssue({ code: 'custom', path: ['grade-inclusion'], message: 'give at least one report-card grade' });
    }
  }));
type AnswerInput = z.infer<typeof AnswerInput>;

function toAnswers(v: AnswerInput, nationalAttendance: number): RiskAnswers {
  let ofsted: OfstedOutcome | undefined;
  if (v.ofstedScheme === 'legacy') ofsted = { scheme: 'legacy', date: v.ofstedDate!, overall: v.ofstedOverall! };
  if (v.ofstedScheme === 'report-card') {
    const grades = Object.fromEntries(REPORT_CARD_AREAS.flatMap((a) => (v[`grade-${a}`] ? [[a, v[`grade-${a}`]]] : [])));
    ofsted = { scheme: 'report-card', date: v.ofstedDate!, grades, safeguardingMet: v.ofstedSafeguarding === 'met' };
  }
  return {
    criteriaMet: [...new Set(v.criteria)],
    ofsted,
    attendance: v.attendance,
    nationalAttendance,
    safeguardingConcerns: v.safeguardingConcerns,
    leadershipChange: v.leadershipChange,
    notes: v.notes,
  };
}

export const answerCommand: TextCommand = {
  key: 'risk.questions',
  words: ['risk', 'answer'],
  usage: 'risk answer [school]',
  summary: "Answer this half term's category questions for your school",
  run(ctx, { person, data, cmd }) {
    const round = requireRound(data, ctx);
    const school = findSchool(data, person, cmd.args.join(' '));
    const view = questionsView(data, ctx, round, school);
    return reply(view.card, view.data);
  },
};

export const answerAction: CardAction = defineAction({
  verb: 'risk.answer',
  schema: AnswerInput,
  async run(ctx, { person, data }, input) {
    const national = input.nationalAttendance ?? nationalFor(data, schoolOf(data, input.schoolId));
    if (national === undefined) throw badInput('That card could not be used: nationalAttendance: give the national attendance figure for your phase (a percentage such as 94.0).');
    const answers = toAnswers(input, national);
    const result = await auditRefusals(ctx, person.id, 'risk.answer', input.schoolId, () => ctx.store.transact((draft) => {
      const round = requireRound(draft, ctx);
      if (round.id !== input.roundId) throw new AppError('ALREADY_DONE', 'That card is from an earlier risk round: nothing was changed.', 'Type risk answer for this half term\'s questions.');
      const school = schoolOf(draft, input.schoolId);
      assertMayAnswer(person, school);
      const fw = frameworkOf(draft);
      const unknown = answers.criteriaMet.filter((k) => !criterionOf(fw, k));
      if (unknown.length) throw badInput(`That card could not be used: criteria: ${unknown.join(', ')} is not one of the trust's criteria.`);
      const entry = entryOf(round, school.id);
      if (!['awaiting-answers', 'answered'].includes(entry.status)) {
        throw new AppError('ALREADY_DONE', `The risk meeting has already decided ${school.name}: your answers were not changed.`, 'Speak to your Director of School Improvement if something has changed since.');
      }
      const p = proposeCategory(fw, answers, school.categoryId);
      Object.assign(entry, {
        answers,
        answeredById: person.id,
        answeredAt: ctx.now().toISOString(),
        proposed: p.categoryId,
        proposedUrgentAction: p.urgentAction,
        proposalReason: p.reasons.join('. ') + '.',
        proposalReasons: p.reasons,
        status: 'answered' as const,
      });
      return { school: structuredClone(school), proposal: p, label: placementLabel(fw, p.categoryId, p.urgentAction) };
    }, { audit: (result) => ({ at: ctx.now().toISOString(), actorId: person.id, action: 'risk.answer', subject: result.school.id, outcome: 'ok', detail: { proposed: result.proposal.categoryId, urgentAction: result.proposal.urgentAction } }) }));
    return outcome([
      {
        card: 'list',
        data: {
          title: `Proposed for ${result.school.name}: ${result.label}`,
          intro: `Thank you, your answers are in. The bot proposes ${result.label} because:`,
          empty: '',
          items: [
            ...result.proposal.reasons.map((r) => ({ title: r, detail: '' })),
            { title: 'What happens next', detail: 'The risk meeting confirms or moves the proposal. You will hear the outcome when it is published.' },
          ],
        },
        replace: true,
      },
    ]);
  },
});

function assertMayAnswer(person: Person, school: School): void {
  if (!mayActFor(person, school)) {
    throw new AppError('NOT_ALLOWED', `You can only answer for your own school, not ${school.name}: nothing was changed.`, 'Type risk answer to get your own school\'s questions.');
  }
}
