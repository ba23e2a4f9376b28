// The roles a trust file may name: the bot's built-in ones (src/domain/people.ts) and the ones issue 13
// adds. A file relabels them in its own words, limits them to settings or a hub, or adds its own
// roles that act like one of these.
import { ROLES, ROLE_LABELS, SCHOOL_ROLES } from '../domain/people';

export type RoleScope = 'trust' | 'setting' | 'hub';

export interface KnownRole {
  label: string;
  scope: RoleScope;
}

/** The built-in roles keep their labels; headteacher, staff and governors are held at a setting. */
const BUILT_IN: Record<string, KnownRole> = Object.fromEntries(
  ROLES.map((r) => [r, { label: ROLE_LABELS[r], scope: SCHOOL_ROLES.includes(r) ? 'setting' : 'trust' }]),
);

/** Roles the bot will know once the domain takes them from the file (issue 13's list). */
const ADDED: Record<string, KnownRole> = {
  'director-of-qa': { label: 'Director of Quality Assurance', scope: 'trust' },
  'director-for-inclusion': { label: 'Director for Inclusion', scope: 'trust' },
  dsl: { label: 'Designated Safeguarding Lead', scope: 'setting' },
  senco: { label: 'SENCO', scope: 'setting' },
  'school-business-manager': { label: 'School business manager', scope: 'setting' },
  cfo: { label: 'Chief Financial Officer', scope: 'trust' },
  'hub-lead': { label: 'Hub lead', scope: 'hub' },
  'school-partner': { label: 'School partner', scope: 'setting' },
};

export const KNOWN_ROLES: Readonly<Record<string, KnownRole>> = { ...BUILT_IN, ...ADDED };
export const BUILT_IN_ROLE_IDS: readonly string[] = ROLES;
