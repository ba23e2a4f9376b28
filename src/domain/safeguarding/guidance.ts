// What the redirect card says. Staff get the staff routes (their DSL by name where the trust
// records one, CPOMS/MyConcern, the LADO for concerns about adults, 999). Pupils and parents, on
// the public survey page to come, get theirs instead (a trusted adult, Childline, the NSPCC
// helpline, 999): `forPupils` switches the wording.
import type { Person } from '../people';

/**
 * The DSLs of a school: people the trust records in the DSL network who hold a role there. The
 * trust's people file has no DSL role; its `networks` column (used for forum audiences) does.
 */
export function dslsOf(people: readonly Person[], schoolId: string): Person[] {
  return people.filter((p) => p.networks.some((n) => n.toLowerCase() === 'dsl') && p.roles.some((r) => r.schoolId === schoolId));
}

export interface GuidanceOptions {
  /** The school's DSL by name, when the trust records one. */
  dslName?: string;
  /** Wording for pupils and parents rather than staff. */
  forPupils?: boolean;
  /** Offer the "I need to talk to the DSL" button (staff with a DSL on record). */
  askDsl?: boolean;
  /** Who to ask when unsure who the DSL is (staff only). */
  contact?: string;
}

export interface Guidance extends Record<string, unknown> {
  title: string;
  intro: string;
  steps: string[];
  note: string;
  contact: string;
  forPupils: boolean;
  askDsl: boolean;
}

export const NOT_SAVED = 'What you typed has not been saved anywhere.';

export function safeguardingGuidance(o: GuidanceOptions = {}): Guidance {
  const forPupils = o.forPupils ?? false;
  if (forPupils) {
    return {
      title: 'Please tell someone who can help',
      intro: 'It sounds as if you or someone you know might not be safe. This page is not the place to say it, but people are ready to listen:',
      steps: [
        `Talk to an adult you trust today: a teacher, ${o.dslName ? `${o.dslName} (who looks after keeping children safe at school)` : "the person at school who looks after keeping children safe (the DSL)"}, or a parent or carer.`,
        'Children and young people: call Childline free on 0800 1111, or go to childline.org.uk. It is free, any time, and will not show on the phone bill.',
        'Adults worried about a child: call the NSPCC helpline on 0808 800 5000.',
        'If someone is in danger right now, call 999.',
      ],
      note: NOT_SAVED,
      contact: '',
      forPupils,
      askDsl: false,
    };
  }
  const dsl = o.dslName ? `${o.dslName}, your Designated Safeguarding Lead` : "your school's DSL (Designated Safeguarding Lead)";
  return {
    title: 'This needs your DSL, not a chat bot',
    intro: "It sounds as if this could be about a child's safety. Please do this instead:",
    steps: [
      `Speak to ${dsl}, or a deputy DSL, now, today.`,
      "Record the concern in your school's safeguarding system (CPOMS or MyConcern), in the words that were used.",
      'If it is about a member of staff, a supply teacher or a volunteer, tell your headteacher today (about the headteacher: your Chair of Governors or the trust). They involve the LADO.',
      'If a child is in immediate danger, call 999.',
    ],
    note: NOT_SAVED,
    contact: o.contact ?? '',
    forPupils,
    askDsl: o.askDsl ?? false,
  };
}
