// Validates an expanded card with Microsoft's own adaptivecards library (the UMD build: its ESM
// build does not load in plain Node). Used by tests and by scripts that check templates.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-var-requires
const AC = require('adaptivecards/dist/adaptivecards.js');

/**
 * Teams draws these charts; the adaptivecards library does not know them and reports them as unknown
 * types. A chart is accepted when it carries data and an element `fallback` (for Slack, the playground
 * and older clients), and that fallback is itself checked as a card of its own.
 */
export const TEAMS_CHART_TYPES = new Set([
  'Chart.Donut',
  'Chart.Pie',
  'Chart.Gauge',
  'Chart.Line',
  'Chart.VerticalBar',
  'Chart.VerticalBar.Grouped',
  'Chart.HorizontalBar',
  'Chart.HorizontalBar.Stacked',
]);

export function cardProblems(card: unknown): string[] {
  const ac = new AC.AdaptiveCard();
  const ctx = new AC.SerializationContext();
  ac.parse(card, ctx);
  const problems: string[] = [];
  for (let i = 0; i < ctx.eventCount; i++) problems.push(ctx.getEventAt(i).message);
  for (const e of ac.validateProperties().validationEvents) problems.push(e.message);
  const version = (card as { version?: string }).version;
  if (version !== '1.5') problems.push(`version is ${version}, Teams takes 1.5`);
  const charts = chartsIn(card);
  if (!charts.length) return problems;
  const chartTypes = new Set(charts.map((c) => c.type));
  const unknownChart = /^Unknown element type "([^"]+)"\. Fallback will be used if present\.$/;
  const rest = problems.filter((m) => !chartTypes.has(m.match(unknownChart)?.[1] ?? ''));
  for (const c of charts) rest.push(...chartProblems(c));
  return rest;
}

type Chart = { type: string; data?: unknown; fallback?: unknown };

function chartProblems(c: Chart): string[] {
  const out: string[] = [];
  if (!Array.isArray(c.data) || c.data.length === 0) out.push(`${c.type} has no data`);
  const fb = c.fallback;
  if (!fb || typeof fb !== 'object' || Array.isArray(fb)) {
    out.push(`${c.type} needs a fallback element for hosts that cannot draw charts`);
    return out;
  }
  const inner = cardProblems({ type: 'AdaptiveCard', version: '1.5', body: [fb] });
  out.push(...inner.map((m) => `${c.type} fallback: ${m}`));
  return out;
}

function chartsIn(node: unknown, out: Chart[] = []): Chart[] {
  if (Array.isArray(node)) node.forEach((n) => chartsIn(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o.type === 'string' && TEAMS_CHART_TYPES.has(o.type)) out.push(o as Chart);
    for (const [k, v] of Object.entries(o)) if (k !== 'fallback' || !(typeof o.type === 'string' && TEAMS_CHART_TYPES.has(o.type))) chartsIn(v, out);
  }
  return out;
}
