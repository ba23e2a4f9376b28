// The termly board digest: categories across the trust, movements and decisions this term, and the
// size of the talent register.
import { overlayLabel, placementLabel } from '../../../domain/risk-rules';
import { addDays, halfTermOn } from '../../../domain/calendar';
import { refreshesDue } from '../../../domain/talent-register';
import type { Context, View } from '../../command';
import { KIND_LABEL } from '../../views/approval-view';
import { formatDate, formatWhen } from '../../views/format';
import { categorySummary, figures, onOrAfterDay, personName, plural, schoolName, schoolsPerCategory, termOf } from './figures';
import { digestView, section, type Item } from './view';
import { OUTCOME_WORD } from '../../../domain/approvals';
import type { CategoryChange } from '../../../domain';

type Way = 'weaker' | 'stronger' | 'same';
/** The board reads the moves that matter; the rest are counted. Keeps the card small at 1,000 schools. */
const MOVES_SHOWN = 10;
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function boardDigest(ctx: Pick<Context, 'store' | 'now' | 'timeZone'>): View {
  const f = figures(ctx);
  const { data, fw } = f;
  // In a holiday the board reads about the term just ended (a catch-up after it), not the next one.
  const ended = f.cal.halfTerms.filter((h) => h.end < f.today).at(-1);
  const term = termOf(halfTermOn(f.cal, f.today) || !ended ? f : { ...f, halfTerm: ended });
  const fromStart = onOrAfterDay(f, term.start), afterEnd = onOrAfterDay(f, addDays(term.end, 1));
  const inTerm = (iso?: string) => Boolean(iso && fromStart(iso) && !afterEnd(iso));
  const rank = (id?: string) => fw.categories.find((c) => c.id === id)?.rank;
  const school = (id?: string) => schoolName(f, id);

  const state = (id: string | undefined, urgent: boolean) => placementLabel(fw, id, urgent);

  // Each category decision this term, and which way it went. A confirmation (same category) is a
  // decision but not a move; URGENT ACTION added at the same category is a move to a weaker state.
  const urgentBefore = new Map<string, boolean>();
  const decisions: { c: CategoryChange; was: boolean; way: Way }[] = [];
  for (const c of [...data.categoryHistory].sort((a, b) => a.at.localeCompare(b.at))) {
    const was = urgentBefore.get(c.schoolId) ?? false;
    urgentBefore.set(c.schoolId, c.urgentAction);
    if (!c.from || !inTerm(c.at)) continue;
    const step = (rank(c.to) ?? 0) - (rank(c.from) ?? 0) || Number(c.urgentAction) - Number(was);
    decisions.push({ c, was, way: step > 0 ? 'weaker' : step < 0 ? 'stronger' : 'same' });
  }
  const count = (w: Way) => decisions.filter((d) => d.way === w).length;
  const [worse, better, same] = [count('weaker'), count('stronger'), count('same')];
  // The moves that matter first: to a weaker category (the biggest drop first), then the newest.
  const drop = (d: (typeof decisions)[number]) => Math.abs((rank(d.c.to) ?? 0) - (rank(d.c.from) ?? 0));
  const moves = decisions
    .filter((d) => d.way !== 'same')
    .sort((a, b) => Number(b.way === 'weaker') - Number(a.way === 'weaker') || drop(b) - drop(a) || b.c.at.localeCompare(a.c.at));
  const moveItems: Item[] = moves.slice(0, MOVES_SHOWN).map(({ c, was, way }) => ({
    title: `${school(c.schoolId)}: ${state(c.from, was)} → ${state(c.to, c.urgentAction)}`,
    detail: `${way === 'weaker' ? 'To a weaker category' : 'To a stronger category'}, ${formatWhen(c.at, f.timeZone)}. ${clip(c.rationale, 200)}`,
    flag: way === 'weaker',
  }));
  const hidden = moves.slice(MOVES_SHOWN);
  const hiddenWorse = hidden.filter((d) => d.way === 'weaker').length;
  const movesMore = hidden.length
    ? `… and ${plural(hidden.length, 'more move')}: ${hiddenWorse} to a weaker category, ${hidden.length - hiddenWorse} to a stronger. Type risk <school> for a school's record.`
    : '';

  const decided = data.approvals.filter((a) => a.status !== 'pending' && inTerm(a.decidedAt)).sort((a, b) => b.decidedAt!.localeCompare(a.decidedAt!));
  const decisionItems: Item[] = decided.map((a) => ({
    title: `${OUTCOME_WORD[a.status]}: ${a.title}`,
    detail: `${KIND_LABEL[a.kind]}, decided by ${personName(f, a.decidedById)} on ${formatWhen(a.decidedAt!, f.timeZone)}.`,
  }));

  const register = data.talent.filter((e) => e.stage === 'on-register');
  const added = register.filter((e) => inTerm(e.addedAt)).length;
  const dueRefresh = refreshesDue(data.talent, f.today, 30).length;
  const ua = data.schools.filter((s) => s.urgentAction).length;
  return digestView({
    title: `Board digest: ${term.name}`,
    subtitle: `${data.trust!.name}, ${formatDate(term.start)} to ${formatDate(term.end)}`,
    facts: [
      { title: plural(data.schools.length, 'school'), value: categorySummary(f) },
      ...(fw.overlay ? [{ title: overlayLabel(fw), value: String(ua) }] : []),
      {
        title: 'Category decisions this term',
        value: decisions.length ? `${decisions.length}: ${worse} moved to a weaker category, ${better} to a stronger, ${same} confirmed` : 'none',
      },
      { title: 'Decisions taken this term', value: String(decided.length) },
      { title: 'Talent register', value: `${plural(register.length, 'person', 'people')} (${added} added this term)` },
    ],
    donut: schoolsPerCategory(f),
    sections: [
      { ...section('Category moves this term', moveItems, 'No school changed category this term.', MOVES_SHOWN), more: movesMore },
      section('Decisions taken this term', decisionItems, 'No decisions were taken this term.', 10, 'more decisions'),
      section('Talent register', [
        { title: `${plural(register.length, 'person', 'people')} on the register`, detail: `${added} added this term; ${dueRefresh} due for the annual refresh within 30 days.` },
      ], '', 1),
    ],
  });
}
