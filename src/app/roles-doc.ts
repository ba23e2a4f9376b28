// The roles matrix as Markdown, generated from PERMISSIONS so the document cannot drift.
import { ROLE_LABELS, ROLES } from '../domain/people';
import { PERMISSIONS, type Permission } from './permissions';

export function rolesDoc(): string {
  const head = `| command or action | ${ROLES.map((r) => ROLE_LABELS[r]).join(' | ')} | limited to | private |`;
  const rule = `| --- | ${ROLES.map(() => ':-:').join(' | ')} | --- | :-: |`;
  const rows = Object.entries(PERMISSIONS).map(([key, p]: [string, Permission]) => {
    const cells = ROLES.map((r) => (p.roles.includes(r) ? '✓' : ''));
    return `| \`${key}\` | ${cells.join(' | ')} | ${p.scope ?? ''} | ${p.private ? '✓' : ''} |`;
  });
  return [
    '# Who may do what',
    '',
    'Generated from `src/app/permissions.ts` by `npm run docs:roles`; the dispatcher enforces this',
    'table in one place, before any workflow runs, and `test/integration/roles.test.ts` walks it row',
    'by row. "Limited to" is checked by the workflow on top of the role (own school, own actions).',
    'A refusal is answered with a card and written to the audit log. A "private" answer asked for in a',
    "shared channel (Teams, the playground) is sent to the person's own chat with the bot instead; Slack's",
    'slash-command answers are seen by the sender alone already.',
    '',
    head,
    rule,
    ...rows,
    '',
  ].join('\n');
}
