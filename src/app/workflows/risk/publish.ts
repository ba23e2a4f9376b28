// `risk publish`: every decided school's placement lands in categoryHistory, the category's remedial
// actions land in its ISAP, and its headteacher hears the outcome with the support it brings.
import type { Category, IsapAction, RiskEntry, RiskRound, School } from '../../../domain';
import { addSchoolDays, localDate } from '../../../domain/calendar';
import { categoryById } from '../../../domain/categories';
import { orderedCategories } from '../../../domain/risk-proposal';
import { placementLabel } from '../../../domain/risk-rules';
import type { Data } from '../../../store/schema';
import { outcome, type Context, type Notification, type View } from '../../command';
import { AppError } from '../../errors';
import type { TextCommand } from '../../registry';
import { formatDate } from '../../views/format';
import { frameworkOf, halfTermNow, placementOf, recordPlacement, requireRound, responderFor, roundName, trustOf } from './shared';

/** School days the headteacher has to complete a remedial action the round adds. */
export const REMEDIAL_DUE_SCHOOL_DAYS = 15;

/** The categories whose support and remedial actions apply: the category, and the overlay on top. */
export function appliedCategories(data: Readonly<Data>, categoryId: string | undefined, urgentAction: boolean): Category[] {
  const fw = frameworkOf(data);
  const c = categoryById(fw, categoryId);
  return [...(c ? [c] : []), ...(urgentAction && fw.overlay ? [fw.overlay] : [])];
}

export function outcomeView(
  data: Readonly<Data>,
  ctx: Context,
  school: School,
  opts: { round?: RiskRound; entry?: RiskEntry; actions?: IsapAction[]; heading: string; intro: string; rationale: string },
): View {
  const fw = frameworkOf(data);
  const cats = appliedCategories(data, school.categoryId, school.urgentAction);
  const canDispute = Boolean(opts.round && opts.entry?.status === 'published' && !opts.entry.dispute);
  const previous = data.categoryHistory.find((c) => c.id === opts.entry?.changeId)?.from;
  return {
    card: 'risk-outcome',
    data: {
      heading: opts.heading,
      title: `${school.name}: ${placementOf(data, school)}`,
      intro: opts.intro,
      rationale: opts.rationale,
      support: cats.flatMap((c) => c.support).map((text) => ({ text })),
      cadence: cats.flatMap((c) => c.reviewCadence).map((text) => ({ text })),
      actions: (opts.actions ?? []).map((a) => ({ title: a.title, due: `Due ${formatDate(a.due)}` })),
      canDispute,
      schoolId: school.id,
      roundId: opts.round?.id ?? '',
      choices: orderedCategories(fw).map((c) => ({ title: placementLabel(fw, c.id), value: c.id })),
      wanted: previous && previous !== school.categoryId ? previous : (school.categoryId ?? ''),
    },
  };
}

/** Adds the remedial actions of the school's placement to its ISAP, skipping any still open. */
export function addRemedialActions(draft: Data, ctx: Context, school: School, source: string): IsapAction[] {
  const cal = trustOf(draft).calendar;
  const today = localDate(ctx.now(), ctx.timeZone);
  const ownerId = responderFor(school);
  if (!ownerId) return [];
  const open = new Set(draft.isapActions.filter((a) => a.schoolId === school.id && a.status === 'open').map((a) => a.title));
  const titles = appliedCategories(draft, school.categoryId, school.urgentAction).flatMap((c) => c.remedialActions).filter((t) => !open.has(t));
  const added = titles.map<IsapAction>((title) => ({
    id: ctx.newId(),
    schoolId: school.id,
    title,
    ownerId,
    due: addSchoolDays(cal, today, REMEDIAL_DUE_SCHOOL_DAYS),
    status: 'open',
    rag: 'amber',
    extensions: [],
    escalationLevel: 0,
    source,
    createdAt: ctx.now().toISOString(),
  }));
  draft.isapActions.push(...added);
  return added;
}

interface Published {
  name: string;
  from: string;
  to: string;
  /** The new category's rank, to list moves into the weakest categories first. */
  rank: number;
}

/** Moves listed one by one on the confirmation; the rest are counted. Keeps it small at 1,000 schools. */
const MOVES_SHOWN = 25;

/**
 * What was published: the moves first (into the weakest categories first), then the confirmations
 * counted by category, so the card stays a screen long however many schools the round had.
 */
