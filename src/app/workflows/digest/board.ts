// The termly board digest: categories across the trust, movements and decisions this term, and the
// size of the talent register.
import { halfTermOn } from '../../../domain/calendar';
import { refreshesDue } from '../../../domain/talent-register';
import type { Context, View } from '../../command';
import { KIND_LABEL } from '../../views/approval-view';
import { formatDate, formatWhen } from '../../views/format';
import { categorySummary, dayOf, figures, plural, schoolsPerCategory, termOf } from './figures';
import { digestView, section, type Item } from './view';
import { OUTCOME_WORD } from '../../../domain/approvals';

export function boardDigest(ctx: Pick<Context, 'store' | 'now' | 'timeZone'>): View {
  const f = figures(ctx);
  const { data, fw } = f;
  // In a holiday the board reads about the term just ended (a catch-up after it), not the next one.
  const ended = f.cal.halfTerms.filter((h) => h.end < f.today).at(-1);
  const term = termOf(halfTermOn(f.cal, f.today) || !ended ? f : { ...f, halfTerm: ended });
  const inTerm = (iso?: string) => Boolean(iso && dayOf(f, iso) >= term.start && dayOf(f, iso) <= term.end);
  const rank = (id?: string) => fw.categories.find((c) => c.id === id)?.rank;
  const label = (id?: string) => fw.categories.find((c) => c.id === id)?.label ?? id ?? '';
  const school = (id?: string) => data.schools.find((s) => s.id === id)?.name ?? 'the trust';

  const moves = data.categoryHistory.filter((c) => c.from && inTerm(c.at)).sort((a, b) => b.at.localeCompare(a.at));
  const better = moves.filter((c) => (rank(c.to) ?? 0) < (rank(c.from) ?? 0)).length;
  const worse = moves.filter((c) => (rank(c.to) ?? 0) > (rank(c.from) ?? 0)).length;
  const moveItems: Item[] = moves.map((c) => ({
    title: `${school(c.schoolId)}: ${label(c.from)} → ${label(c.to)}`,
    detail: `${formatWhen(c.at, f.timeZone)}. ${c.rationale}`,
    flag: (rank(c.to) ?? 0) > (rank(c.from) ?? 0),
  }));

  const decided = data.approvals.filter((a) => a.status !== 'pending' && inTerm(a.decidedAt)).sort((a, b) => b.decidedAt!.localeCompare(a.decidedAt!));
  const decisionItems: Item[] = decided.map((a) => ({
    title: `${OUTCOME_WORD[a.status]}: ${a.title}`,
    detail: `${KIND_LABEL[a.kind]}, decided by ${data.people.find((p) => p.id === a.decidedById)?.name ?? 'someone'} on ${formatWhen(a.decidedAt!, f.timeZone)}.`,
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
      ...(fw.overlay ? [{ title: fw.overlay.label, value: String(ua) }] : []),
      { title: 'Category moves this term', value: moves.length ? `${moves.length} (${better} improved, ${worse} declined)` : 'none' },
      { title: 'Decisions taken this term', value: String(decided.length) },
      { title: 'Talent register', value: `${plural(register.length, 'person', 'people')} (${added} added this term)` },
    ],
    donut: schoolsPerCategory(f),
    sections: [
      section('Category moves this term', moveItems, 'No school changed category this term.', 10, 'more moves'),
      section('Decisions taken this term', decisionItems, 'No decisions were taken this term.', 10, 'more decisions'),
      section('Talent register', [
        { title: `${plural(register.length, 'person', 'people')} on the register`, detail: `${added} added this term; ${dueRefresh} due for the annual refresh within 30 days.` },
      ], '', 1),
    ],
  });
}
