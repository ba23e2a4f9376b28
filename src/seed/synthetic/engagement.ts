// Around the cycle: surveys with hundreds of answers (stored exactly as the bot stores them, so the
// results views read them), forums with RSVPs, the talent register, and the playground's conversations.
import type { Approval, Forum, Person, School, Survey, SurveyResponse, TalentEntry } from '../../domain';
import { addDays } from '../../domain/calendar';
import { invitedCounts, responderHash } from '../../domain/surveys-answers';
import type { Data } from '../../store/schema';
import type { Gen } from './context';
import type { Random } from './random';
import { EXPERTISE, SURVEY_COMMENTS } from './words';

export interface SurveyPlan {
  surveys: Survey[];
  responders: Record<string, string[]>;
  responses: SurveyResponse[];
}

export function makeSurveys(gen: Gen, schools: readonly School[], people: readonly Person[], staffOf: ReadonlyMap<string, Person[]>): SurveyPlan {
  const rnd = gen.random('surveys');
  const allIds = schools.map((s) => s.id);
  const previous = gen.pastHalfTerms.at(-1);
  const pulse: Survey = {
    id: 'wellbeing-' + gen.halfTerm.id,
    title: `Staff wellbeing pulse, ${gen.halfTerm.name}`,
    kind: 'staff',
    questions: [
      { id: 'q1', type: 'likert', text: 'I feel my workload is manageable' },
      { id: 'q2', type: 'likert', text: 'I feel supported by my line manager' },
      { id: 'q3', type: 'text', text: 'One thing that would make the biggest difference to you' },
    ],
    audience: { schoolIds: [], roles: ['staff'] },
    status: 'open',
    createdById: 'tom',
    openedAt: gen.at(addDays(gen.today, -4), '08:00'),
    closesOn: addDays(gen.today, 10),
    invited: {},
  };
  const termly: Survey = {
    id: 'staff-survey-' + (previous?.id ?? 'last'),
    title: `Staff survey, ${previous?.name ?? 'last half term'}`,
    kind: 'staff',
    questions: [
      { id: 'q1', type: 'likert', text: 'I am proud to work at this school' },
      { id: 'q2', type: 'likert', text: 'Behaviour is well managed across the school' },
      { id: 'q3', type: 'likert', text: 'Leaders take workload into account' },
      { id: 'q4', type: 'likert', text: 'I get the professional development I need' },
      { id: 'q5', type: 'likert', text: 'Communication from the trust is clear' },
      { id: 'q6', type: 'choice', text: 'How long have you worked here?', options: ['Under a year', '1 to 3 years', '3 to 10 years', 'Over 10 years'] },
      { id: 'q7', type: 'text', text: 'Anything else you want leaders to know' },
    ],
    audience: { schoolIds: [], roles: ['staff'] },
    status: 'closed',
    createdById: 'amira',
    openedAt: gen.at(previous ? addDays(previous.start, 14) : addDays(gen.today, -60), '08:00'),
    closesOn: previous ? addDays(previous.end, -5) : addDays(gen.today, -40),
    invited: {},
  };
  // A hub's own short survey: most of the trust is not asked.
  const hubSchools = schools.filter((s) => s.hub === 'North').map((s) => s.id);
  const hub: Survey = {
    id: 'north-hub-cpd',
    title: 'North hub: CPD day feedback',
    kind: 'staff',
    questions: [
      { id: 'q1', type: 'likert', text: 'The CPD day was a good use of my time' },
      { id: 'q2', type: 'text', text: 'What should the next one cover?' },
    ],
    audience: { schoolIds: hubSchools, roles: ['staff'] },
    status: 'closed',
    createdById: 'tom',
    openedAt: gen.at(addDays(gen.today, -30), '15:30'),
    closesOn: addDays(gen.today, -20),
    invited: {},
  };
  const surveys = [pulse, termly, hub];
  const responders: Record<string, string[]> = {};
  const responses: SurveyResponse[] = [];
  for (const [survey, rate] of [[pulse, [0.2, 0.45]], [termly, [0.5, 0.8]], [hub, [0.3, 0.6]]] as const) {
    survey.invited = invitedCounts(people, survey, allIds);
    const hashes: string[] = [];
    for (const schoolId of Object.keys(survey.invited)) {
      // Who was asked: the school's staff (headteachers are not in a staff survey's audience).
      const asked = (staffOf.get(schoolId) ?? []).filter((p) => p.roles.some((r) => r.role === 'staff' && r.schoolId === schoolId) && p.id !== 'jo');
      const answering = rnd.sample(asked, Math.round(asked.length * (rate[0] + rnd.next() * (rate[1] - rate[0]))));
      for (const p of answering) {
        hashes.push(responderHash(gen.opts.surveyKey, survey.id, p.id));
        responses.push({ surveyId: survey.id, schoolId, answers: answersTo(rnd, survey) });
      }
    }
    // Sorted, as insertSorted keeps them, so the order says nothing about who answered first.
    responders[survey.id] = hashes.sort();
  }
  // Responses are an append log with no order that points back to a person: shuffled across schools.
  return { surveys, responders, responses: rnd.shuffle(responses) };
}