function publishedView(name: string, published: Published[], pending: number): View {
  const moves = published.filter((p) => p.from !== p.to).sort((a, b) => b.rank - a.rank || a.name.localeCompare(b.name));
  const confirmed = new Map<string, number>();
  for (const p of published) if (p.from === p.to) confirmed.set(p.to, (confirmed.get(p.to) ?? 0) + 1);
  const items = [
    ...moves.slice(0, MOVES_SHOWN).map((m) => ({ title: `${m.name}: ${m.to}`, detail: `was ${m.from}` })),
    ...(moves.length > MOVES_SHOWN ? [{ title: `… and ${moves.length - MOVES_SHOWN} more moves`, detail: 'Type risk board to see every school in its category.' }] : []),
    ...(confirmed.size ? [{ title: `Confirmed where they were: ${[...confirmed.values()].reduce((a, b) => a + b, 0)}`, detail: [...confirmed.entries()].map(([c, n]) => `${c} ${n}`).join(' · ') }] : []),
  ];
  return {
    card: 'list',
    data: {
      title: `Published ${published.length} school${published.length === 1 ? '' : 's'}, ${name}`,
      intro: `${moves.length} moved, ${published.length - moves.length} confirmed. ${pending ? `${pending} not yet decided or waiting for the CEO: publish again once they are.` : 'Every school in the round is published.'}`,
      empty: '',
      items,
    },
  };
}

export const publishCommand: TextCommand = {
  key: 'risk.publish',
  words: ['risk', 'publish'],
  usage: 'risk publish',
  summary: 'Publish the decided categories: schools told, remedial actions into ISAPs',
  async run(ctx, { person }) {
    const result = await ctx.store.transact((draft) => {
      const round = requireRound(draft, ctx);
      const name = roundName(draft, halfTermNow(draft, ctx));
      const fw = frameworkOf(draft);
      const ready = round.entries.filter((e) => e.status === 'decided');
      if (!ready.length) {
        throw new AppError('ALREADY_DONE', `Nothing to publish for ${name}: no school is decided and unpublished.`, 'Decide schools first: type risk meeting.');
      }
      const notifications: Notification[] = [];
      const published: Published[] = [];
      for (const entry of ready) {
        const school = draft.schools.find((s) => s.id === entry.schoolId)!;
        let from = placementLabel(fw, school.categoryId, school.urgentAction);
        const approved = draft.categoryHistory.find((c) => c.id === entry.changeId);
        if (approved) from = placementLabel(fw, approved.from);
        if (!entry.changeId) {
          const change = recordPlacement(draft, ctx, {
            schoolId: school.id,
            to: entry.decided!,
            urgentAction: entry.decidedUrgentAction,
            byId: entry.decidedById!,
            rationale: entry.rationale!,
            evidence: [`Risk round ${name}`, ...(entry.answers ? ['Headteacher answers to the category questions'] : [])],
            halfTermId: round.halfTermId,
          });
          entry.changeId = change.id;
        }
        entry.status = 'published';
        const actions = addRemedialActions(draft, ctx, school, `risk round ${name}`);
        const to = placementOf(draft, school);
        published.push({ name: school.name, from, to, rank: categoryById(fw, school.categoryId)?.rank ?? 0 });
        const who = responderFor(school);
        if (who) {
          const view = outcomeView(draft, ctx, school, {
            round,
            entry,
            actions,
            heading: `Risk round ${name}: outcome`,
            intro: from === to ? `The risk meeting confirmed ${school.name} in ${to}.` : `The risk meeting placed ${school.name} in ${to} (was ${from}).`,
            rationale: entry.rationale ?? '',
          });
          notifications.push({ ...view, to: { person: who } });
        }
      }
      if (round.entries.every((e) => e.status === 'published' || e.status === 'disputed')) round.status = 'closed';
      const pending = round.entries.filter((e) => !['published', 'disputed'].includes(e.status)).length;
      return { name, published, notifications, pending };
    }, { audit: (result) => ({ at: ctx.now().toISOString(), actorId: person.id, action: 'risk.publish', subject: result.name, outcome: 'ok', detail: { schools: result.published.length } }) });
    return outcome([publishedView(result.name, result.published, result.pending)],       result.notifications,
    );
  },
};
