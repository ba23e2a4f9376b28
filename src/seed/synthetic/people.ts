// The trust's people: the demo's six with their fixed identities, an executive team sized to the
// trust, and about forty staff per school (a headteacher, a couple of SLT, leads with networks, teachers).
import type { Person, School } from '../../domain';
import { DEMO_PEOPLE } from '../demo-people';
import type { Gen } from './context';
import type { Random } from './random';
import { FIRST_NAMES, LAST_NAMES } from './words';

/** The demo's six people (CONTRACT.md), plus its Deputy CEO. */
const DEMO_IDS = ['amira', 'tom', 'rachel', 'sam', 'jo', 'helen', 'mark'];

export interface Staffing {
  people: Person[];
  /** Per school: its staff, the headteacher first (when it has one), then SLT, then the rest. */
  staffOf: Map<string, Person[]>;
}

const STAFF_SIZE: Record<School['phase'], [number, number]> = {
  primary: [30, 8], secondary: [72, 12], special: [38, 6], 'all-through': [85, 10], 'alternative-provision': [18, 4], nursery: [12, 3], '16-plus': [45, 8], middle: [36, 6],
};
const SUBJECTS = ['English', 'Maths', 'Science', 'History', 'Geography', 'Computing', 'Art', 'Music', 'PE', 'French', 'Spanish', 'RE', 'Design and Technology'];

/** Executive Directors first (Tom among them), before any school exists: hubs are assigned to them. */
export function makeExecutive(gen: Gen, schools: number): { people: Person[]; dosiIds: string[] } {
  const rnd = gen.random('executive');
  const names = nameMaker(rnd);
  const demo = DEMO_PEOPLE.filter((p) => DEMO_IDS.includes(p.id)).filter((p) => !p.roles.some((r) => r.schoolId));
  const people: Person[] = [...demo];
  const dosiIds = ['tom'];
  const more = Math.max(0, Math.ceil(schools / 80) - 1);
  for (let i = 0; i < more; i++) {
    const p = names.person(gen.id('dosi'), 'Director of School Improvement', [{ role: 'dosi' }]);
    people.push(p);
    dosiIds.push(p.id);
  }
  for (let i = 0; i < Math.min(6, Math.ceil(schools / 100)); i++) people.push(names.person(gen.id('sil'), 'School Improvement Lead', [{ role: 'sil' }]));
  for (let i = 0; i < 4; i++) people.push(names.person(gen.id('trustee'), 'Trustee', [{ role: 'trustee' }]));
  return { people, dosiIds };
}

export function makeStaff(gen: Gen, schools: School[], executive: Person[]): Staffing {
  const rnd = gen.random('staff');
  const names = nameMaker(rnd, executive);
  const staffOf = new Map<string, Person[]>();
  const people = [...executive];
  const demoAt = (schoolId: string, role: 'headteacher' | 'staff') => DEMO_PEOPLE.find((p) => DEMO_IDS.includes(p.id) && p.roles.some((r) => r.role === role && r.schoolId === schoolId));
  for (const s of schools) {
    const [mean, spread] = STAFF_SIZE[s.phase];
    const size = Math.max(8, Math.round(rnd.around(mean, spread)));
    const primaryish = ['primary', 'nursery', 'all-through'].includes(s.phase);
    const posts: { title: string; networks: string[] }[] = [
      { title: 'Deputy Headteacher', networks: ['dsl'] },
      { title: 'Assistant Headteacher', networks: [] },
      ...(s.phase === 'secondary' || s.phase === 'all-through' ? [{ title: 'Assistant Headteacher', networks: [] }] : []),
      { title: 'SENDCO', networks: ['send'] },
      ...(primaryish ? [{ title: 'EYFS Lead', networks: ['eyfs'] }, { title: 'Year 6 Teacher', networks: ['y6'] }] : []),
      ...(s.phase !== 'nursery' && rnd.chance(0.6) ? [{ title: 'Attendance Lead', networks: ['attendance'] }] : []),
    ];
    while (posts.length < size - 1) {
      const title = rnd.chance(0.25) ? 'Teaching Assistant' : primaryish || s.phase === 'special' ? 'Teacher' : `Teacher of ${rnd.pick(SUBJECTS)}`;
      posts.push({ title, networks: [] });
    }
    const staff: Person[] = [];
    // About one school in seventy has no substantive headteacher: its questions go to its DoSI.
    const head = demoAt(s.id, 'headteacher') ?? (rnd.chance(0.015) && schools.length > 20 ? undefined : names.person(gen.id('staff'), `Headteacher, ${s.name}`, [{ role: 'headteacher', schoolId: s.id }]));
    if (head) {
      staff.push(head);
      s.headteacherId = head.id;
    }
    const demoStaff = demoAt(s.id, 'staff');
    posts.forEach((post, i) => {
      // Jo Williams is one of Beacon's teachers.
      if (demoStaff && i === posts.length - 1) return staff.push(demoStaff);
      staff.push(names.person(gen.id('staff'), `${post.title}, ${s.name}`, [{ role: 'staff', schoolId: s.id }], post.networks));
    });
    staffOf.set(s.id, staff);
    people.push(...staff);
  }
  return { people, staffOf };
}

/** Names and unique first.last emails, as a trust's directory has them (jane.smith2@ for the second). */
function nameMaker(rnd: Random, taken: readonly Person[] = []) {
  const emails = new Set(taken.map((p) => p.email));
  return {
    person(id: string, jobTitle: string, roles: Person['roles'], networks: string[] = []): Person {
      const first = rnd.pick(FIRST_NAMES);
      const last = rnd.pick(LAST_NAMES);
      const local = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '');
      let email = `${local}@demo-trust.example`;
      for (let n = 2; emails.has(email); n++) email = `${local}${n}@demo-trust.example`;
      emails.add(email);
      return { id, name: `${first} ${last}`, email, jobTitle, roles, networks };
    },
  };
}
