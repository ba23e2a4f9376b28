// The demo trust: seeded on first start in local mode and by `npm run seed:demo`. Dates are set
// relative to today so that overdue actions, the upcoming forum and the open survey always are.
import { placementLabel } from '../domain/risk-rules';
import { RAG_5, categoryById, type School, type IsapAction, type CategoryChange, type Framework } from '../domain';
import { addDays, addSchoolDays, academicYearOf, currentOrNextHalfTerm, halfTermOn, isSchoolDay, localDate, zonedInstant } from '../domain/calendar';
import { typicalCalendar } from '../domain/calendar-presets';
import { TrustSettingsSchema } from '../domain/trust';
import type { Data } from '../store/schema';
import type { Store } from '../store/store';
import { DEMO_PEOPLE, DEMO_SCHOOLS, DEMO_TENANT_ID } from './demo-people';

export interface SeedOptions {
  now: Date;
  timeZone: string;
  newId: () => string;
  /** Conversations for the playground (local mode). */
  local?: boolean;
  /** A trust file's name and framework (TRUST_FILE): the demo's schools and people, in that trust's categories. */
  trust?: { name: string; framework?: Framework };
}

const DEMO_CATEGORY_IDS = ['green', 'yellow', 'amber', 'red'];

/**
 * The demo is written in rag-5's four categories; another framework's category at the same place from
 * best to worst stands for each (Flourishing Futures: green → sustain, …, red → stabilise).
 */
export function demoCategoryIn(fw: Framework): (ragId: string) => string {
  const ranked = [...fw.categories].sort((a, b) => a.rank - b.rank);
  return (id) => ranked[Math.round((DEMO_CATEGORY_IDS.indexOf(id) * (ranked.length - 1)) / (DEMO_CATEGORY_IDS.length - 1))]!.id;
}

/**
 * Seeds the demo trust into an empty store. A store that has a trust, or schools and people of its
 * own (an import without a trust yet), is left alone: the demo never replaces real data.
 */
