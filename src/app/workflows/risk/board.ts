// The category board: every school under its current category, the worst category first, each line
// with the category's colour, the trend and (in a round) where the school stands. The risk meeting
// and `risk` with no round open both show it, a page at a time, filtered by category, hub, phase or
// stage, so that 1,000 schools read as well as 7 and fit Teams' 28 KB and Slack's 50 blocks.
import type { CategoryChange, Framework, RiskEntry, RiskRound, School } from '../../../domain';
import { categoryById } from '../../../domain/categories';
import { PHASES } from '../../../domain/schools';
import { overlayLabel, placementLabel } from '../../../domain/risk-rules';
import type { Data } from '../../../store/schema';
import { AppError } from '../../errors';
import { pageArg, pageOf, type Page } from '../../views/paging';
import { frameworkOf } from './shared';

/** Schools on one page of the board: about 12 KB of card on Teams, well inside Slack's blocks. */
export const BOARD_PAGE = 40;

export type Stage = RiskEntry['status'];

/** The order the meeting works in: what needs a decision first. */
const STAGE_ORDER: Stage[] = ['answered', 'awaiting-ceo', 'awaiting-answers', 'decided', 'disputed', 'published'];

export const STAGE_WORDS: Record<Stage, string> = {
  answered: 'to decide',
  'awaiting-ceo': 'with the CEO',
  'awaiting-answers': 'not answered',
  decided: 'to publish',
  disputed: 'disputed',
  published: 'published',
};

export interface BoardRow {
  school: School;
  entry?: RiskEntry;
}

export interface BoardFilter {
  /** Said back in the heading: "RED schools", "hub North". */
  label: string;
  /** The words that ask for it again, for the next page: "red", "hub north". */
  words: string;
  keep(row: BoardRow): boolean;
}

/** ↑ stronger, ↓ weaker, → steady, from the last two recorded placements (a confirmation is steady). */
export function trendArrow(fw: Framework, mine: readonly CategoryChange[]): string {
  if (mine.length < 2) return mine.length ? 'first placement' : 'no history';
  const [a, b] = mine.slice(-2).map((c) => categoryById(fw, c.to)?.rank ?? 0) as [number, number];
  const [ua, ub] = mine.slice(-2).map((c) => c.urgentAction) as [boolean, boolean];
  if (b < a || (b === a && ua && !ub)) return '↑ stronger';
  if (b > a || (b === a && ub && !ua)) return '↓ weaker';
  return '→ steady';
}

/** Category history by school, read once per view instead of once per school. */
export function historyBySchool(history: readonly CategoryChange[]): Map<string, CategoryChange[]> {
  const out = new Map<string, CategoryChange[]>();
  for (const c of history) {
    const list = out.get(c.schoolId);
    if (list) list.push(c);
    else out.set(c.schoolId, [c]);
  }
  return out;
}

/**
 * Reads the filter words after `risk meeting` (or `risk board`): a category (`red`, `repair`, `C`),
 * `urgent`, a stage (`to decide`, `not answered`, `with the CEO`, `to publish`, `published`), a phase
 * (`primary`) or a hub (`hub north`, or the hub's name). Unknown words are said back with the choices.
 */
export function boardFilter(data: Readonly<Data>, words: readonly string[], inRound: boolean): BoardFilter | undefined {
  const text = words.join(' ').trim().toLowerCase();
  if (!text) return undefined;
  const fw = frameworkOf(data);
  const cat = [...fw.categories, ...(fw.overlay ? [fw.overlay] : [])].find((c) => [c.id, c.label, c.short].some((w) => w.toLowerCase() === text));
  if (cat && cat === fw.overlay) return { label: `${fw.overlay.label} schools`, words: text, keep: (r) => r.school.urgentAction };
  if (cat) return { label: `${cat.label} schools`, words: text, keep: (r) => r.school.categoryId === cat.id };
  if (text === 'urgent' && fw.overlay) return { label: `${fw.overlay.label} schools`, words: text, keep: (r) => r.school.urgentAction };
  const stage = (Object.entries(STAGE_WORDS) as [Stage, string][]).find(([, w]) => w.toLowerCase() === text.replace(/^with ceo$/, 'with the ceo'));
  if (stage && inRound) return { label: `schools ${stage[1]}`, words: text, keep: (r) => r.entry?.status === stage[0] };
  const phase = PHASES.find((p) => p === text.replace(/\s+/g, '-'));
  if (phase) return { label: `${phase.replace(/-/g, ' ')} schools`, words: text, keep: (r) => r.school.phase === phase };
  const hubName = text.replace(/^hub\s+/, '');
  const hub = [...new Set(data.schools.map((s) => s.hub).filter((h): h is string => Boolean(h)))].find((h) => h.toLowerCase() === hubName);
  if (hub) return { label: `hub ${hub}`, words: `hub ${hubName}`, keep: (r) => r.school.hub === hub };
  const hint = [
    `a category (${fw.categories.map((c) => c.label.toLowerCase()).join(', ')}${fw.overlay ? ', urgent' : ''})`,
    ...(inRound ? ['a stage (to decide, not answered, with the CEO, to publish)'] : []),
    'a phase (primary, secondary, …)',
    'or a hub (hub <name>)',
  ].join(', ');
  throw new AppError('BAD_INPUT', `"${words.join(' ')}" is not a category, stage, phase or hub of this trust.`, `Narrow the board by ${hint}.`);
}

