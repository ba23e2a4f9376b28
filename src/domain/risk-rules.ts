// Small pure rules of the risk round: labels, which decisions need the CEO, trends, finding a school.
import { categoryById, categoryMarker, moveNeedsCeo, OVERLAY_MARKER, type Category, type CategoryChange, type Framework } from './categories';
import type { School } from './schools';

/** "🔴 RED + ❗ URGENT ACTION", "🟠 Repair (C)", or "not placed": every category shown with its colour. */
export function placementLabel(fw: Framework, categoryId: string | undefined, urgentAction = false): string {
  const c = categoryById(fw, categoryId);
  // Flying High letters its categories (Repair is C); a short that is just the initial adds nothing.
  const base = !c ? 'not placed' : `${c === fw.overlay ? OVERLAY_MARKER : categoryMarker(c)} ${c.label.startsWith(c.short) ? c.label : `${c.label} (${c.short})`}`;
  return urgentAction && fw.overlay ? `${base} + ${overlayLabel(fw)}` : base;
}

/** "❗ URGENT ACTION": the overlay with its marker, or '' when the framework has none. */
export function overlayLabel(fw: Framework): string {
  return fw.overlay ? `${OVERLAY_MARKER} ${fw.overlay.label}` : '';
}

/** A category or the overlay itself, with its marker: "🟠 AMBER", "❗ URGENT ACTION". */
export function categoryTag(fw: Framework, c: Category): string {
  return c === fw.overlay ? overlayLabel(fw) : placementLabel(fw, c.id);
}

/**
 * A decision goes to the CEO only when it moves the school into a category the framework marks
 * (the worst one) or newly puts the overlay on; confirming where a school already is does not.
 */
export function decisionNeedsCeo(fw: Framework, from: { categoryId?: string; urgentAction: boolean }, to: { categoryId: string; urgentAction: boolean }): boolean {
  const intoCategory = to.categoryId !== from.categoryId && moveNeedsCeo(fw, to.categoryId, false);
  const intoOverlay = to.urgentAction && !from.urgentAction && moveNeedsCeo(fw, to.categoryId, true) && Boolean(fw.overlay?.needsCeo);
  return intoCategory || intoOverlay;
}

/** The school's recorded placements in the order they were recorded (the log is append-only). */
export function historyOf(history: readonly CategoryChange[], schoolId: string): CategoryChange[] {
  return history.filter((c) => c.schoolId === schoolId);
}

/** "YELLOW → AMBER → AMBER": the last `count` placements from the history (a confirmation counts). */
export function trendOf(fw: Framework, history: readonly CategoryChange[], schoolId: string, count = 3): string {
  const mine = historyOf(history, schoolId).slice(-count);
  return mine.length ? mine.map((c) => placementLabel(fw, c.to, c.urgentAction)).join(' → ') : 'no history';
}

/**
 * Forgiving school look-up: URN or id exactly, then the whole name, then every word typed found in
 * the name ("beacon", "st marys", "riverside acad"). Apostrophes and case do not matter.
 */
export function matchSchools<S extends Pick<School, 'id' | 'urn' | 'name'>>(schools: readonly S[], query: string): S[] {
  const q = norm(query);
  if (!q) return [];
  const exact = schools.filter((s) => s.urn === q || s.id === q || norm(s.name) === q);
  if (exact.length) return exact;
  const words = q.split(' ');
  return schools.filter((s) => {
    const name = norm(s.name).split(' ');
    return words.every((w) => name.some((n) => n.startsWith(w)));
  });
}

function norm(s: string): string {
  return s.toLowerCase().replace(/['’]/g, '').replace(/[^a-z0-9]+/g, ' ').trim();
}
