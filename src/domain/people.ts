// People of the trust and the roles they hold. A role may be tied to one school.
import { z } from 'zod';

export const ROLES = [
  'ceo',
  'deputy-ceo',
  'dosi',
  'sil',
  'headteacher',
  'staff',
  'chair',
  'trustee',
  'governor',
  'governor-chair',
] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const ROLE_LABELS: Record<Role, string> = {
  ceo: 'CEO',
  'deputy-ceo': 'Deputy CEO',
  dosi: 'Director of School Improvement',
  sil: 'School Improvement Lead',
  headteacher: 'Headteacher',
  staff: 'Staff',
  chair: 'Chair of the Board',
  trustee: 'Trustee',
  governor: 'Academy Committee / LGB member',
  'governor-chair': 'Chair of the Academy Committee / LGB',
};

/** Roles held at one school; the others are trust-wide. Governors sit on one school's Academy Committee / LGB. */
export const SCHOOL_ROLES: readonly Role[] = ['headteacher', 'staff', 'governor', 'governor-chair'];

export const RoleGrantSchema = z
  .object({ role: RoleSchema, schoolId: z.string().min(1).optional() })
  .refine((g) => !SCHOOL_ROLES.includes(g.role) || g.schoolId, {
    message: 'headteacher, staff, governor and governor-chair roles name their school',
  });
export type RoleGrant = z.infer<typeof RoleGrantSchema>;

export const PersonSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  email: z.email(),
  jobTitle: z.string().optional(),
  roles: z.array(RoleGrantSchema).min(1),
  /** Network memberships such as SENDCO or DSL, used to invite forum audiences. */
  networks: z.array(z.string()).default([]),
  teamsAadObjectId: z.string().optional(),
  slackUserId: z.string().optional(),
});
export type Person = z.infer<typeof PersonSchema>;

export function hasRole(person: Person, role: Role, schoolId?: string): boolean {
  return person.roles.some((g) => g.role === role && (schoolId === undefined || g.schoolId === schoolId));
}

export function rolesOf(person: Person): Role[] {
  return [...new Set(person.roles.map((g) => g.role))];
}

/** Schools where the person holds a school role (headteacher or staff). */
export function schoolsOf(person: Person, role?: Role): string[] {
  return person.roles
    .filter((g) => g.schoolId && (role === undefined || g.role === role))
    .map((g) => g.schoolId!);
}

/** The executive team sees every school. */
export const TRUST_WIDE: readonly Role[] = ['ceo', 'deputy-ceo', 'dosi', 'sil', 'chair', 'trustee'];

export function seesWholeTrust(person: Person): boolean {
  return person.roles.some((g) => TRUST_WIDE.includes(g.role));
}