export interface BoardGroup {
  heading: string;
  chunks: { text: string }[];
}

export interface Board {
  groups: BoardGroup[];
  page: Page<BoardRow>;
  /** Count of schools in each category across the whole (filtered) board: "🔴 RED 12 · 🟠 AMBER 40". */
  totals: string;
}

/** Sorts rows worst category first (the overlay above all), then by stage, then by name. */
export function boardOrder(fw: Framework, rows: BoardRow[]): BoardRow[] {
  const rank = (s: School) => (s.urgentAction && fw.overlay ? Number.MAX_SAFE_INTEGER : (categoryById(fw, s.categoryId)?.rank ?? -1));
  const stage = (e?: RiskEntry) => (e ? STAGE_ORDER.indexOf(e.status) : 0);
  return [...rows].sort((a, b) => rank(b.school) - rank(a.school) || stage(a.entry) - stage(b.entry) || a.school.name.localeCompare(b.school.name));
}

/**
 * One page of the board, grouped under category headings. `line` writes a school's line; groups
 * are split into text blocks of at most 2,800 characters (Slack refuses a section over 3,000).
 */
export function buildBoard(data: Readonly<Data>, rows: BoardRow[], page: number, command: string, line: (r: BoardRow) => string): Board {
  const fw = frameworkOf(data);
  const ordered = boardOrder(fw, rows);
  const p = pageOf(ordered, page, BOARD_PAGE, command);
  const groups: BoardGroup[] = [];
  const count = new Map<string, number>();
  const groupOf = (s: School) => (s.urgentAction && fw.overlay ? overlayLabel(fw) : placementLabel(fw, s.categoryId));
  for (const r of ordered) count.set(groupOf(r.school), (count.get(groupOf(r.school)) ?? 0) + 1);
  let current: { key: string; lines: string[] } | undefined;
  const flush = () => {
    if (!current) return;
    const n = count.get(current.key) ?? current.lines.length;
    const shown = current.lines.length < n ? `, ${current.lines.length} on this page` : '';
    groups.push({ heading: `${current.key} (${n}${shown})`, chunks: chunk(current.lines).map((text) => ({ text })) });
  };
  for (const r of p.items) {
    const key = groupOf(r.school);
    if (current?.key !== key) {
      flush();
      current = { key, lines: [] };
    }
    current.lines.push(`- ${line(r)}`);
  }
  flush();
  const totals = [...count.entries()].map(([k, n]) => `${k} ${n}`).join(' · ');
  return { groups, page: p, totals };
}

/** Joins lines into blocks of at most `max` characters: Slack refuses a section over 3000. */
export function chunk(lines: string[], max = 2800): string[] {
  const out: string[] = [];
  for (const l of lines) {
    const last = out.length - 1;
    if (last >= 0 && out[last]!.length + 1 + l.length <= max) out[last] += `\n${l}`;
    else out.push(l.slice(0, max));
  }
  return out;
}

/** The rows of a round (every school in it) or of the trust (no round open). */
export function boardRows(data: Readonly<Data>, round: RiskRound | undefined): BoardRow[] {
  if (!round) return data.schools.map((school) => ({ school }));
  const byId = new Map(data.schools.map((s) => [s.id, s]));
  return round.entries.flatMap((entry) => {
    const school = byId.get(entry.schoolId);
    return school ? [{ school, entry }] : [];
  });
}

/**
 * The board as a command asks for it: its words read as a filter and a page (`red page 2`), the
 * rows of the round (or the trust), and `line` given each school's placements for its trend.
 */
export function boardFromWords(
  data: Readonly<Data>,
  round: RiskRound | undefined,
  args: readonly string[],
  base: string,
  line: (r: BoardRow, history: readonly CategoryChange[]) => string,
): { board: Board; filter?: BoardFilter } {
  const { page, rest } = pageArg(args);
  const filter = boardFilter(data, rest, Boolean(round));
  const all = boardRows(data, round);
  const rows = filter ? all.filter(filter.keep) : all;
  const history = historyBySchool(data.categoryHistory);
  const command = [base, filter?.words].filter(Boolean).join(' ');
  return { board: buildBoard(data, rows, page, command, (r) => line(r, history.get(r.school.id) ?? [])), filter };
}
