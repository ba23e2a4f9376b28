// The checks that look across the file: ids used twice, ranks used twice, a decider or a category or a
// hub that the file never declares. Each issue names its own path so that the reader can give its line.
import type { z } from 'zod';
import { IF_FORMS, THEN_FORMS, parseIf, parseThen } from './points';
import { BUILT_IN_ROLE_IDS, KNOWN_ROLES } from './roles';
import type { TrustFileData } from './schema';

type Ctx = z.RefinementCtx;
type Path = (string | number)[];

const list = (xs: Iterable<string>) => [...xs].join(', ') || '(none)';

function duplicates<T>(items: readonly T[], key: (t: T) => string | undefined, path: (i: number) => Path, what: string, ctx: Ctx): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const k = key(item);
    if (k === undefined) return;
    const first = seen.get(k);
    if (first !== undefined) ctx.addIssue({ code: 'custom', path: path(i), message: `${what} ${what === 'rank' ? k : `"${k}"`} is used twice (also by entry ${first + 1} of the list): each must be different` });
    else seen.set(k, i);
  });
}

/** Roles in force: the built-in ones and those the file names (known ones and its own). */
export function rolesInForce(data: Pick<TrustFileData, 'roles'>): Set<string> {
  const ids = new Set(BUILT_IN_ROLE_IDS);
  for (const r of data.roles) ids.add(r.id);
  return ids;
}

