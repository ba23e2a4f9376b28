// The half-termly risk-meeting pack: every school with its category, trend, overdue actions and last
// change, worst categories first; a large trust gets each category's most pressing schools and a count.
import { overlayLabel, placementLabel } from '../../../domain/risk-rules';
import type { School } from '../../../domain';
import type { Context, View } from '../../command';
import { formatWhen } from '../../views/format';
import { categoryLabel, categoryOf, categorySummary, figures, latestChange, overdueBySchool, plural, schoolsPerCategory, sentence, trendOf } from './figures';
import { digestView, section, type Item } from './view';

const PER_CATEGORY = 10;

export function riskPack(ctx: Pick<Context, 'store' | 'now' | 'timeZone'>): View {
  const f = figures(ctx);
  const { data, fw } = f;
  const overdue = (s: School) => f.overdue.get(s.id)?.length ?? 0;
  const item = (s: School): Item => {
    const trend = trendOf(f, s.id);
    const change = latestChange(f, s.id);
    return {
      title: `${s.name}: ${categoryLabel(f, s)}`,
      detail: sentence([
        trend.text,
        overdue(s) ? plural(overdue(s), 'overdue action') : 'no overdue actions',
        change ? `last change ${formatWhen(change.at, f.timeZone)}: ${change.rationale}` : '',
      ]),
      flag: trend.word === 'declining' || s.urgentAction,
    };
  };
  // Within a category, the schools that need the meeting's attention come first.
  const pressing = (a: School, b: School) =>
    Number(b.urgentAction) - Number(a.urgentAction) ||
    Number(trendOf(f, b.id).word === 'declining') - Number(trendOf(f, a.id).word === 'declining') ||
    overdue(b) - overdue(a) ||
    a.name.localeCompare(b.name);
  const categories = [...fw.categories].sort((a, b) => b.rank - a.rank);
  const sections = categories.map((c) => {
    const schools = data.schools.filter((s) => s.categoryId === c.id).sort(pressing);
    return section(`${placementLabel(fw, c.id)} (${schools.length})`, schools.map(item), `No schools in ${c.label}.`, PER_CATEGORY, `more ${c.label} schools`);
  });
  const unplaced = data.schools.filter((s) => !categoryOf(f, s));
  if (unplaced.length) sections.push(section(`Not yet placed (${unplaced.length})`, unplaced.map(item), '', PER_CATEGORY, 'more schools not yet placed'));
  const ua = data.schools.filter((s) => s.urgentAction);
  const overdueTotal = [...f.overdue.values()].reduce((n, l) => n + l.length, 0);
  return digestView({
    title: `Risk meeting pack: ${f.halfTerm.name}`,
    subtitle: `${data.trust!.name}, ${plural(data.schools.length, 'school')}`,
    facts: [
      { title: plural(data.schools.length, 'school'), value: categorySummary(f) },
      ...(fw.overlay ? [{ title: overlayLabel(fw), value: ua.length ? ua.map((s) => s.name).join(', ') : 'none' }] : []),
      { title: 'Overdue ISAP actions', value: overdueTotal ? `${overdueTotal} in ${plural(f.overdue.size, 'school')}` : 'none' },
    ],
    donut: schoolsPerCategory(f),
    bars: overdueBySchool(f),
    sections,
  });
}
