// The trust's schools: varied names (some as long as real ones), URNs, phases, hubs and local
// authorities, spread over the categories with a few in URGENT ACTION. Beacon and Riverside keep
// the demo's ids, URNs and places so the demo's people belong somewhere.
import type { OfstedOutcome, Phase, School } from '../../domain';
import { REPORT_CARD_AREAS } from '../../domain';
import { addDays } from '../../domain/calendar';
import { slugify } from '../../store/csv';
import { DEMO_SCHOOLS } from '../demo-people';
import type { Gen } from './context';
import type { Random } from './random';
import { LOCAL_AUTHORITIES, NAME_PATTERNS, PLACES, SAINTS } from './words';

export interface Hub {
  name: string;
  localAuthority: string;
  dosiId: string;
}

const PHASE_WEIGHTS: Record<Phase, number> = {
  primary: 70, secondary: 17, special: 5, 'all-through': 2, 'alternative-provision': 2, nursery: 1, '16-plus': 1, middle: 2,
};
const CATEGORY_WEIGHTS = { green: 35, yellow: 30, amber: 22, red: 13 } as const;
const LONG_NAME = "St Aidan's Church of England Voluntary Aided Primary Academy and Nursery";

/** Hubs of about 25 schools; the first two are the demo's North and South. */
export function makeHubs(gen: Gen, schools: number, dosiIds: readonly string[]): Hub[] {
  const rnd = gen.random('hubs');
  const count = Math.min(40, Math.max(2, Math.round(schools / 25)));
  const towns = rnd.shuffle(PLACES.slice(0, 60));
  return Array.from({ length: count }, (_, i) => ({
    name: i === 0 ? 'North' : i === 1 ? 'South' : `${towns[i]} Hub`,
    localAuthority: i === 0 ? 'Nottinghamshire' : i === 1 ? 'Derbyshire' : LOCAL_AUTHORITIES[i % LOCAL_AUTHORITIES.length]!,
    // Tom, the demo's Director, has the first two hubs; the other Directors share the rest.
    dosiId: i < 2 ? dosiIds[0]! : dosiIds[1 + ((i - 2) % Math.max(1, dosiIds.length - 1))] ?? dosiIds[0]!,
  }));
}

export function makeSchools(gen: Gen, count: number, hubs: readonly Hub[]): School[] {
  const rnd = gen.random('schools');
  const names = new Set<string>(DEMO_SCHOOLS.slice(0, 2).map((s) => s.name));
  const ids = new Set<string>(['beacon', 'riverside']);
  const places = rnd.shuffle(PLACES);
  let placeAt = 0;
  const nextPlace = () => places[placeAt++ % places.length]!;
  const schools: School[] = [];
  for (let i = 0; i < count; i++) {
    if (i < 2) {
      const demo = DEMO_SCHOOLS[i]!;
      schools.push({
        id: demo.id, urn: demo.urn, name: demo.name, phase: demo.phase, localAuthority: demo.la, hub: demo.hub, dosiId: hubs[0]!.dosiId,
        categoryId: demo.categoryId, urgentAction: false,
        ofsted: demo.id === 'beacon' ? [{ scheme: 'legacy', date: '2023-03-15', overall: 'requires-improvement' }] : [{ scheme: 'legacy', date: '2022-11-09', overall: 'good' }],
      });
      continue;
    }
    const phase = i === 2 ? 'primary' : rnd.weighted(PHASE_WEIGHTS);
    let name = i === 2 ? LONG_NAME : fill(rnd, rnd.pick(NAME_PATTERNS[phase]!), nextPlace());
    while (names.has(name)) name = `${name.replace(/, [^,]+$/, '')}, ${nextPlace()}`;
    names.add(name);
    let id = slugify(name);
    for (let n = 2; ids.has(id); n++) id = `${slugify(name)}-${n}`;
    ids.add(id);
    const hub = hubs[i % hubs.length]!;
    const categoryId = rnd.weighted(CATEGORY_WEIGHTS);
    schools.push({
      id,
      // Disjoint ranges per school keep URNs unique and clear of the demo's 140001 and 140002.
      urn: String(136000 + i * 3 + rnd.int(0, 2)),
      name,
      phase,
      localAuthority: rnd.chance(0.85) ? hub.localAuthority : rnd.pick(LOCAL_AUTHORITIES),
      hub: hub.name,
      dosiId: hub.dosiId,
      categoryId,
      urgentAction: (categoryId === 'red' && rnd.chance(0.2)) || (categoryId === 'amber' && rnd.chance(0.04)),
      ofsted: ofstedFor(gen, rnd, categoryId),
    });
  }
  return schools;
}

function fill(rnd: Random, pattern: string, place: string): string {
  return pattern.replace('{p}', place).replace('{s}', rnd.pick(SAINTS));
}

/** An Ofsted history in keeping with the category: legacy judgements before November 2025, report cards after. */
function ofstedFor(gen: Gen, rnd: Random, categoryId: string): OfstedOutcome[] {
  if (rnd.chance(0.08)) return []; // a new academy, not yet inspected
  const legacyDate = `${rnd.int(2018, 2024)}-${String(rnd.int(1, 12)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`;
  const overall = {
    green: rnd.chance(0.25) ? 'outstanding' : 'good',
    yellow: rnd.chance(0.6) ? 'good' : 'requires-improvement',
    amber: rnd.chance(0.85) ? 'requires-improvement' : 'good',
    red: rnd.chance(0.6) ? 'inadequate' : 'requires-improvement',
  }[categoryId as keyof typeof CATEGORY_WEIGHTS] as 'good';
  const out: OfstedOutcome[] = [{ scheme: 'legacy', date: legacyDate, overall }];
  const span = Math.max(0, dayNumber(gen.today) - dayNumber('2025-11-10'));
  if (span > 0 && rnd.chance(0.25)) {
    const grade = {
      green: ['strong', 'expected', 'exceptional'],
      yellow: ['expected', 'expected', 'needs-attention'],
      amber: ['needs-attention', 'expected'],
      red: ['urgent-improvement', 'needs-attention'],
    }[categoryId as keyof typeof CATEGORY_WEIGHTS] as ('strong' | 'expected')[];
    const areas = REPORT_CARD_AREAS.slice(0, 6);
    out.push({
      scheme: 'report-card',
      date: addDays('2025-11-10', rnd.int(0, span)),
      grades: Object.fromEntries(areas.map((a) => [a, rnd.pick(grade)])),
      safeguardingMet: categoryId !== 'red' || rnd.chance(0.7),
    });
  }
  return out;
}

const dayNumber = (date: string) => Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
