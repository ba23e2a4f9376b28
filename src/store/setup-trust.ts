// Creates the trust a real deployment runs for (the demo seed is the only other way one appears),
// or changes its name, framework or Teams tenant. Schools already imported from GIAS are kept.
import { PRESETS, categoryById } from '../domain/categories';
import { academicYearOf } from '../domain/calendar';
import { typicalCalendar } from '../domain/calendar-presets';
import { TrustSettingsSchema, type Trust } from '../domain/trust';
import { slugify } from './csv';
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
