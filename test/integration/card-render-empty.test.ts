// What the renderer sends: no element the Adaptive Cards 1.5 schema rejects (a FactSet with no
// facts), and the wide list cards spread across a Teams conversation.
import { describe, expect, it } from 'vitest';
import { renderCard } from '../../src/cards/render';

const factSets = (n: unknown): Record<string, unknown>[] => {
  if (Array.isArray(n)) return n.flatMap(factSets);
  if (!n || typeof n !== 'object') return [];
  const o = n as Record<string, unknown>;
  return [...(o.type === 'FactSet' ? [o] : []), ...Object.values(o).flatMap(factSets)];
};

describe('renderCard', () => {
  it('drops a FactSet whose facts are all left out, and keeps one with facts', () => {
    const empty = renderCard({ card: 'approval', data: { title: 'A decision', facts: [], status: 'pending' } });
    expect(factSets(empty)).toEqual([]);
    const full = renderCard({ card: 'approval', data: { title: 'A decision', facts: [{ title: 'School', value: 'Beacon' }], status: 'pending' } });
    expect(factSets(full).map((f) => (f.facts as unknown[]).length)).toEqual([1]);
  });

  it('asks Teams for the full width on the wide list cards', () => {
    for (const card of ['isap-plan', 'talent-register', 'forum-list', 'forum-responses', 'digest', 'survey-results', 'home', 'list']) {
      expect(renderCard({ card, data: {} }).msteams, card).toEqual({ width: 'Full' });
    }
  });
});