export async function seedDemoTrust(store: Store, opts: SeedOptions): Promise<boolean> {
  const existing = store.read();
  if (existing.trust || existing.schools.length || existing.people.length) return false;
  const today = localDate(opts.now, opts.timeZone);
  const at = (date: string, time = '09:00') => zonedInstant(date, time, opts.timeZone).toISOString();
  const calendar = typicalCalendar(academicYearOf(today));
  const ht = currentOrNextHalfTerm(calendar, today);
  const nowIso = opts.now.toISOString();
  const fw = opts.trust?.framework ?? RAG_5;
  const cat = demoCategoryIn(fw);
  const labelOf = (ragId: string) => categoryById(fw, cat(ragId))!.label;

  const schools: School[] = DEMO_SCHOOLS.map((s) => ({
    id: s.id,
    urn: s.urn,
    name: s.name,
    phase: s.phase,
    localAuthority: s.la,
    hub: s.hub,
    headteacherId: DEMO_PEOPLE.find((p) => p.roles.some((r) => r.role === 'headteacher' && r.schoolId === s.id))?.id,
    dosiId: 'tom',
    categoryId: cat(s.categoryId),
    urgentAction: false,
    ofsted: ofstedFor(s.id),
  }));

  const history: CategoryChange[] = [];
  // Two past risk meetings: one last summer (before this calendar starts), one last half term.
  const meetings = [addDays(today, -120), addDays(today, -40)];
  const trend: Record<string, string[]> = {
    beacon: ['yellow', 'amber'],
    riverside: ['yellow', 'green'],
    hillcrest: ['yellow', 'yellow'],
    oakfield: ['yellow', 'amber'],
    'st-marys': ['green', 'green'],
    meadowbank: ['amber', 'yellow'],
    northgate: ['amber', 'red'],
  };
  for (const s of schools) {
    let from: string | undefined;
    trend[s.id]!.map(cat).forEach((to, i) => {
      const date = meetings[i]!;
      if (to === from) return;
      history.push({
        id: opts.newId(),
        schoolId: s.id,
        from,
        to,
        urgentAction: false,
        at: at(date),
        halfTermId: halfTermOn(calendar, date)?.id,
        byId: 'tom',
        rationale: from ? `Risk meeting moved ${s.name} from ${categoryById(fw, from)!.label} to ${categoryById(fw, to)!.label}.` : 'Placed at due diligence on joining the trust.',
        evidence: ['QA visit report', 'Attendance data'],
      });
      from = to;
    });
  }

  // Due dates fall on school days: back to the Friday (or the last day of term) when one does not.
  const onSchoolDay = (date: string) => {
    let d = date;
    for (let i = 0; i < 21 && !isSchoolDay(calendar, d); i++) d = addDays(d, -1);
    return isSchoolDay(calendar, d) ? d : date;
  };
  const action = (schoolId: string, title: string, ownerId: string, due: string, rag: IsapAction['rag'], strand: string): IsapAction => ({
    id: opts.newId(),
    schoolId,
    title,
    strand,
    ownerId,
    due: onSchoolDay(due),
    status: 'open',
    rag,
    extensions: [],
    escalationLevel: 0,
    createdAt: at(addDays(today, -40)),
  });
  const actions: IsapAction[] = [
    action('beacon', 'Phonics: every Year 1 pupil assessed and grouped for daily catch-up', 'jo', addSchoolDays(calendar, addDays(today, -20), 3), 'red', 'Quality of Education'),
    action('beacon', 'Attendance: first-day calling for every absence, persistent absentees tracked weekly', 'rachel', addDays(today, -4), 'amber', 'Inclusion'),
    action('beacon', 'SEND register reviewed with the trust SEND lead', 'lucy', addDays(today, 5), 'amber', 'Inclusion'),
    action('beacon', 'Governors visit to review the curriculum in foundation subjects', 'rachel', addDays(today, 12), 'green', 'Leadership and Governance'),
    action('beacon', 'Year 6 writing moderation with Riverside', 'jo', addDays(today, 2), 'green', 'Quality of Education'),
    action('riverside', 'KS4 maths intervention timetable in place', 'hannah', addDays(today, 9), 'green', 'Quality of Education'),
    action('riverside', 'Attendance officer case reviews for Year 9', 'sam', addDays(today, -2), 'amber', 'Inclusion'),
    action('oakfield', 'Behaviour policy relaunched with all staff', 'david', addDays(today, -15), 'red', 'Leadership and Governance'),
    action('oakfield', 'Attendance improvement plan agreed with the LA', 'ian', addDays(today, -8), 'red', 'Inclusion'),
    action('northgate', 'Rapid Response Commitment Plan drafted with the CEO', 'fatima', addDays(today, -6), 'red', 'Leadership and Governance'),
    action('hillcrest', 'New SLT induction completed with school partner', 'priya', addDays(today, 15), 'green', 'Leadership and Governance'),
    action('meadowbank', 'Safeguarding review actions closed', 'owen', addDays(today, 20), 'amber', 'Leadership and Governance'),
  ];
  actions[4]!.status = 'complete';
  actions[4]!.completedAt = at(addDays(today, -1));
  actions[4]!.evidence = 'Moderated 30 scripts with Riverside; judgements agreed in 27.';

  const forumDay = addSchoolDays(calendar, today, 8);
  const headteachers = DEMO_PEOPLE.filter((p) => p.roles.some((r) => r.role === 'headteacher'));
  const forums: Data['forums'] = [
    {
      id: 'sif-' + ht.id,
      title: `School Improvement Forum, ${ht.name}`,
      kind: 'school-improvement',
      startsAt: at(forumDay, '13:30'),
      endsAt: at(forumDay, '15:30'),
      location: 'Riverside Academy, conference room',
      expectedCategories: [cat('amber'), cat('red')],
      invites: headteachers.map((p, i) => ({
        personId: p.id,
        invitedAt: at(addDays(today, -3)),
        expected: ['beacon', 'oakfield', 'northgate'].includes(p.roles[0]!.schoolId ?? ''),
        ...(i % 3 === 1 ? { rsvp: 'accepted' as const, rsvpAt: at(addDays(today, -2)) } : {}),
      })),
      createdById: 'tom',
    },
    {
      id: 'send-network-' + ht.id,
      title: 'SEND network',
      kind: 'send',
      startsAt: at(addSchoolDays(calendar, today, 14), '15:45'),
      endsAt: at(addSchoolDays(calendar, today, 14), '17:00'),
      location: 'Online',
      expectedCategories: [],
      invites: [],
      createdById: 'tom',
    },
  ];

  const surveyId = 'wellbeing-' + ht.id;
  const data: Data = {
    schemaVersion: 1,
    trust: {
      id: 'demo-trust',
      name: opts.trust?.name ?? 'Demo Learning Trust',
      framework: fw,
      calendar,
      settings: TrustSettingsSchema.parse({}),
      teamsTenantId: DEMO_TENANT_ID,
    },
    schools,
    people: DEMO_PEOPLE,
    categoryHistory: history,
    riskRounds: [],
    isapActions: actions,
    forums,
    talent: [
      {
        id: opts.newId(), name: 'Hannah Wood', schoolId: 'riverside', post: 'Head of Maths', phase: 'secondary',
        expertise: ['maths', 'curriculum design'], supportAvailable: 'Half a day a week in the spring term',
        nominatedById: 'sam', nominatedAt: at(addDays(today, -300)), stage: 'on-register', addedAt: at(addDays(today, -250)),
        refreshedAt: addDays(today, -340),
      },
      {
        id: opts.newId(), name: 'Lucy Adams', schoolId: 'beacon', post: 'SENDCO', phase: 'primary',
        expertise: ['SEND', 'early reading'], supportAvailable: 'SENDCO coaching, one visit a fortnight',
        nominatedById: 'rachel', nominatedAt: at(addDays(today, -120)), stage: 'on-register', addedAt: at(addDays(today, -90)),
        refreshedAt: addDays(today, -90),
      },
      {
        id: opts.newId(), name: 'Chloe Evans', schoolId: 'beacon', post: 'Year 6 Teacher', phase: 'primary',
        expertise: ['writing', 'Year 6'], supportAvailable: 'Writing moderation', nominatedById: 'rachel',
        nominatedAt: at(addDays(today, -10)), stage: 'nominated',
      },
    ],
    surveys: [
      {
        id: surveyId,
        title: `Staff wellbeing pulse, ${ht.name}`,
        kind: 'staff',
        questions: [
          { id: 'q1', type: 'likert', text: 'I feel my workload is manageable' },
          { id: 'q2', type: 'likert', text: 'I feel supported by my line manager' },
          { id: 'q3', type: 'text', text: 'One thing that would make the biggest difference to you' },
        ],
        audience: { schoolIds: [], roles: ['staff'] },
        status: 'open',
        createdById: 'tom',
        openedAt: at(addDays(today, -3)),
        closesOn: addDays(today, 10),
        invited: { beacon: 24, riverside: 61, hillcrest: 18, oakfield: 55, 'st-marys': 20, meadowbank: 30, northgate: 16 },
      },
    ],
    surveyResponders: { [surveyId]: [] },
    approvals: [
      {
        id: 'oakfield-red',
        kind: 'category-move',
        title: `Move Oakfield Academy from ${placementLabel(fw, cat('amber'))} to ${placementLabel(fw, cat('red'))}`,
        schoolId: 'oakfield',
        facts: [
          { title: 'School', value: 'Oakfield Academy' },
          { title: 'Current category', value: placementLabel(fw, cat('amber')) },
          { title: 'Proposed', value: placementLabel(fw, cat('red')) },
          { title: 'Attendance', value: '88.1% (national 91.0%)' },
          { title: 'Overdue ISAP actions', value: '2' },
        ],
        recommendation:
          fw === RAG_5
            ? 'The risk meeting recommends RED: attendance falling for three half terms and behaviour actions overdue. RED brings termly peer review, a safeguarding review and monthly Executive Team review.'
            : `The risk meeting recommends ${labelOf('red')}: attendance falling for three half terms and behaviour actions overdue.`,
        cases: [],
        requestedById: 'tom',
        requestedAt: at(addSchoolDays(calendar, addDays(today, -14), 1)),
        deciderRoles: ['ceo', 'deputy-ceo'],
        status: 'pending',
        payload: { schoolId: 'oakfield', from: cat('amber'), to: cat('red'), urgentAction: false },
      },
    ],
    subscriptions: opts.local ? [{ conversationKey: 'local:channel:slt', digest: 'weekly-slt', byId: 'tom', at: nowIso }] : [],
    conversations: opts.local ? localConversations(nowIso) : [],
    postedCards: [],
    jobRuns: {},
    processed: [],
    outbox: [],
  };
  // A few answers already in. Beacon has 6 and Riverside 2: the trust's scores show, but no school's
  // does, since Beacon's figures taken from the trust's would give away Riverside's two people.
  const demoAnswers = [
    ['beacon', 4, 4, 'More time for planning together'],
    ['beacon', 2, 3, 'Fewer data drops'],
    ['beacon', 3, 4, ''],
    ['beacon', 4, 5, 'Keep the wellbeing afternoons'],
    ['beacon', 2, 2, ''],
    ['beacon', 5, 4, 'Nothing, it is a great team'],
    ['riverside', 3, 4, ''],
    ['riverside', 2, 3, 'Marking load'],
  ] as const;
  // Answers first, the trust last: a crash in between leaves no trust, so the next start seeds
  // again, and finds the answers already there rather than adding them twice.
  if (!store.responseCounts().has(surveyId)) {
    for (const [schoolId, q1, q2, q3] of demoAnswers) {
      await store.append('surveyResponses', { surveyId, schoolId, answers: { q1, q2, ...(q3 ? { q3 } : {}) } });
    }
  }
  await store.transact((d) => Object.assign(d, data));
  return true;
}

