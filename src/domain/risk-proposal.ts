// The bot's proposed category from a school's answers. Pure and framework-generic: it reads only the
// categories' order (rank), the worst one and the overlay, never a category's name.
//
// The rule, in order (each step can only make the proposal worse, never better, except step 1):
//  1. Start from the worst category whose criteria the school picked; if it picked none, from its
//     current category (or the best category for a school not yet placed).
//  2. Ofsted: inadequate, any report-card grade "urgent improvement", or safeguarding not met
//     → the worst category. Requires improvement or any "needs attention" → at least the second best.
//  3. A leadership change (new headteacher, inexperienced SLT) → at least the second best.
//  4. Attendance 3 or more points below national → one category worse, but attendance alone never
//     reaches the worst category (that takes one of the graver signals above).
//  5. Safeguarding concerns, or any overlay criterion picked → the overlay (rag-5's URGENT ACTION) on
//     top of the category; a framework without an overlay → the worst category.
import type { Category, Framework } from './categories';
import type { RiskAnswers } from './risk';

export interface Proposal {
  categoryId: string;
  urgentAction: boolean;
  reasons: string[];
}

/** How far below national attendance counts as "well below". */
export const ATTENDANCE_GAP = 3;

export const criterionKey = (categoryId: string, index: number) => `${categoryId}#${index}`;

/** The criterion text for a `<category id>#<index>` key, or undefined when the framework has none. */
export function criterionOf(fw: Framework, key: string): { category: Category; text: string } | undefined {
  const [id, i] = key.split('#');
  const category = [...fw.categories, ...(fw.overlay ? [fw.overlay] : [])].find((c) => c.id === id);
  const text = category?.criteria[Number(i)];
  return category && text !== undefined ? { category, text } : undefined;
}

export function orderedCategories(fw: Framework): Category[] {
  return [...fw.categories].sort((a, b) => a.rank - b.rank);
}

export function proposeCategory(fw: Framework, answers: RiskAnswers, currentId?: string): Proposal {
  const ordered = orderedCategories(fw);
  const worst = ordered.length - 1;
  const reasons: string[] = [];
  const idx = (id?: string) => ordered.findIndex((c) => c.id === id);
  const picked = answers.criteriaMet.map((k) => criterionOf(fw, k)).filter((c) => c !== undefined);
  const pickedCats = picked.filter((p) => p.category.id !== fw.overlay?.id);

  let at: number;
  if (pickedCats.length) {
    at = Math.max(...pickedCats.map((p) => idx(p.category.id)));
    const top = pickedCats.filter((p) => idx(p.category.id) === at);
    reasons.push(`The school picked ${top.length} ${ordered[at]!.label} criteri${top.length === 1 ? 'on' : 'a'} (${top.map((p) => p.text).join('; ')})`);
  } else {
    at = Math.max(0, idx(currentId));
    reasons.push(idx(currentId) >= 0 ? `No criteria picked: starting from the current category, ${ordered[at]!.label}` : `No criteria picked and no current category: starting from ${ordered[0]!.label}`);
  }
  const atLeast = (target: number, why: string) => {
    if (target > at) {
      at = target;
      reasons.push(`${why} → ${ordered[at]!.label}`);
    }
  };

  const o = answers.ofsted;
  if (o?.scheme === 'legacy') {
    if (o.overall === 'inadequate') atLeast(worst, `Ofsted judged the school inadequate (${o.date})`);
    else if (o.overall === 'requires-improvement') atLeast(1, `Ofsted judged the school requires improvement (${o.date})`);
  } else if (o?.scheme === 'report-card') {
    const grades = Object.values(o.grades);
    if (!o.safeguardingMet) atLeast(worst, `Ofsted found safeguarding not met (${o.date})`);
    if (grades.includes('urgent-improvement')) atLeast(worst, `Ofsted graded an area urgent improvement (${o.date})`);
    else if (grades.includes('needs-attention')) atLeast(1, `Ofsted graded an area needs attention (${o.date})`);
  }
  if (answers.leadershipChange) atLeast(1, 'Leadership has changed');
  const gap = answers.nationalAttendance - answers.attendance;
  if (gap >= ATTENDANCE_GAP && at < worst - 1) {
    at += 1;
    reasons.push(`Attendance ${answers.attendance}% is ${round1(gap)} points below national (${answers.nationalAttendance}%) → ${ordered[at]!.label}`);
  }

  let urgentAction = false;
  const overlayPicked = picked.filter((p) => p.category.id === fw.overlay?.id);
  if (answers.safeguardingConcerns || overlayPicked.length) {
    const why = answers.safeguardingConcerns ? 'Safeguarding concerns reported' : `The school picked ${overlayPicked.map((p) => p.text).join('; ')}`;
    if (fw.overlay) {
      urgentAction = true;
      reasons.push(`${why} → ${fw.overlay.label}`);
    } else atLeast(worst, why);
  }
  return { categoryId: ordered[at]!.id, urgentAction, reasons };
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
