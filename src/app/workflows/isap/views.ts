// The ISAP cards' data: one action with its buttons, a plan in groups, the add form.
import type { AcademicCalendar, IsapAction, Person } from '../../../domain';
import { isOverdue, ragLabel } from '../../../domain/isap';
import { isSnoozed, lastDueDate, schoolDaysOverdue } from '../../../domain/isap-rules';
import type { Data } from '../../../store/schema';
import type { View } from '../../command';
import { personById } from '../../people';
import { addDays, localDate } from '../../../domain/calendar';
import { formatDate } from '../../views/format';
import { pageLabel, pageOf } from '../../views/paging';
import { mayChange, schoolName } from './scope';

const RAG_COLOUR = { red: 'Attention', amber: 'Warning', green: 'Good' } as const;

export function dueText(cal: AcademicCalendar, a: IsapAction, today: string, timeZone: string): string {
  // The London day it was completed: 00:30 BST is still the day before in UTC.
  if (a.status === 'complete') return `Completed${a.completedAt ? ` ${formatDate(localDate(new Date(a.completedAt), timeZone))}` : ''}`;
  if (isOverdue(a, today)) {
    const n = schoolDaysOverdue(cal, a, today);
    // Seen on a weekend or in a holiday, the last school day may be the due date itself.
    return `Overdue: due ${formatDate(a.due)}${n > 0 ? ` (${n} school day${n === 1 ? '' : 's'} ago)` : ''}`;
  }
  return `Due ${formatDate(a.due)}`;
}

export function actionView(data: Readonly<Data>, a: IsapAction, viewer: Person, today: string, timeZone: string, notice = ''): View {
  const cal = data.trust!.calendar;
  const pending = a.extensions.find((e) => e.status === 'pending');
  const open = a.status === 'open';
  return {
    card: 'isap-action',
    data: {
      id: a.id,
      title: a.title,
      school: schoolName(data, a.schoolId),
      facts: [
        { title: 'Strand', value: a.strand ?? 'Not set' },
        { title: 'Owner', value: personById(data, a.ownerId)?.name ?? 'Unknown' },
        { title: 'Progress', value: ragLabel(a.rag) },
        { title: 'Due', value: dueText(cal, a, today, timeZone) },
        ...(isSnoozed(a, today) ? [{ title: 'Snoozed', value: `until ${formatDate(a.snoozedUntil!)}: ${a.snoozeReason ?? ''}` }] : []),
        ...(pending ? [{ title: 'Extension', value: `to ${formatDate(pending.newDue)} asked, waiting for a decision` }] : []),
        ...(a.notes?.length ? [{ title: 'Latest note', value: a.notes[a.notes.length - 1]!.text }] : []),
      ],
      ragColour: RAG_COLOUR[a.rag],
      rag: a.rag,
      evidence: a.evidence ?? '',
      canAct: open && mayChange(viewer, a),
      canExtend: open && !pending && mayChange(viewer, a),
      today,
      lastDue: lastDueDate(cal),
      /** The update form's date starts at the due date, or empty once that is past (a past value fails its own min). */
      due: a.due >= today ? a.due : '',
      /** The earliest date an extension can ask for: after the due date, and from today on. */
      extendFrom: a.due >= today ? addDays(a.due, 1) : today,
      notice,
    },
  };
}

export interface PlanItem {
  id: string;
  title: string;
  detail: string;
  rag: string;
  ragColour: string;
}

export function planItem(data: Readonly<Data>, a: IsapAction, today: string, timeZone: string, withSchool: boolean): PlanItem {
  const cal = data.trust!.calendar;
  const owner = personById(data, a.ownerId)?.name ?? 'Unknown';
  const parts = [withSchool ? schoolName(data, a.schoolId) : '', owner, dueText(cal, a, today, timeZone), isSnoozed(a, today) ? 'snoozed' : ''].filter(Boolean);
  return { id: a.id, title: a.title, detail: parts.join(' · '), rag: ragLabel(a.rag), ragColour: RAG_COLOUR[a.rag] };
}

export interface PlanGroup {
  name: string;
  items: PlanItem[];
}

/**
 * One line per action, a page at a time: about 20 lines keep the card near 15 KB for Teams and under
 * Slack's 50 blocks at any trust size (measured in test/integration/isap-paging.test.ts).
 */
export const PAGE_SIZE = 20;

/**
 * An item in a list already in the order people need it, with the heading it sits under. The line
 * is written only for the page shown: 7,500 overdue actions need 20 lines, not 7,500.
 */
export interface Listed {
  group: string;
  item: () => PlanItem;
}

/** One page of `listed`, regrouped under its headings in the order they first appear. */
export function planPage(title: string, intro: string, empty: string, listed: Listed[], page: number, command: string, size = PAGE_SIZE): View {
  const p = pageOf(listed, page, size, command);
  const groups: PlanGroup[] = [];
  for (const { group, item } of p.items) {
    const last = groups.at(-1);
    if (last?.name === group) last.items.push(item());
    else groups.push({ name: group, items: [item()] });
  }
  const label = pageLabel(p);
  return { card: 'isap-plan', data: { title: label ? `${title} (${label})` : title, intro, empty, groups, more: p.more } };
}
