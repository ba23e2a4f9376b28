// What each talent card shows: the forms for each step, the register and the pipeline.
import { formatter } from '../../../domain/calendar';
import { PHASES, type School, type TalentEntry } from '../../../domain';
import type { Data } from '../../../store/schema';
import type { Notification, View } from '../../command';
import { personById } from '../../people';
import { formatWhen } from '../../views/format';
import { messageCard } from '../../views/message-card';

/** "13 Dec 2025": register dates span years, so they carry one. */
export const dateWithYear = (date: string) =>
  formatter('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(`${date}T12:00:00Z`));

export const phaseLabel = (p: string) => p.charAt(0).toUpperCase() + p.slice(1).replace(/-/g, ' ');
export const schoolName = (data: Readonly<Data>, id: string) => data.schools.find((s) => s.id === id)?.name ?? id;

export function nominateView(schools: School[], notice = ''): View {
  const only = schools.length === 1 ? schools[0]! : undefined;
  return {
    card: 'talent-nominate',
    data: {
      intro: notice || (only ? `A member of staff at ${only.name}. You will write their reference next.` : 'A member of staff at one of your schools. You will write their reference next.'),
      schools: schools.map((s) => ({ title: s.name, value: s.id })),
      // One school: it rides with the button. Several: the school input supplies it, nothing competes.
      actionData: only ? { schoolId: only.id } : {},
      phase: only?.phase ?? 'primary',
      phases: PHASES.map((p) => ({ title: phaseLabel(p), value: p })),
    },
  };
}

function entryFacts(data: Readonly<Data>, e: TalentEntry, timeZone: string) {
  return [
    { title: 'School', value: schoolName(data, e.schoolId) },
    { title: 'Phase', value: phaseLabel(e.phase) },
    { title: 'Expertise', value: e.expertise.join(', ') },
    { title: 'Support available', value: e.supportAvailable || 'not said' },
    { title: 'Nominated by', value: `${personById(data, e.nominatedById)?.name ?? 'a headteacher'}, ${formatWhen(e.nominatedAt, timeZone)}` },
  ];
}

export function referenceView(data: Readonly<Data>, e: TalentEntry, timeZone: string): View {
  return { card: 'talent-reference', data: { entryId: e.id, name: e.name, post: e.post, facts: entryFacts(data, e, timeZone) } };
}

export function visitView(data: Readonly<Data>, e: TalentEntry, timeZone: string, today: string): View {
  return {
    card: 'talent-visit',
    data: { entryId: e.id, name: e.name, post: e.post, facts: entryFacts(data, e, timeZone), reference: e.reference ?? '', today },
  };
}

export const message = messageCard;

/** A short card sent to a person. */
export function note(to: string, title: string, intro: string): Notification {
  return { ...message(title, intro), to: { person: to } };
}

export interface Section {
  heading: string;
  items: ReturnType<typeof entryItem>[];
  more: string;
  empty: string;
}

/** `canNominate`: the viewer is a headteacher, so the card offers the Nominate button. */
export function registerView(title: string, intro: string, sections: Section[], canNominate = false, more = ''): View {
  return { card: 'talent-register', data: { title, intro, sections, canNominate, more } };
}

/** One line per entry: who and where, then what they offer. */
export function entryItem(data: Readonly<Data>, e: TalentEntry, extra = '', renew = false) {
  const head = data.schools.find((s) => s.id === e.schoolId)?.headteacherId;
  // Who to ask about support: only for people already on the register.
  const contact = e.stage === 'on-register' ? personById(data, head) : undefined;
  return {
    title: `${e.name}, ${e.post}, ${schoolName(data, e.schoolId)}`,
    detail: `${e.expertise.join(', ')} (${phaseLabel(e.phase)})${e.supportAvailable ? `. Support: ${e.supportAvailable}` : ''}`,
    note: [extra, contact ? `Contact ${contact.name}, headteacher (${contact.email})` : ''].filter(Boolean).join('. '),
    entryId: e.id,
    /** Offer the annual refresh buttons (still current / take off). */
    renew,
  };
}

export const STAGE_HEADINGS: Record<TalentEntry['stage'], string> = {
  nominated: 'Waiting for the headteacher’s reference',
  referenced: 'Waiting for the executive team’s visit',
  interviewed: 'Visited',
  'offer-pending': 'Waiting for the CEO’s offer',
  'on-register': 'On the register',
  declined: 'Not offered a place',
  withdrawn: 'Withdrawn',
};
