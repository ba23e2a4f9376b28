// Who may run which command and card action: the one place it is decided. docs/roles.md is generated
// from this table (npm run docs:roles) and the tests walk it row by row. Scope (own school only, own
// actions only) is checked by the handler on top of the role.
import type { Role } from '../domain';

const EXEC: Role[] = ['ceo', 'deputy-ceo', 'dosi', 'sil'];
const BOARD: Role[] = ['chair', 'trustee'];
const EVERYONE: Role[] = ['ceo', 'deputy-ceo', 'dosi', 'sil', 'headteacher', 'staff', 'chair', 'trustee'];
/** Academy Committee / LGB members and chairs: read-only (help, home, the board digest, forums). */
const GOVERNORS: Role[] = ['governor', 'governor-chair'];

export interface Permission {
  roles: readonly Role[];
  /** Said in the matrix: what the role is limited to. */
  scope?: string;
  /**
   * The answer is for the asker alone (a school's plan, CEO decisions, survey results, the talent
   * register): asked in a shared channel, it goes to the person's own chat with the bot instead.
   */
  private?: boolean;
}

export const PERMISSIONS = {
  help: { roles: [...EVERYONE, ...GOVERNORS] },
  home: { roles: [...EVERYONE, ...GOVERNORS], private: true },
  // Only the asker's name reaches the DSL; asked in a channel, the answer goes to the asker's own chat.
  dsl: { roles: EVERYONE, scope: "tells their own school's DSL that they need to talk", private: true },

  'risk.meeting': { roles: [...EXEC, ...BOARD], private: true },
  'risk.open': { roles: EXEC },
  'risk.questions': { roles: ['headteacher', 'dosi', 'sil'], scope: 'headteachers: their own school', private: true },
  'risk.answer': { roles: ['headteacher', 'dosi', 'sil'], scope: 'headteachers: their own school' },
  'risk.review': { roles: EXEC, private: true },
  'risk.decide': { roles: EXEC },
  'risk.publish': { roles: EXEC, private: true },
  'risk.history': { roles: [...EXEC, ...BOARD, 'headteacher'], scope: 'headteachers: their own school', private: true },
  'risk.dispute': { roles: ['headteacher'], scope: 'their own school' },

  // `isap <school>` is this row too: the plan of a named school, checked against the person's schools.
  'isap.mine': { roles: EVERYONE, scope: "with a school named, headteachers and staff: their own school's plan", private: true },
  'isap.open': { roles: EVERYONE, scope: 'headteachers and staff: their own school', private: true },
  'isap.overdue': { roles: [...EXEC, ...BOARD, 'headteacher'], scope: 'headteachers: their own school', private: true },
  'isap.add': { roles: [...EXEC, 'headteacher'], scope: 'headteachers: their own school', private: true },
  'isap.update': { roles: [...EXEC, 'headteacher', 'staff'], scope: 'staff: actions they own; headteachers: their school' },
  'isap.complete': { roles: [...EXEC, 'headteacher', 'staff'], scope: 'staff: actions they own; headteachers: their school' },
  'isap.extend': { roles: [...EXEC, 'headteacher', 'staff'], scope: 'staff: actions they own; headteachers: their school' },
  'isap.snooze': { roles: [...EXEC, 'headteacher', 'staff'], scope: 'staff: actions they own; headteachers: their school' },

  'forum.list': { roles: [...EVERYONE, ...GOVERNORS] },
  'forum.create': { roles: EXEC },
  'forum.invite': { roles: EXEC },
  'forum.responses': { roles: EXEC, private: true },
  'forum.rsvp': { roles: [...EVERYONE, ...GOVERNORS], scope: 'forums they are invited to' },

  'talent.list': { roles: [...EXEC, 'headteacher'], private: true },
  'talent.search': { roles: [...EXEC, 'headteacher'], private: true },
  'talent.nominate': { roles: ['headteacher'], scope: 'staff of their own school', private: true },
  'talent.reference': { roles: ['headteacher'], scope: 'their own nominations', private: true },
  'talent.visit': { roles: EXEC, private: true },
  'talent.refresh': { roles: EXEC, private: true },
  'talent.renew': { roles: EXEC },

  'survey.list': { roles: EVERYONE },
  'survey.create': { roles: [...EXEC, 'headteacher'], scope: 'headteachers: their own school' },
  'survey.open': { roles: [...EXEC, 'headteacher'], scope: 'headteachers: surveys they created' },
  'survey.close': { roles: [...EXEC, 'headteacher'], scope: 'headteachers: surveys they created' },
  'survey.post': { roles: [...EXEC, 'headteacher'], scope: 'headteachers: open surveys sent to their school' },
  'survey.answer': { roles: EVERYONE, scope: 'surveys whose audience includes them, once' },
  'survey.results': { roles: [...EXEC, ...BOARD, 'headteacher'], scope: 'headteachers: their own school', private: true },
  'survey.export': { roles: [...EXEC, ...BOARD, 'headteacher'], scope: 'headteachers: their own school', private: true },

  'approvals.list': { roles: ['ceo', 'deputy-ceo', 'dosi', 'chair'], private: true },
  'approval.decide': { roles: ['ceo', 'deputy-ceo', 'dosi', 'chair'], scope: "the decision's own decider roles" },
  'approval.view': { roles: EVERYONE, scope: 'decisions they raised or may decide (a card refreshing itself)' },

  // `digest` and `digest weekly|risk`: every school's figures. `digest board` is its own row, for governors too.
  'digest.preview': { roles: [...EXEC, ...BOARD] },
  'digest.board': { roles: [...EXEC, ...BOARD, ...GOVERNORS] },
  'digest.subscribe': { roles: EXEC },
  'digest.send': { roles: EXEC },
} satisfies Record<string, Permission>;

export type PermissionKey = keyof typeof PERMISSIONS;

export function mayRun(roles: readonly Role[], key: PermissionKey): boolean {
  const p: Permission = PERMISSIONS[key];
  return roles.some((r) => p.roles.includes(r));
}
