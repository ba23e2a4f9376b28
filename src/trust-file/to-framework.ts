// A trust file's framework as the domain's Framework (src/domain/categories.ts), the shape the bot runs on
// today. What the domain cannot hold yet is folded in: benchmarks join the criteria, package items become
// the sentences they read as, and any decider becomes needsCeo (the domain routes such approvals to the CEO).
import { FrameworkSchema, type Category, type Framework } from '../domain/categories';
import type { FileCategory, PackageItem, TrustFile } from './schema';

/** How a package item reads: its own text, or what, how often and any detail in brackets. */
export function itemText(item: PackageItem): string {
  if (item.text) return item.text;
  const extra = [item.allocation, item.when, item.note].filter((x) => x !== undefined);
  return [item.what, item.cadence?.text, item.times !== undefined ? `x ${item.times}` : undefined, ...extra.map((x) => `(${x})`)].filter(Boolean).join(' ');
}

function toCategory(c: FileCategory & { rank: number }, strandLabels: Map<string, string>): Category {
  const benchmarks = Object.entries(c.benchmarks).flatMap(([strand, items]) => items.map((b) => `${strandLabels.get(strand) ?? strand}: ${b}`));
  return {
    id: c.id,
    label: c.label,
    short: c.short,
    rank: c.rank,
    colour: c.colour,
    criteria: [...c.criteria, ...benchmarks],
    support: c.support.map(itemText),
    reviewCadence: c.reviews.map(itemText),
    ...(c.expectedDuration !== undefined ? { expectedDuration: c.expectedDuration } : {}),
    needsCeo: c.decidedBy !== undefined,
    remedialActions: c.actions.map(itemText),
  };
}

/** The domain framework for a trust file, or undefined when the trust imposes no categories. */
export function toFramework(trust: TrustFile): Framework | undefined {
  const fw = trust.framework;
  if (!fw) return undefined;
  const strands = new Map(fw.strands.map((s) => [s.id, s.label]));
  return FrameworkSchema.parse({
    id: fw.id ?? 'trust-file',
    name: fw.name,
    categories: fw.categories.map((c) => toCategory(c, strands)),
    ...(fw.overlay ? { overlay: toCategory(fw.overlay, strands) } : {}),
  });
}
