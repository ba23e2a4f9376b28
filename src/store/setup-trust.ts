// Creates the trust a real deployment runs for (the demo seed is the only other way one appears),
// or changes its name, framework or Teams tenant. Schools already imported from GIAS are kept.
// From a trust file (applyTrustFile), the name and framework come from the file, all or nothing.
import { PRESETS, categoryById, type Category, type Framework } from '../domain/categories';
import { academicYearOf } from '../domain/calendar';
import { typicalCalendar } from '../domain/calendar-presets';
import { TrustSettingsSchema, type Trust } from '../domain/trust';
import { toFramework } from '../trust-file/to-framework';
import type { TrustFile } from '../trust-file/schema';
import { slugify } from './csv';
import type { Data } from './schema';
import type { Store } from './store';

/** A request the operator must change (a trust already there, an unknown framework): nothing is written. */
export class SetupError extends Error {}

export interface TrustSetup {
  name: string;
  framework: string;
  teamsTenantId?: string;
  /** Change the name, framework and tenant of the trust already there (else that is refused). */
  update?: boolean;
  /** Today in the trust's time zone: the typical calendar of its academic year stands in until import:calendar. */
  today: string;
}

const TENANT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function setupTrust(store: Store, s: TrustSetup): Promise<{ trust: Trust; created: boolean }> {
  const name = s.name.trim();
  if (!name) throw new SetupError('The trust needs a name: --name "<Trust name>".');
  const framework = PRESETS[s.framework];
  if (!framework) throw new SetupError(`Unknown framework "${s.framework}": choose one of ${Object.keys(PRESETS).join(', ')}.`);
  if (s.teamsTenantId !== undefined && !TENANT.test(s.teamsTenantId)) {
    throw new SetupError(`--teams-tenant "${s.teamsTenantId}" is not a Microsoft Entra tenant id (a GUID such as 72f988bf-86f1-41af-91ab-2d7cd011db47).`);
  }
  return store.transact((d) => {
    const existing = d.trust;
    if (existing && !s.update) {
      throw new SetupError(`${existing.name} is already set up here; nothing changed. Add --update to change its name, framework or Teams tenant.`);
    }
    if (existing) {
      // Placements in the old framework would point at categories the new one does not have.
      const orphaned = d.schools.filter((sc) => sc.categoryId && !categoryById(framework, sc.categoryId));
      if (orphaned.length) {
        throw new SetupError(
          `Not changing the framework to ${framework.id}: ${orphaned.length} school(s) are placed in ${existing.framework.id} categories (${orphaned.map((sc) => sc.name).slice(0, 3).join(', ')}${orphaned.length > 3 ? ', …' : ''}).`,
        );
      }
      existing.name = name;
      existing.framework = framework;
      if (s.teamsTenantId !== undefined) existing.teamsTenantId = s.teamsTenantId;
      return { trust: existing, created: false };
    }
    const trust: Trust = {
      id: slugify(name) || 'trust',
      name,
      framework,
      calendar: typicalCalendar(academicYearOf(s.today)),
      settings: TrustSettingsSchema.parse({}),
      teamsTenantId: s.teamsTenantId,
    };
    d.trust = trust;
    return { trust, created: true };
  });
}

/** A trust file to apply: checked already (src/trust-file), with the path it was read from for the audit. */
export interface TrustFileSetup {
  file: string;
  trust: TrustFile;
  /** Today in the trust's time zone (a new trust gets the typical calendar of its academic year). */
  today: string;
}

/** What applying a file changes, in lines an operator reads, and what it does to the store. */
export interface TrustFilePlan {
  created: boolean;
  name: string;
  framework: Framework;
  /** School id → the category it moves to, for schools whose category the file replaces. */
  moves: Map<string, { from: string; to: string }>;
  lines: string[];
}

/** What an operator is told changed in a category kept under its id and label. */
const CATEGORY_FIELDS = ['short', 'rank', 'colour', 'criteria', 'support', 'reviewCadence', 'expectedDuration', 'needsCeo', 'remedialActions'] as const;
const FIELD_WORDS: Partial<Record<(typeof CATEGORY_FIELDS)[number], string>> = { reviewCadence: 'reviews', needsCeo: 'who decides', remedialActions: 'remedial actions', expectedDuration: 'expected duration' };

const label = (c: Category | undefined, id: string) => (c ? `${c.label} (${c.id})` : id);

/**
 * Works out what a trust file changes in this data, or refuses (SetupError) what would strand schools:
 * a category the file drops while schools are placed in it, with no category of the file replacing it.
 */