function answersTo(rnd: Random, survey: Survey): SurveyResponse['answers'] {
  const out: SurveyResponse['answers'] = {};
  const mood = rnd.int(-1, 1);
  for (const q of survey.questions) {
    if (q.type === 'likert') out[q.id] = Math.min(5, Math.max(1, Math.round(3.4 + mood + rnd.around(0, 1.6))));
    else if (q.type === 'choice') out[q.id] = rnd.pick(q.options);
    else if (rnd.chance(0.4)) out[q.id] = rnd.pick(SURVEY_COMMENTS);
  }
  return out;
}

export function makeForums(gen: Gen, schools: readonly School[], people: readonly Person[]): Forum[] {
  const rnd = gen.random('forums');
  const heads = schools.flatMap((s) => (s.headteacherId ? [{ id: s.headteacherId, school: s }] : []));
  const inNetwork = (n: string) => people.filter((p) => p.networks.includes(n));
  const day = (n: number) => gen.schoolDay(n);
  const invites = (ids: { id: string; expected?: boolean }[], answered: number): Forum['invites'] =>
    ids.map(({ id, expected = false }) => {
      const rsvp = rnd.chance(answered) ? rnd.weighted({ accepted: 70, tentative: 10, declined: 20 }) : undefined;
      return {
        personId: id,
        invitedAt: gen.at(day(-6), '09:15'),
        expected,
        ...(rsvp ? { rsvp, rsvpAt: gen.at(day(-rnd.int(1, 5)), '12:40') } : {}),
        ...(!rsvp && rnd.chance(0.3) ? { nudgedAt: gen.at(day(-2), '07:30') } : {}),
      };
    });
  const forum = (id: string, title: string, kind: string, startDay: string, from: string, to: string, location: string, expectedCategories: string[], list: Forum['invites']): Forum => ({
    id, title, kind, startsAt: gen.at(startDay, from), endsAt: gen.at(startDay, to), location, expectedCategories, invites: list, createdById: 'tom',
  });
  return [
    forum(
      'sif-' + gen.halfTerm.id, `School Improvement Forum, ${gen.halfTerm.name}`, 'school-improvement', day(8), '13:30', '15:30', 'Riverside Academy, conference room', ['amber', 'red'],
      invites(heads.map((h) => ({ id: h.id, expected: ['amber', 'red'].includes(h.school.categoryId ?? '') })), 0.7),
    ),
    forum('send-network-' + gen.halfTerm.id, 'SEND network', 'send', day(14), '15:45', '17:00', 'Online', [], invites(inNetwork('send').map((p) => ({ id: p.id })), 0.5)),
    forum('dsl-network-' + gen.halfTerm.id, 'DSL network: safeguarding update', 'dsl', day(5), '15:45', '17:00', 'Online', [], invites(inNetwork('dsl').map((p) => ({ id: p.id })), 0.6)),
    forum('strategic-heads-' + gen.halfTerm.id, 'Strategic headteachers', 'strategic-heads', day(20), '09:30', '12:00', 'Trust office, boardroom', [], invites(heads.map((h) => ({ id: h.id })), 0.4)),
    forum('y6-network-' + gen.halfTerm.id, 'Year 6 network', 'y6', day(3), '16:00', '17:00', 'Online', [], []),
  ];
}

