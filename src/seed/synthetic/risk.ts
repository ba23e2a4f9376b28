// The risk cycle so far: six half terms of category history (confirmations count, as the bot records
// them), last half term's round closed and published, and this half term's round open with a mix of
// schools not answered, answered with the bot's proposal, with the CEO, and decided.
import type { Approval, CategoryChange, HalfTerm, RiskAnswers, RiskEntry, RiskRound, School } from '../../domain';
import { criterionKey, describeOfsted, latestOfsted, orderedCategories, proposeCategory } from '../../domain';
import { addDays, weekday } from '../../domain/calendar';
import { decisionNeedsCeo, placementLabel, trendOf } from '../../domain/risk-rules';
import type { Gen } from './context';
import type { Random } from './random';

const MOVE_WHY = [
  'attendance has fallen for two half terms',
  'the QA visit found reading teaching inconsistent',
  'outcomes rose across the board and leadership is secure',
  'a new headteacher has settled quickly',
  'behaviour incidents are well down since the policy relaunch',
  'safeguarding review actions are closed',
  'Year 6 outcomes dipped well below comparable schools',
];

export interface RiskPlan {
  history: CategoryChange[];
  rounds: RiskRound[];
  approvals: Approval[];
}

export function makeRisk(gen: Gen, schools: readonly School[]): RiskPlan {
  const rnd = gen.random('risk');
  const ids = orderedCategories(gen.fw).map((c) => c.id);
  const history: CategoryChange[] = [];
  const past = gen.pastHalfTerms;
  const lastChange = new Map<string, CategoryChange>();
  for (const s of schools) {
    // Walk back from where the school is now: most half terms confirm, some move one step.
    const path = [s.categoryId!];
    for (let k = past.length - 1; k > 0; k--) {
      const i = ids.indexOf(path[0]!);
      const step = rnd.chance(0.7) ? 0 : rnd.chance(0.5) ? 1 : -1;
      path.unshift(ids[Math.min(ids.length - 1, Math.max(0, i + step))]!);
    }
    past.forEach((h, k) => {
      const to = path[k]!;
      const from = k ? path[k - 1] : undefined;
      const urgentAction = k === past.length - 1 ? s.urgentAction : to === 'red' && rnd.chance(0.1);
      const change: CategoryChange = {
        id: gen.id('change'),
        schoolId: s.id,
        from,
        to,
        urgentAction,
        at: gen.at(meetingDay(h), '16:00'),
        halfTermId: h.id,
        byId: s.dosiId ?? 'tom',
        rationale: !from
          ? 'Placed at due diligence on joining the trust.'
          : from === to
            ? `Risk meeting confirmed ${s.name} in ${to.toUpperCase()}.`
            : `Risk meeting moved ${s.name} from ${from.toUpperCase()} to ${to.toUpperCase()}: ${rnd.pick(MOVE_WHY)}.`,
        evidence: from ? [`Risk round ${h.name}`, 'Headteacher answers to the category questions'] : ['Due diligence report'],
      };
      history.push(change);
      if (k === past.length - 1) lastChange.set(s.id, change);
    });
  }

  const rounds: RiskRound[] = [];
  const last = past.at(-1);
  if (last) {
    rounds.push({
      id: gen.id('round'),
      halfTermId: last.id,
      openedById: 'tom',
      openedAt: gen.at(addDays(last.start, 7), '08:30'),
      status: 'closed',
      entries: schools.map((s) => {
        const change = lastChange.get(s.id)!;
        const answers = answersFor(gen, rnd, s);
        const p = proposeCategory(gen.fw, answers, change.from);
        return {
          ...answered(s, answers, p, gen.at(addDays(last.start, 12), '12:00')),
          decided: change.to,
          decidedUrgentAction: change.urgentAction,
          decidedById: change.byId,
          rationale: change.rationale,
          changeId: change.id,
          status: 'published' as const,
        };
      }),
    });
  }

  const approvals: Approval[] = [];
  // Opened in the half term's first fortnight, or today when it has only just begun.
  const start = [gen.halfTerm.start, gen.schoolDay(-8)].sort()[1]!;
  const opened = start <= gen.today ? start : gen.today;
  const round: RiskRound = { id: gen.id('round'), halfTermId: gen.halfTerm.id, openedById: 'tom', openedAt: gen.at(opened, '08:30'), status: 'open', entries: [] };
  for (const s of schools) {
    const want = s.id === 'beacon' ? 'answered' : s.id === 'riverside' ? 'awaiting' : rnd.weighted({ awaiting: 30, answered: 35, decided: 25, ceo: 10 });
    if (want === 'awaiting') {
      round.entries.push({ schoolId: s.id, status: 'awaiting-answers', proposedUrgentAction: false, proposalReasons: [], decidedUrgentAction: false });
      continue;
    }
    const answers = answersFor(gen, rnd, s);
    const p = proposeCategory(gen.fw, answers, s.categoryId);
    const answeredAt = gen.at(opened < gen.today ? addDays(opened, rnd.int(0, Math.max(0, dayDiff(opened, gen.today) - 1))) : gen.today, '12:30');
    const entry: RiskEntry = answered(s, answers, p, answeredAt < gen.nowIso ? answeredAt : gen.nowIso);
    round.entries.push(entry);
    if (want === 'answered') continue;
    const from = { categoryId: s.categoryId, urgentAction: s.urgentAction };
    let to = { categoryId: rnd.chance(0.7) ? p.categoryId : s.categoryId!, urgentAction: s.urgentAction || p.urgentAction };
    if (want === 'ceo') to = s.categoryId === 'red' ? { categoryId: 'red', urgentAction: true } : { categoryId: 'red', urgentAction: s.urgentAction };
    const rationale = to.categoryId === s.categoryId ? `No change: ${rnd.pick(MOVE_WHY)}.` : `The meeting agreed ${to.categoryId.toUpperCase()}: ${rnd.pick(MOVE_WHY)}.`;
    Object.assign(entry, { decided: to.categoryId, decidedUrgentAction: to.urgentAction, decidedById: s.dosiId ?? 'tom', rationale });
    if (!decisionNeedsCeo(gen.fw, from, to)) {
      entry.status = 'decided';
      continue;
    }
    const approval = categoryMove(gen, s, entry, round, history, to);
    entry.status = 'awaiting-ceo';
    entry.approvalId = approval.id;
    approvals.push(approval);
  }
  rounds.push(round);
  return { history, rounds, approvals };
}