export function planTrustFile(d: Readonly<Data>, s: TrustFileSetup): TrustFilePlan {
  const framework = toFramework(s.trust);
  if (!framework) {
    throw new SetupError(`${s.file} imposes no categories (it has no framework); the bot cannot run a trust without one yet, so nothing changed. Add a framework (docs/trust-file.md).`);
  }
  const fileFw = s.trust.framework!;
  const replacedBy = new Map<string, string>();
  for (const c of [...fileFw.categories, ...(fileFw.overlay ? [fileFw.overlay] : [])]) for (const r of c.replaces) replacedBy.set(r, c.id);

  const existing = d.trust;
  const lines: string[] = [];
  const moves = new Map<string, { from: string; to: string }>();
  if (!existing) {
    lines.push(`Trust: ${s.trust.name} (new)`);
    lines.push(`Framework: ${framework.name} (${framework.id}): ${framework.categories.map((c) => c.label).join(', ')}${framework.overlay ? `; overlay ${framework.overlay.label}` : ''}`);
  } else {
    lines.push(existing.name === s.trust.name ? `Trust: ${existing.name} (unchanged)` : `Trust: ${existing.name} → ${s.trust.name}`);
    const old = existing.framework;
    lines.push(old.id === framework.id && old.name === framework.name ? `Framework: ${framework.name} (${framework.id})` : `Framework: ${old.name} (${old.id}) → ${framework.name} (${framework.id})`);
    const oldAll = [...old.categories, ...(old.overlay ? [old.overlay] : [])];
    const newAll = [...framework.categories, ...(framework.overlay ? [framework.overlay] : [])];
    for (const c of newAll) {
      const was = categoryById(old, c.id);
      const takes = oldAll.filter((o) => replacedBy.get(o.id) === c.id && !categoryById(framework, o.id));
      if (was && was.label !== c.label) lines.push(`  renamed: ${was.label} → ${c.label} (${c.id})`);
      else if (was) {
        const changed = CATEGORY_FIELDS.filter((f) => JSON.stringify(was[f]) !== JSON.stringify(c[f]));
        lines.push(changed.length ? `  changed: ${label(c, c.id)}: ${changed.map((f) => FIELD_WORDS[f] ?? f).join(', ')}` : `  kept: ${label(c, c.id)}`);
      }
      if (!was) lines.push(`  added: ${label(c, c.id)}${takes.length ? `, replacing ${takes.map((o) => label(o, o.id)).join(', ')}` : ''}`);
      else if (takes.length) lines.push(`  ${label(c, c.id)} also takes ${takes.map((o) => label(o, o.id)).join(', ')}`);
    }
    for (const o of oldAll) if (!categoryById(framework, o.id) && !replacedBy.has(o.id)) lines.push(`  removed: ${label(o, o.id)}`);

    const stranded: string[] = [];
    for (const sc of d.schools) {
      if (sc.categoryId && !categoryById(framework, sc.categoryId)) {
        const to = replacedBy.get(sc.categoryId);
        if (to) moves.set(sc.id, { from: sc.categoryId, to });
        else stranded.push(`${sc.name} (${label(categoryById(old, sc.categoryId), sc.categoryId)})`);
      }
      if (sc.urgentAction && old.overlay && !framework.overlay) stranded.push(`${sc.name} (${old.overlay.label})`);
    }
    if (stranded.length) {
      throw new SetupError(
        `Not applying ${s.file}: ${stranded.length} school(s) are placed in categories it removes without saying where they go: ${stranded.join(', ')}. ` +
          `Add "replaces: [<old category id>]" to the category that takes them (docs/trust-file.md); nothing changed.`,
      );
    }
    for (const [schoolId, m] of moves) {
      const sc = d.schools.find((x) => x.id === schoolId)!;
      lines.push(`  moves: ${sc.name} from ${label(categoryById(old, m.from), m.from)} to ${label(categoryById(framework, m.to), m.to)}`);
    }
  }
  // What the file says about settings and roles, against what is stored (the domain does not hold the rest yet).
  if (s.trust.settings.length) {
    const urns = new Set(d.schools.map((sc) => sc.urn));
    const known = s.trust.settings.filter((st) => st.urn && urns.has(st.urn)).length;
    lines.push(`Settings: ${s.trust.settings.length} in the file, ${known} of them imported (by URN); import:gias brings in the others`);
  } else {
    lines.push(`Settings: none in the file; ${d.schools.length} school(s) here are kept`);
  }
  const named = s.trust.roles.filter((r) => r.declared);
  if (named.length) lines.push(`Roles named: ${named.map((r) => `${r.label} (${r.id === r.like ? r.id : `${r.id}, like ${r.like}`})`).join(', ')}`);
  lines.push('Checked but not applied yet (issue 13): questions, round, roles, plan strands, forums, surveys and the calendar in the file.');
  return { created: !existing, name: s.trust.name, framework, moves, lines };
}

/**
 * Applies a trust file in one transaction with its audit entry: the trust's name and framework, and the
 * schools whose category the file replaces. Past category history is kept as it was.
 */
export async function applyTrustFile(store: Store, s: TrustFileSetup): Promise<TrustFilePlan> {
  return store.transact(
    (d) => {
      const plan = planTrustFile(d, s);
      if (d.trust) {
        d.trust.name = plan.name;
        d.trust.framework = plan.framework;
      } else {
        d.trust = {
          id: slugify(plan.name) || 'trust',
          name: plan.name,
          framework: plan.framework,
          calendar: typicalCalendar(academicYearOf(s.today)),
          settings: TrustSettingsSchema.parse({}),
        };
      }
      for (const sc of d.schools) {
        const m = plan.moves.get(sc.id);
        if (m) sc.categoryId = m.to;
      }
      return plan;
    },
    {
      audit: (plan) => ({
        at: new Date().toISOString(),
        actorId: 'operator',
        action: plan.created ? 'trust.setup' : 'trust.update',
        outcome: 'ok',
        detail: {
          file: s.file,
          name: plan.name,
          framework: plan.framework.id,
          categories: plan.framework.categories.map((c) => c.id),
          moves: Object.fromEntries([...plan.moves].map(([id, m]) => [id, `${m.from}→${m.to}`])),
        },
      }),
    },
  );
}
