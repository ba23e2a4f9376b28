// Fills in what a small file leaves out, once its references are known to be sound: the overlay's rank,
// a half-termly round and the bot's usual questions for a trust with a framework, the roles in force with
// their labels, and each question's rules as data.
import { parseIf, parseThen, type PointRule } from './points';
import { KNOWN_ROLES, BUILT_IN_ROLE_IDS, type RoleScope } from './roles';
import type { FileQuestion, TrustFileData } from './schema';

export interface TrustRole {
  id: string;
  label: string;
  scope: RoleScope;
  /** The known role whose permissions it has: itself for a known role. */
  like: string;
  /** True when the file names it; the built-in roles are in force either way. */
  declared: boolean;
}

/** The questions a trust with a framework and no questions of its own is asked: the bot's usual ones. */
export const DEFAULT_QUESTIONS: FileQuestion[] = [
  { id: 'criteria', text: 'Which of these describe the school now?', kind: 'criteria', required: false, asked: 'each-setting', options: [], points: [] },
  { id: 'national-attendance', text: 'National attendance this half term (%)', kind: 'number', required: true, asked: 'trust-wide', options: [], points: [] },
  {
    id: 'attendance',
    text: 'Attendance this half term (%)',
    kind: 'number',
    required: true,
    asked: 'each-setting',
    options: [],
    points: [{ if: '3 or more below national-attendance', then: 'one worse' }],
  },
  { id: 'safeguarding-concerns', text: 'Are there safeguarding concerns?', kind: 'yes-no', required: true, asked: 'each-setting', options: [], points: [{ if: 'yes', then: 'overlay' }] },
  { id: 'leadership-change', text: 'Has leadership changed (new headteacher, inexperienced SLT)?', kind: 'yes-no', required: true, asked: 'each-setting', options: [], points: [] },
];

export function completeTrustFile(data: TrustFileData) {
  const fw = data.framework;
  const framework = fw && {
    ...fw,
    overlay: fw.overlay && { ...fw.overlay, rank: fw.overlay.rank ?? Math.max(...fw.categories.map((c) => c.rank)) + 1 },
  };
  const written = data.questions.length > 0;
  const questions = (written || !fw ? data.questions : DEFAULT_QUESTIONS).map((q) => ({
    ...q,
    rules: q.points.map(
      (p): PointRule => {
        const then = parseThen(p.then, fw?.overlay?.id)!;
        // A framework without an overlay takes "overlay" as its worst category, as the risk rule does.
        return { if: parseIf(q.kind, p.if, q.options)!, then: 'overlay' in then && !fw?.overlay ? { worst: true } : then };
      },
    ),
  }));
  const round = data.round ?? (fw ? { cadence: 'half-termly' as const, byPhase: [] } : undefined);
  const named = new Map(data.roles.map((r) => [r.id, r]));
  const roleIds = [...new Set([...BUILT_IN_ROLE_IDS, ...named.keys()])];
  const roles: TrustRole[] = roleIds.map((id) => {
    const r = named.get(id);
    const known = KNOWN_ROLES[id] ?? KNOWN_ROLES[r?.like ?? ''];
    return { id, label: r?.label ?? known!.label, scope: r?.scope ?? known!.scope, like: r?.like ?? id, declared: r !== undefined };
  });
  return { ...data, framework, questions, questionsDefaulted: !written && !!fw, round, roundDefaulted: !data.round && !!fw, roles };
}
