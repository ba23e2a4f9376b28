import { describe, expect, it } from 'vitest';
import type { TalentEntry } from '../../src/domain';
import { parseExpertise, refreshesDue, searchRegister, searchWords } from '../../src/domain/talent-register';

const entry = (over: Partial<TalentEntry>): TalentEntry => ({
  id: over.name ?? 'x',
  name: 'Someone',
  schoolId: 's',
  post: 'Teacher',
  phase: 'primary',
  expertise: ['maths'],
  supportAvailable: '',
  nominatedById: 'h',
  nominatedAt: '2025-01-01T09:00:00.000Z',
  stage: 'on-register',
  refreshedAt: '2026-01-01',
  ...over,
});

describe('talent register rules', () => {
  it('reads an expertise list from a comma list, dropping blanks and repeats', () => {
    expect(parseExpertise(' SEND,  early   reading,,send; Year 6\n')).toEqual(['SEND', 'early reading', 'Year 6']);
    expect(parseExpertise(' , ;')).toEqual([]);
  });

  it('finds on-register entries by the start of expertise words, best match first, by phase', () => {
    const entries = [
      entry({ name: 'Ana', expertise: ['early reading', 'phonics'] }),
      entry({ name: 'Bo', expertise: ['reading'], phase: 'secondary' }),
      entry({ name: 'Cy', expertise: ['phonics'], stage: 'referenced' }),
      entry({ name: 'Di', expertise: ['leadership'], phase: 'all-through' }),
    ];
    expect(searchRegister(entries, searchWords('early reading')).map((h) => h.entry.name)).toEqual(['Ana', 'Bo']);
    expect(searchRegister(entries, searchWords('reading'), 'secondary').map((h) => h.entry.name)).toEqual(['Bo']);
    expect(searchRegister(entries, searchWords('phonics')).map((h) => h.entry.name)).toEqual(['Ana']);
    expect(searchRegister(entries, searchWords('lead'), 'primary').map((h) => h.entry.name)).toEqual(['Di']);
    expect(searchWords('SEND and the EYFS')).toEqual(['send', 'eyfs']);
  });

  it('lists refreshes overdue (over a year) and due within 30 days, most overdue first', () => {
    const entries = [
      entry({ name: 'Old', refreshedAt: '2025-10-01' }),
      entry({ name: 'Soon', refreshedAt: '2025-12-01' }),
      entry({ name: 'Fresh', refreshedAt: '2026-06-01' }),
      entry({ name: 'Pipeline', refreshedAt: '2024-01-01', stage: 'nominated' }),
    ];
    const due = refreshesDue(entries, '2026-11-18', 30);
    expect(due.map((d) => [d.entry.name, d.due, d.overdue])).toEqual([
      ['Old', '2026-10-01', true],
      ['Soon', '2026-12-01', false],
    ]);
  });
});