function localConversations(at: string): Data['conversations'] {
  return [
    ...DEMO_PEOPLE.map((p) => ({ key: `local:person:${p.id}`, platform: 'local' as const, kind: 'personal' as const, personId: p.id, name: p.name, ref: null, blocked: false, updatedAt: at })),
    { key: 'local:channel:slt', platform: 'local', kind: 'channel', name: 'SLT channel', ref: null, blocked: false, updatedAt: at },
    { key: 'local:channel:beacon-staff', platform: 'local', kind: 'channel', name: 'Beacon Primary staff', ref: null, blocked: false, updatedAt: at },
    { key: 'local:channel:headteachers', platform: 'local', kind: 'channel', name: 'Headteachers', ref: null, blocked: false, updatedAt: at },
  ];
}

function ofstedFor(id: string): School['ofsted'] {
  switch (id) {
    case 'beacon':
      return [{ scheme: 'legacy', date: '2023-03-15', overall: 'requires-improvement' }];
    case 'riverside':
      return [{ scheme: 'legacy', date: '2022-11-09', overall: 'good' }];
    case 'hillcrest':
      return [{ scheme: 'report-card', date: '2026-02-04', grades: { inclusion: 'expected', 'curriculum-and-teaching': 'expected', achievement: 'needs-attention', 'attendance-and-behaviour': 'expected', 'personal-development-and-wellbeing': 'strong', 'leadership-and-governance': 'expected' }, safeguardingMet: true }];
    case 'oakfield':
      return [{ scheme: 'legacy', date: '2024-01-17', overall: 'requires-improvement' }];
    case 'st-marys':
      return [{ scheme: 'legacy', date: '2021-06-23', overall: 'outstanding' }];
    case 'meadowbank':
      return [{ scheme: 'legacy', date: '2023-09-27', overall: 'good' }];
    default:
      return [{ scheme: 'legacy', date: '2024-05-08', overall: 'inadequate' }];
  }
}
