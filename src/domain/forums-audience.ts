// Who a forum invitation reaches: `headteachers`, a network (`send`, `dsl`, `attendance`, `y6`,
// `eyfs`), a category's headteachers (`category:amber`, or just `amber` / `repair`), or everyone at
// one school (`all-staff:beacon`). Pure: the trust's people, schools and framework in, people out.
import type { Framework } from './categories';
import type { Forum } from './forums';
import type { Person, Role } from './people';
import type { School } from './schools';

export interface Trustish {
  people: readonly Person[];
  schools: readonly School[];
  framework: Framework;
}

/** Plural and everyday names for each network. */
const NETWORKS: Record<string, string> = {
  send: 'send', sendco: 'send', sendcos: 'send',
  dsl: 'dsl', dsls: 'dsl', safeguarding: 'dsl',
  attendance: 'attendance',
  y6: 'y6', 'year-6': 'y6',
  eyfs: 'eyfs',
};

export const AUDIENCE_HELP = 'headteachers, send, dsl, attendance, y6, eyfs, category:<category> (or just the category, such as amber or repair), all-staff:<school>, governors, governors:<school>';

export type AudienceResult = { ok: true; people: Person[]; label: string } | { ok: false; problem: string };

const GOVERNANCE: readonly Role[] = ['governor', 'governor-chair'];
const governorOf = (p: Person, schoolId?: string) => p.roles.some((g) => GOVERNANCE.includes(g.role) && (schoolId === undefined || g.schoolId === schoolId));
const headOf = (p: Person, schoolIds: string[]) => p.roles.some((g) => g.role === 'headteacher' && g.schoolId && schoolIds.includes(g.schoolId));

export function matchSchool(schools: readonly School[], q: string): School | undefined {
  const s = q.trim().toLowerCase();
  const slug = (n: string) => n.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return schools.find((x) => x.id === s || x.urn === s || x.name.toLowerCase() === s || slug(x.name) === s) ?? oneOf(schools.filter((x) => slug(x.name).startsWith(s)));
}

function oneOf<T>(xs: T[]): T | undefined {
  return xs.length === 1 ? xs[0] : undefined;
}

export function categoryByName(fw: Framework, q: string) {
  const s = q.trim().toLowerCase();
  return fw.categories.find((c) => c.id.toLowerCase() === s || c.label.toLowerCase() === s || c.short.toLowerCase() === s);
}

/** One audience word. */
export function resolveAudience(t: Trustish, word: string): AudienceResult {
  const w = word.trim().toLowerCase();
  if (w === 'headteachers' || w === 'heads') return { ok: true, people: t.people.filter((p) => p.roles.some((g) => g.role === 'headteacher')), label: 'headteachers' };
  const network = NETWORKS[w];
  if (network) return { ok: true, people: t.people.filter((p) => p.networks.includes(network)), label: `the ${network.toUpperCase()} network` };
  if (w.startsWith('all-staff:')) {
    const school = matchSchool(t.schools, w.slice('all-staff:'.length));
    if (!school) return { ok: false, problem: `No school matches "${word.slice('all-staff:'.length)}".` };
    // Governors sit on the school's committee; they are not its staff.
    return { ok: true, people: t.people.filter((p) => p.roles.some((g) => g.schoolId === school.id && !GOVERNANCE.includes(g.role))), label: `everyone at ${school.name}` };
  }
  if (w === 'governors' || w === 'governance') return { ok: true, people: t.people.filter((p) => governorOf(p)), label: 'Academy Committee / LGB members' };
  if (w.startsWith('governors:')) {
    const school = matchSchool(t.schools, w.slice('governors:'.length));
    if (!school) return { ok: false, problem: `No school matches "${word.slice('governors:'.length)}".` };
    return { ok: true, people: t.people.filter((p) => governorOf(p, school.id)), label: `the Academy Committee / LGB of ${school.name}` };
  }
  const cat = categoryByName(t.framework, w.startsWith('category:') ? w.slice('category:'.length) : w);
  if (cat) {
    const ids = t.schools.filter((s) => s.categoryId === cat.id).map((s) => s.id);
    return { ok: true, people: t.people.filter((p) => headOf(p, ids)), label: `headteachers of ${cat.label} schools` };
  }
  return { ok: false, problem: `I don't know the audience "${word}".` };
}

/** Several words (spaces or commas): the union, each person once. */
export function resolveAudiences(t: Trustish, words: string[]): AudienceResult {
  const parts = words.flatMap((w) => w.split(',')).map((w) => w.trim()).filter(Boolean);
  if (!parts.length) return { ok: false, problem: 'Say who to invite.' };
  const people = new Map<string, Person>();
  const labels: string[] = [];
  for (const part of parts) {
    const r = resolveAudience(t, part);
    if (!r.ok) return r;
    r.people.forEach((p) => people.set(p.id, p));
    labels.push(r.label);
  }
  return { ok: true, people: [...people.values()], label: labels.join(' and ') };
}

/** Headteachers of schools in the forum's expected categories: the people expected to come. */
export function expectedPeople(t: Trustish, forum: Pick<Forum, 'expectedCategories'>): Person[] {
  const ids = t.schools.filter((s) => s.categoryId && forum.expectedCategories.includes(s.categoryId)).map((s) => s.id);
  return t.people.filter((p) => headOf(p, ids));
}
