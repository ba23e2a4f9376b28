// The short summary trust:check prints for a valid file: enough for an IT lead to see the bot read the
// trust as the trust means it.
import type { Cadence } from './cadence';
import type { PackageItem, TrustFile } from './schema';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function counts(values: readonly string[]): string {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return [...m].map(([k, n]) => `${k} ${n}`).join(', ');
}

function cadenced(items: readonly PackageItem[]): string[] {
  return items
    .filter((i) => i.cadence || i.times !== undefined)
    .map((i) => `${i.what} (${[i.cadence?.text, i.times !== undefined ? `x ${i.times}` : undefined, i.allocation].filter(Boolean).join(', ')})`);
}

const cadenceText = (c: Cadence | undefined) => (c ? c.text : 'no cadence given');

export function summarise(trust: TrustFile): string {
  const out: string[] = [trust.name];
  const roleLabel = new Map(trust.roles.map((r) => [r.id, r.label]));

  const s = trust.settings;
  out.push(s.length ? `Settings: ${s.length} (${counts(s.map((x) => x.kind))}; phases: ${counts(s.map((x) => x.phase ?? 'none given'))})` : 'Settings: none in the file (import them with import:gias)');
  const g = trust.groupings;
  const groups = [['hubs', g.hubs], ['regions', g.regions], ['clusters', g.clusters]].filter(([, v]) => v!.length).map(([k, v]) => `${k} ${(v as string[]).join(', ')}`);
  if (groups.length) out.push(`Groupings: ${groups.join('; ')}`);

  const fw = trust.framework;
  if (!fw) out.push('Framework: none (the trust imposes no categories)');
  else {
    out.push(`Framework: ${fw.name}; ${fw.categories.length} ${fw.term === 'category' ? 'categories' : `${fw.term}s`}, best first${fw.strands.length ? `; strands ${fw.strands.map((x) => x.label).join(', ')}` : ''}`);
    const all = [...fw.categories].sort((a, b) => a.rank - b.rank).map((c) => ({ c, overlay: false }));
    if (fw.overlay) all.push({ c: fw.overlay, overlay: true });
    for (const { c, overlay } of all) {
      const who = c.decidedBy ? `decided by ${roleLabel.get(c.decidedBy) ?? c.decidedBy}` : 'no approval named';
      const dur = c.expectedDuration ? `, ${c.expectedDuration}` : '';
      out.push(`  ${overlay ? 'overlay' : c.rank} ${c.label} (${c.short}, ${c.colour}${dur}): ${who}`);
      const cad = [...cadenced(c.support), ...cadenced(c.reviews), ...cadenced(c.actions)];
      if (cad.length) out.push(`      ${cad.join('; ')}`);
    }
  }

  const q = trust.questions;
  out.push(q.length ? `Questions: ${q.length}${trust.questionsDefaulted ? ' (the bot\'s usual ones)' : ''}` : 'Questions: none');
  for (const x of q) out.push(`  ${x.id} (${x.kind}${x.asked === 'trust-wide' ? ', answered once for the trust' : ''}${x.required ? '' : ', optional'}${x.rules.length ? `, ${x.rules.length} rule${x.rules.length > 1 ? 's' : ''}` : ''})`);

  const r = trust.round;
  if (!r) out.push('Round: none');
  else if (r.cadence !== 'annual') out.push(`Round: ${r.cadence}${trust.roundDefaulted ? ' (the default: the file names none)' : ''}`);
  else if (r.byPhase.length) out.push(`Round: annual, by phase: ${r.byPhase.map((p) => `${p.phase} in ${MONTHS[p.month - 1]}`).join(', ')}`);
  else out.push(`Round: annual${r.month ? ` in ${MONTHS[r.month - 1]}` : ''}`);

  const d = trust.disputes;
  if (d) out.push(`Disputes: raised by ${d.raisedBy.map((x) => roleLabel.get(x) ?? x).join(' or ') || 'anyone'}, decided by ${d.decidedBy ? (roleLabel.get(d.decidedBy) ?? d.decidedBy) : 'no one named'}`);
  out.push(`Roles: ${trust.roles.map((x) => `${x.label}${x.scope === 'trust' ? '' : ` (${x.scope})`}`).join(', ')}`);
  if (trust.planStrands.length) out.push(`Plan strands: ${trust.planStrands.join(', ')}`);
  if (trust.forums.length) out.push(`Forums: ${trust.forums.map((f) => `${f.name} (${cadenceText(f.cadence)}${f.expectedFor.length ? `; expected: ${f.expectedFor.join(', ')}` : ''})`).join('; ')}`);
  if (trust.surveys.length) out.push(`Surveys: ${trust.surveys.map((x) => `${x.title} (${x.audience}, ${cadenceText(x.cadence)})`).join('; ')}`);
  if (trust.calendar.length) out.push(`Calendar: ${trust.calendar.map((c) => `${c.what} (${[c.cadence?.text, c.term].filter(Boolean).join(', ') || 'no cadence given'})`).join('; ')}`);
  return out.join('\n');
}