export function makeTalent(gen: Gen, schools: readonly School[], staffOf: ReadonlyMap<string, Person[]>): { talent: TalentEntry[]; approvals: Approval[] } {
  const rnd = gen.random('talent');
  const talent: TalentEntry[] = [];
  const approvals: Approval[] = [];
  for (const s of schools) {
    if (!s.headteacherId || !(s.id === 'beacon' || s.id === 'riverside' || rnd.chance(0.3))) continue;
    const staff = (staffOf.get(s.id) ?? []).filter((p) => p.id !== s.headteacherId && !/Teaching Assistant/.test(p.jobTitle ?? ''));
    for (const p of rnd.sample(staff, rnd.int(1, 2))) {
      const stage = rnd.weighted({ 'on-register': 55, nominated: 12, referenced: 10, interviewed: 8, 'offer-pending': 5, declined: 5, withdrawn: 5 });
      const nominatedAt = addDays(gen.today, -rnd.int(10, 500));
      const post = (p.jobTitle ?? 'Teacher').split(',')[0]!;
      const e: TalentEntry = {
        id: gen.id('talent'),
        name: p.name,
        schoolId: s.id,
        post,
        phase: s.phase,
        expertise: rnd.sample(EXPERTISE, rnd.int(1, 3)),
        supportAvailable: rnd.pick(['Half a day a week', 'One visit a fortnight', 'Coaching by video call', 'Moderation and planning support', '']),
        nominatedById: s.headteacherId,
        nominatedAt: gen.at(nominatedAt),
        stage,
        ...(stage !== 'nominated' ? { reference: `${p.name} leads ${post.toLowerCase()} work across the school and coaches colleagues well.` } : {}),
      };
      if (['interviewed', 'offer-pending', 'on-register'].includes(stage)) {
        e.visit = { date: addDays(nominatedAt, 20), notes: 'Strong practice seen; ready to support another school.', recordedById: s.dosiId ?? 'tom', outcome: 'recommend' };
      }
      if (stage === 'on-register') {
        e.addedAt = gen.at(addDays(nominatedAt, 40));
        // Some are more than a year old: the annual refresh is due.
        e.refreshedAt = addDays(nominatedAt, 40);
      }
      if (stage === 'offer-pending') {
        e.approvalId = gen.id('approval');
        approvals.push({
          id: e.approvalId,
          kind: 'talent-offer',
          title: `Offer ${e.name} (${e.post}, ${s.name}) a place on the talent register`,
          schoolId: s.id,
          facts: [
            { title: 'School', value: s.name },
            { title: 'Post', value: e.post },
            { title: 'Expertise', value: e.expertise.join(', ') },
            { title: 'Support available', value: e.supportAvailable || 'not said' },
          ],
          recommendation: 'Strong practice seen; ready to support another school.',
          cases: [],
          requestedById: s.dosiId ?? 'tom',
          requestedAt: gen.at(addDays(gen.today, -rnd.int(1, 12)), '14:00'),
          deciderRoles: ['ceo', 'deputy-ceo'],
          status: 'pending',
          payload: { entryId: e.id },
        });
      }
      talent.push(e);
    }
  }
  return { talent, approvals };
}

/** The playground's conversations and the SLT channel's weekly digest, as the demo has them. */
export function localConversations(gen: Gen, people: readonly Person[]): Pick<Data, 'conversations' | 'subscriptions'> {
  const at = gen.nowIso;
  const exec = people.filter((p) => ['amira', 'tom', 'rachel', 'sam', 'jo', 'helen', 'mark'].includes(p.id) || p.roles.some((r) => ['dosi', 'sil'].includes(r.role)));
  return {
    conversations: [
      ...exec.map((p) => ({ key: `local:person:${p.id}`, platform: 'local' as const, kind: 'personal' as const, personId: p.id, name: p.name, ref: null, blocked: false, updatedAt: at })),
      { key: 'local:channel:slt', platform: 'local', kind: 'channel', name: 'SLT channel', ref: null, blocked: false, updatedAt: at },
      { key: 'local:channel:beacon-staff', platform: 'local', kind: 'channel', name: 'Beacon Primary staff', ref: null, blocked: false, updatedAt: at },
      { key: 'local:channel:headteachers', platform: 'local', kind: 'channel', name: 'Headteachers', ref: null, blocked: false, updatedAt: at },
    ],
    subscriptions: [
      { conversationKey: 'local:channel:slt', digest: 'weekly-slt', byId: 'tom', at },
      { conversationKey: 'local:channel:slt', digest: 'risk-pack', byId: 'tom', at },
      { conversationKey: 'local:channel:slt', digest: 'board-termly', byId: 'amira', at },
    ],
  };
}