export function checkReferences(data: TrustFileData, ctx: Ctx): void {
  const roles = rolesInForce(data);
  data.roles.forEach((r, i) => {
    if (!KNOWN_ROLES[r.id] && !r.like) ctx.addIssue({ code: 'custom', path: ['roles', i, 'like'], message: `role "${r.id}" is the trust's own: say which known role it acts like (like: one of ${list(Object.keys(KNOWN_ROLES))})` });
    if (r.like && !KNOWN_ROLES[r.like]) ctx.addIssue({ code: 'custom', path: ['roles', i, 'like'], message: `"${r.like}" is not a known role: like is one of ${list(Object.keys(KNOWN_ROLES))}` });
    if (!KNOWN_ROLES[r.id] && !r.label) ctx.addIssue({ code: 'custom', path: ['roles', i, 'label'], message: `role "${r.id}" is the trust's own: give it a label (how people see it)` });
  });
  duplicates(data.roles, (r) => r.id, (i) => ['roles', i, 'id'], 'role id', ctx);

  // Settings and groupings.
  duplicates(data.settings, (s) => s.id, (i) => ['settings', i, 'id'], 'setting id', ctx);
  const settingIds = new Set(data.settings.map((s) => s.id));
  const groups = { hub: data.groupings.hubs, region: data.groupings.regions, cluster: data.groupings.clusters } as const;
  data.settings.forEach((s, i) => {
    for (const g of ['hub', 'region', 'cluster'] as const) {
      const v = s[g];
      if (v !== undefined && !groups[g].includes(v)) ctx.addIssue({ code: 'custom', path: ['settings', i, g], message: `${g} "${v}" is not declared: add it under groupings.${g}s (declared: ${list(groups[g])})` });
    }
    if (s.within !== undefined && (!settingIds.has(s.within) || s.within === s.id)) ctx.addIssue({ code: 'custom', path: ['settings', i, 'within'], message: `within names the setting this one belongs to: "${s.within}" is not another setting's id (settings: ${list(settingIds)})` });
  });

  // Framework.
  const fw = data.framework;
  const categoryIds = new Set(fw?.categories.map((c) => c.id) ?? []);
  if (fw) {
    duplicates(fw.categories, (c) => c.id, (i) => ['framework', 'categories', i, 'id'], 'category id', ctx);
    duplicates(fw.categories, (c) => String(c.rank), (i) => ['framework', 'categories', i, 'rank'], 'rank', ctx);
    duplicates(fw.categories, (c) => c.label, (i) => ['framework', 'categories', i, 'label'], 'label', ctx);
    duplicates(fw.strands, (s) => s.id, (i) => ['framework', 'strands', i], 'strand', ctx);
    const strandIds = new Set(fw.strands.map((s) => s.id));
    fw.strands.forEach((s, i) => {
      if (s.within !== undefined && (!strandIds.has(s.within) || s.within === s.id)) ctx.addIssue({ code: 'custom', path: ['framework', 'strands', i, 'within'], message: `within names another strand: "${s.within}" is not one (strands: ${list(strandIds)})` });
    });
    const both = [...fw.categories.map((c, i) => ({ c, path: ['framework', 'categories', i] as Path })), ...(fw.overlay ? [{ c: fw.overlay, path: ['framework', 'overlay'] as Path }] : [])];
    for (const { c, path } of both) {
      if (c.decidedBy !== undefined && !roles.has(c.decidedBy)) ctx.addIssue({ code: 'custom', path: [...path, 'decidedBy'], message: `decidedBy "${c.decidedBy}" is not a role of this trust: use one of ${list(roles)}, or add it under roles` });
      for (const strand of Object.keys(c.benchmarks)) {
        if (!strandIds.has(strand)) ctx.addIssue({ code: 'custom', path: [...path, 'benchmarks', strand], message: `"${strand}" is not a strand of the framework: benchmarks are keyed by strand id (strands: ${list(strandIds)})` });
      }
    }
    // A category replaces one that is gone: not one still in the file, and not one replaced twice.
    const replaced = new Map<string, string>();
    for (const { c, path } of both) {
      c.replaces.forEach((r, j) => {
        if (categoryIds.has(r) || fw.overlay?.id === r) ctx.addIssue({ code: 'custom', path: [...path, 'replaces', j], message: `"${r}" is still a category of this file: replaces names a category in force before that this file no longer has` });
        else if (replaced.has(r)) ctx.addIssue({ code: 'custom', path: [...path, 'replaces', j], message: `"${r}" is already replaced by "${replaced.get(r)}": each old category goes to one new one` });
        else replaced.set(r, c.id);
      });
    }
    if (fw.overlay && categoryIds.has(fw.overlay.id)) ctx.addIssue({ code: 'custom', path: ['framework', 'overlay', 'id'], message: `the overlay's id "${fw.overlay.id}" is also a category's: it must be its own` });
    const worst = Math.max(...fw.categories.map((c) => c.rank));
    if (fw.overlay?.rank !== undefined && fw.overlay.rank <= worst) ctx.addIssue({ code: 'custom', path: ['framework', 'overlay', 'rank'], message: `the overlay's rank must come after every category's (more than ${worst}), or be left out` });
  }

  // Questions.
  duplicates(data.questions, (q) => q.id, (i) => ['questions', i, 'id'], 'question id', ctx);
  const questionIds = new Map(data.questions.map((q) => [q.id, q.kind]));
  data.questions.forEach((q, i) => {
    const at = (...p: Path): Path => ['questions', i, ...p];
    if (q.kind === 'choice' && q.options.length < 2) ctx.addIssue({ code: 'custom', path: at('options'), message: 'a choice question lists at least two options' });
    if (q.kind !== 'choice' && q.options.length) ctx.addIssue({ code: 'custom', path: at('options'), message: `options go with kind: choice, not ${q.kind}` });
    if (q.kind === 'criteria' && !fw) ctx.addIssue({ code: 'custom', path: at('kind'), message: 'a criteria checklist asks about the framework\'s criteria: this file has no framework' });
    if (q.kind === 'criteria' && q.points.length) ctx.addIssue({ code: 'custom', path: at('points'), message: 'a criteria checklist points to the worst category picked by itself: leave points out' });
    if (q.points.length && !fw) ctx.addIssue({ code: 'custom', path: at('points'), message: 'points move a proposed category: this file has no framework' });
    q.points.forEach((p, j) => {
      const cond = parseIf(q.kind, p.if, q.options);
      if (!cond) {
        const allowed = IF_FORMS[q.kind];
        ctx.addIssue({ code: 'custom', path: at('points', j, 'if'), message: allowed ? `if "${p.if}" is not an answer to a ${q.kind} question: write ${allowed}${q.kind === 'choice' ? ` (${q.options.join(', ')})` : ''}` : `a ${q.kind} question's answers cannot point to a category: leave points out` });
      } else if ('belowQuestion' in cond && questionIds.get(cond.belowQuestion) !== 'number') {
        ctx.addIssue({ code: 'custom', path: at('points', j, 'if'), message: `"${cond.belowQuestion}" is not a number question of this file: compare with one of ${list([...questionIds].filter(([, k]) => k === 'number').map(([k]) => k))}` });
      }
      const move = parseThen(p.then, fw?.overlay?.id);
      if (!move) ctx.addIssue({ code: 'custom', path: at('points', j, 'then'), message: `then "${p.then}" is not a move: write ${THEN_FORMS}` });
      else if ('atLeast' in move && !categoryIds.has(move.atLeast)) ctx.addIssue({ code: 'custom', path: at('points', j, 'then'), message: `"${move.atLeast}" is not a category of the framework: use one of ${list(categoryIds)}` });
      else if ('overlay' in move && fw && !fw.overlay) ctx.addIssue({ code: 'custom', path: at('points', j, 'then'), message: 'the framework has no overlay: point to a category instead ("at least <category id>" or "worst")' });
    });
  });

  // Round.
  const round = data.round;
  if (round) {
    if (round.cadence !== 'annual' && (round.month !== undefined || round.byPhase.length)) ctx.addIssue({ code: 'custom', path: ['round', round.month !== undefined ? 'month' : 'byPhase'], message: `a ${round.cadence} round follows the calendar: month and byPhase go with cadence: annual` });
    if (round.month !== undefined && round.byPhase.length) ctx.addIssue({ code: 'custom', path: ['round', 'byPhase'], message: 'give one month for all settings or a month per phase (byPhase), not both' });
    duplicates(round.byPhase, (p) => p.phase, (i) => ['round', 'byPhase', i, 'phase'], 'phase', ctx);
  }

  const d = data.disputes;
  d?.raisedBy.forEach((r, i) => {
    if (!roles.has(r)) ctx.addIssue({ code: 'custom', path: ['disputes', 'raisedBy', i], message: `"${r}" is not a role of this trust: use one of ${list(roles)}, or add it under roles` });
  });
  if (d?.decidedBy !== undefined && !roles.has(d.decidedBy)) ctx.addIssue({ code: 'custom', path: ['disputes', 'decidedBy'], message: `decidedBy "${d.decidedBy}" is not a role of this trust: use one of ${list(roles)}, or add it under roles` });

  // Forums and surveys.
  duplicates(data.forums, (f) => f.id, (i) => ['forums', i, 'id'], 'forum id', ctx);
  data.forums.forEach((f, i) => {
    f.invite.forEach((r, j) => {
      if (!roles.has(r)) ctx.addIssue({ code: 'custom', path: ['forums', i, 'invite', j], message: `"${r}" is not a role of this trust: invite one of ${list(roles)}` });
    });
    f.expectedFor.forEach((c, j) => {
      if (!categoryIds.has(c)) ctx.addIssue({ code: 'custom', path: ['forums', i, 'expectedFor', j], message: `"${c}" is not a category of the framework: use one of ${list(categoryIds)}` });
    });
  });
  duplicates(data.surveys, (s) => s.id, (i) => ['surveys', i, 'id'], 'survey id', ctx);
  data.surveys.forEach((s, i) =>
    s.questions.forEach((q, j) => {
      if (q.type === 'choice' && q.options.length < 2) ctx.addIssue({ code: 'custom', path: ['surveys', i, 'questions', j, 'options'], message: 'a choice question lists at least two options' });
    }),
  );
}