function answered(s: School, answers: RiskAnswers, p: ReturnType<typeof proposeCategory>, at: string): RiskEntry {
  return {
    schoolId: s.id,
    answers,
    answeredById: s.headteacherId ?? s.dosiId,
    answeredAt: at,
    proposed: p.categoryId,
    proposedUrgentAction: p.urgentAction,
    proposalReason: p.reasons.join('. ') + '.',
    proposalReasons: p.reasons,
    decidedUrgentAction: false,
    status: 'answered',
  };
}

/** Answers in keeping with where the school is: its criteria, its latest Ofsted, attendance near national. */
function answersFor(gen: Gen, rnd: Random, s: School): RiskAnswers {
  const fw = gen.fw;
  const ids = orderedCategories(fw).map((c) => c.id);
  const at = ids.indexOf(s.categoryId!);
  const near = ids[Math.min(ids.length - 1, Math.max(0, at + (rnd.chance(0.75) ? 0 : rnd.chance(0.5) ? 1 : -1)))]!;
  const cat = fw.categories.find((c) => c.id === near)!;
  const criteriaMet = rnd.sample(cat.criteria.map((_, i) => criterionKey(cat.id, i)), rnd.int(1, 2));
  if (s.urgentAction && fw.overlay?.criteria.length) criteriaMet.push(criterionKey(fw.overlay.id, rnd.int(0, fw.overlay.criteria.length - 1)));
  const national = ['secondary', 'all-through', '16-plus'].includes(s.phase) ? 91.0 : 94.5;
  const attendance = Math.round((national - 0.8 * at + rnd.around(0, 2.5)) * 10) / 10;
  return {
    criteriaMet,
    ofsted: latestOfsted(s),
    attendance: Math.min(100, attendance),
    nationalAttendance: national,
    safeguardingConcerns: s.urgentAction && rnd.chance(0.5),
    leadershipChange: rnd.chance(0.08),
    notes: rnd.chance(0.3) ? 'New Year 3 teacher started after half term; phonics lead on maternity leave until Easter.' : '',
  };
}

function categoryMove(gen: Gen, s: School, entry: RiskEntry, round: RiskRound, history: CategoryChange[], to: { categoryId: string; urgentAction: boolean }): Approval {
  const fw = gen.fw;
  const from = placementLabel(fw, s.categoryId, s.urgentAction);
  const label = placementLabel(fw, to.categoryId, to.urgentAction);
  const a = entry.answers!;
  const brings = [...fw.categories.find((c) => c.id === to.categoryId)!.support, ...(to.urgentAction && fw.overlay ? fw.overlay.support : [])];
  return {
    id: gen.id('approval'),
    kind: 'category-move',
    title: to.categoryId === s.categoryId && fw.overlay ? `Put ${s.name} into ${fw.overlay.label} (stays ${placementLabel(fw, to.categoryId)})` : `Move ${s.name} from ${from} to ${label}`,
    schoolId: s.id,
    facts: [
      { title: 'School', value: s.name },
      { title: 'Current category', value: from },
      { title: 'Risk meeting decision', value: label },
      ...(entry.proposed ? [{ title: 'Bot proposal', value: placementLabel(fw, entry.proposed, entry.proposedUrgentAction) }] : []),
      { title: 'Trend', value: trendOf(fw, history.filter((c) => c.schoolId === s.id), s.id) },
      { title: 'Attendance', value: `${a.attendance}% (national ${a.nationalAttendance}%)` },
      { title: 'Ofsted', value: describeOfsted(a.ofsted) },
      { title: 'Safeguarding concerns', value: a.safeguardingConcerns ? 'yes' : 'no' },
    ],
    recommendation: `${entry.rationale} ${label} brings: ${brings.join('; ')}.`,
    cases: [],
    requestedById: entry.decidedById!,
    requestedAt: entry.answeredAt! > round.openedAt ? entry.answeredAt! : round.openedAt,
    deciderRoles: ['ceo', 'deputy-ceo'],
    status: 'pending',
    payload: { schoolId: s.id, from: s.categoryId, to: to.categoryId, urgentAction: to.urgentAction, roundId: round.id, rationale: entry.rationale, halfTermId: round.halfTermId },
  };
}

/** The risk meeting of a half term: its last Wednesday but one. */
function meetingDay(h: HalfTerm): string {
  let d = addDays(h.end, -7);
  while (weekday(d) !== 3) d = addDays(d, -1);
  return d < h.start ? h.start : d;
}

const dayDiff = (a: string, b: string) => Math.round((Date.parse(`${b}T12:00:00Z`) - Date.parse(`${a}T12:00:00Z`)) / 86_400_000);
