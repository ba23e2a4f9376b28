// A generated trust of any size, for trying the bot at scale and for the scale test and benchmarks.
// Pure and deterministic: the same options (seed, clock, survey key) give the same trust, byte for
// byte. Its people follow the demo's, so the demo's six people exist with the same identities.
import { DEMO_TENANT_ID } from './demo-people';
import type { SurveyResponse } from '../domain';
import { emptyData, type Data } from '../store/schema';
import type { Store } from '../store/store';
import { makeGen, type SyntheticOptions } from './synthetic/context';
import { localConversations, makeForums, makeSurveys, makeTalent } from './synthetic/engagement';
import { makeActions } from './synthetic/isap';
import { makeExecutive, makeStaff } from './synthetic/people';
import { makeRisk } from './synthetic/risk';
import { makeHubs, makeSchools } from './synthetic/schools';

export type { SyntheticOptions } from './synthetic/context';

export interface SyntheticTrust {
  data: Data;
  /** The survey responses log, to append after (not inside) the document. */
  surveyResponses: SurveyResponse[];
}

export function generateSyntheticTrust(opts: SyntheticOptions): SyntheticTrust {
  if (!Number.isInteger(opts.schools) || opts.schools < 2) throw new RangeError('a synthetic trust has at least 2 schools (Beacon Primary and Riverside Academy)');
  const gen = makeGen(opts);
  const executive = makeExecutive(gen, opts.schools);
  const hubs = makeHubs(gen, opts.schools, executive.dosiIds);
  const schools = makeSchools(gen, opts.schools, hubs);
  const { people, staffOf } = makeStaff(gen, schools, executive.people);
  const isap = makeActions(gen, schools, staffOf);
  const risk = makeRisk(gen, schools);
  const surveys = makeSurveys(gen, schools, people, staffOf);
  const talent = makeTalent(gen, schools, staffOf);
  const local = opts.local ? localConversations(gen, people) : { conversations: [], subscriptions: [] };
  const data: Data = {
    ...emptyData(),
    trust: {
      id: 'synthetic-trust',
      name: `Synthetic Learning Trust (${opts.schools.toLocaleString('en-GB')} schools)`,
      framework: gen.fw,
      calendar: gen.calendar,
      settings: gen.settings,
      teamsTenantId: DEMO_TENANT_ID,
    },
    schools,
    people,
    categoryHistory: risk.history,
    riskRounds: risk.rounds,
    isapActions: isap.actions,
    forums: makeForums(gen, schools, people),
    talent: talent.talent,
    surveys: surveys.surveys,
    surveyResponders: surveys.responders,
    // Oldest first, as the bot appends them.
    approvals: [...risk.approvals, ...isap.approvals, ...talent.approvals].sort((a, b) => a.requestedAt.localeCompare(b.requestedAt)),
    ...local,
  };
  return { data, surveyResponses: surveys.responses };
}

/** Why a store cannot take a generated trust, or undefined when it is empty. */
export function occupied(store: Store): string | undefined {
  const d = store.read();
  if (d.trust) return `it already holds the trust "${d.trust.name}"`;
  if (d.schools.length || d.people.length) return `it already holds ${d.schools.length} school(s) and ${d.people.length} people`;
  if (store.responseCounts().size) return 'it already holds survey responses';
  return undefined;
}

/**
 * Writes a generated trust into an empty store: the responses appended together (one write, one
 * fsync), then the document in one transaction. Responses first, as the demo seed does: a crash in
 * between leaves no trust, and the refusal above says so rather than adding them twice.
 */
export async function writeSyntheticTrust(store: Store, trust: SyntheticTrust): Promise<void> {
  const why = occupied(store);
  if (why) throw new Error(`Not writing a synthetic trust: ${why}.`);
  await Promise.all(trust.surveyResponses.map((r) => store.append('surveyResponses', r)));
  await store.transact((d) => void Object.assign(d, trust.data));
}
