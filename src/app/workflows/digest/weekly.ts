// The weekly SLT digest: overdue ISAP actions by school, category changes, decisions waiting (the
// old ones flagged), forums in the next fortnight with RSVPs, and survey response rates.
import { placementLabel } from '../../../domain/risk-rules';
import { addDays } from '../../../domain/calendar';
import { responseRates, shortLabel } from '../../../domain/digest';
import type { Context, View } from '../../command';
import { formatDate, formatWhen } from '../../views/format';
import { categoryLabel, figures, mondayOf, onOrAfterDay, overdueBySchool, personName, plural, schoolDaysWaiting, schoolName } from './figures';
import { digestView, section, type Item } from './view';


export function weeklyDigest(ctx: Pick<Context, 'store' | 'now' | 'timeZone'>): View {
  const f = figures(ctx);
  const { data } = f;
  const flagDays = data.trust!.settings.pendingDecisionFlagDays;

  const overdueTotal = [...f.overdue.values()].reduce((n, l) => n + l.length, 0);
  const overdueItems: Item[] = [...f.overdue.entries()]
    .sort((a, b) => b[1].length - a[1].length || schoolName(f, a[0]).localeCompare(schoolName(f, b[0])))
    .map(([id, list]) => {
      const school = f.schools.get(id);
      const oldest = [...list].sort((a, b) => a.due.localeCompare(b.due));
      return {
        title: `${schoolName(f, id)} (${school ? categoryLabel(f, school) : ''}): ${plural(list.length, 'overdue action')}`,
        detail: oldest.slice(0, 2).map((a) => `${shortLabel(a.title, 70)} (due ${formatDate(a.due)})`).join('; ') + (list.length > 2 ? `; and ${list.length - 2} more` : ''),
      };
    });

  // Changes since the start of the half term, or in the last week if the half term has just begun.
  const since = [f.halfTerm.start, addDays(f.today, -7)].sort()[0]!;
  const inWindow = onOrAfterDay(f, since);
  const changes = data.categoryHistory.filter((c) => c.from && inWindow(c.at)).sort((a, b) => b.at.localeCompare(a.at));
  const changeItems: Item[] = changes.map((c) => ({
    title: `${schoolName(f, c.schoolId)}: ${c.from ? placementLabel(f.fw, c.from) : 'not placed'} → ${placementLabel(f.fw, c.to, c.urgentAction)}`,
    detail: `${formatWhen(c.at, f.timeZone)}. ${c.rationale}`,
  }));

  const pending = data.approvals.filter((a) => a.status === 'pending').sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));
  const waits = pending.map((a) => ({ a, days: schoolDaysWaiting(f, a.requestedAt) }));
  const flagged = waits.filter((w) => w.days > flagDays);
  const decisionItems: Item[] = waits.map(({ a, days }) => ({
    title: a.title,
    detail: `Waiting ${plural(days, 'school day')}${days > flagDays ? `: over the trust's ${flagDays}-day limit` : ''}. Raised by ${personName(f, a.requestedById)}.`,
    flag: days > flagDays,
  }));

  const horizon = f.now.getTime() + 14 * 86_400_000;
  const forums = data.forums.filter((x) => new Date(x.startsAt) >= f.now && new Date(x.startsAt).getTime() <= horizon).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const forumItems: Item[] = forums.map((x) => {
    const n = (r?: string) => x.invites.filter((i) => i.rsvp === r).length;
    const expectedSilent = x.invites.filter((i) => i.expected && !i.rsvp).length;
    return {
      title: `${x.title}: ${formatWhen(x.startsAt, f.timeZone)}`,
      detail: x.invites.length
        ? `${n('accepted')} coming, ${n('tentative')} maybe, ${n('declined')} not coming, ${n(undefined)} not replied${expectedSilent ? ` (${expectedSilent} expected to attend)` : ''}.`
        : 'No invitations sent yet.',
      flag: expectedSilent > 0,
    };
  });

  const minGroup = data.trust!.settings.anonymity.minGroup;
  const counts = ctx.store.responseCounts();
  const surveys = data.surveys.filter((s) => s.status === 'open' || (s.status === 'closed' && s.closesOn && s.closesOn >= addDays(f.today, -7)));
  const surveyItems: Item[] = surveys.map((s) => {
    const r = responseRates(counts.get(s.id) ?? {}, s.invited, minGroup);
    const shown = r.schools.filter((x) => x.rate !== undefined).sort((a, b) => b.rate! - a.rate!);
    const list = shown.slice(0, 8).map((x) => `${schoolName(f, x.schoolId)} ${x.rate}%`);
    if (shown.length > 8) list.push(`and ${shown.length - 8} more schools`);
    const hidden = r.hidden ? `${plural(r.hidden, 'school')} not shown (under ${minGroup} responses, or held back so a smaller group cannot be worked out)` : '';
    return {
      title: `${s.title}: ${r.overall === undefined ? `fewer than ${minGroup} responses so far` : `${r.overall}% responded`}`,
      detail: [list.join(', '), hidden].filter(Boolean).join('. ') + (s.closesOn ? `. ${s.status === 'open' ? 'Closes' : 'Closed'} ${formatDate(s.closesOn)}.` : '.'),
    };
  });

  const shownOverdue = overdueBySchool(f);
  return digestView({
    title: 'Weekly SLT digest',
    subtitle: `${data.trust!.name}, ${f.halfTerm.name}, week of ${formatDate(mondayOf(f.today))}`,
    facts: [
      { title: 'Overdue ISAP actions', value: overdueTotal ? `${overdueTotal} in ${plural(f.overdue.size, 'school')} of ${data.schools.length}` : 'none' },
      { title: 'Category changes', value: changes.length ? `${changes.length} since ${formatDate(since)}` : 'none' },
      { title: 'Decisions waiting', value: pending.length ? `${pending.length}${flagged.length ? `, ${flagged.length} over ${flagDays} school days` : ''}` : 'none' },
      { title: 'Forums in the next fortnight', value: String(forums.length) },
      { title: 'Surveys open', value: String(surveys.filter((s) => s.status === 'open').length) },
    ],
    bars: shownOverdue,
    sections: [
      section('Overdue ISAP actions by school', overdueItems, 'No overdue actions this week.', 10, 'more schools with overdue actions'),
      section(`Category changes since ${formatDate(since)}`, changeItems, `No category changes since ${formatDate(since)}.`, 10, 'more changes'),
      section('Decisions waiting', decisionItems, 'No decisions waiting.', 10, 'more decisions waiting: type approvals'),
      section('Forums in the next fortnight', forumItems, 'No forums in the next fortnight.', 10, 'more forums: type forum'),
      section('Survey response rates', surveyItems, 'No surveys open.', 5, 'more surveys: type survey'),
    ],
  });
}
