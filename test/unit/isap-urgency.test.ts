// The order a headteacher reads a plan in (isap, isap <school>, isap overdue): overdue first, then the
// earliest due, and actions due the same day A to Z by title, whatever order they were added in.
// Kills the mutants of byUrgency's comparison (src/domain/isap-rules.ts) that survived the other tests.
import { describe, expect, it } from 'vitest';
import type { IsapAction } from '../../src/domain/isap';
import { byUrgency } from '../../src/domain/isap-rules';

const action = (id: string, due: string, title: string): IsapAction => ({
  id,
  schoolId: 'beacon',
  title,
  ownerId: 'jo',
  due,
  status: 'open',
  rag: 'amber',
  extensions: [],
  escalationLevel: 0,
  createdAt: '2026-09-01T09:00:00Z',
});
const order = (list: IsapAction[]) => [...list].sort(byUrgency('2026-11-18')).map((a) => a.title);

describe('ISAP actions in order of urgency', () => {
  it('lists actions due the same day A to Z, from either starting order', () => {
    const same = [action('1', '2026-11-25', 'Reading audit'), action('2', '2026-11-25', 'Attendance letters'), action('3', '2026-11-25', 'Maths moderation')];
    expect(order(same)).toEqual(['Attendance letters', 'Maths moderation', 'Reading audit']);
    expect(order([...same].reverse())).toEqual(['Attendance letters', 'Maths moderation', 'Reading audit']);
  });

  it('puts the earlier due date first, overdue or not, before any title', () => {
    const list = [action('1', '2026-11-30', 'A later one'), action('2', '2026-11-24', 'Z sooner one'), action('3', '2026-11-10', 'Y overdue'), action('4', '2026-11-02', 'Z most overdue')];
    expect(order(list)).toEqual(['Z most overdue', 'Y overdue', 'Z sooner one', 'A later one']);
    expect(order([...list].reverse())).toEqual(['Z most overdue', 'Y overdue', 'Z sooner one', 'A later one']);
  });

  it('keeps two identical entries side by side (a tie is a tie)', () => {
    const twins = [action('1', '2026-11-25', 'Same'), action('2', '2026-11-25', 'Same')];
    expect([...twins].sort(byUrgency('2026-11-18')).map((a) => a.id)).toEqual(['1', '2']);
    expect([...twins].reverse().sort(byUrgency('2026-11-18')).map((a) => a.id)).toEqual(['2', '1']);
  });
});
