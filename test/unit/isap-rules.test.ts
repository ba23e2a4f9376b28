// The ISAP calendar rules on the typical 2026-27 calendar: school days skip weekends, half-term,
// INSET days and bank holidays; rungs climb at the trust's thresholds; long extensions go to the CEO.
import { describe, expect, it } from 'vitest';
import { typicalCalendar } from '../../src/domain/calendar-presets';
import type { IsapAction } from '../../src/domain/isap';
import { byUrgency, extensionDeciders, isDueSoon, reminderDue, rungsDue, schoolDaysOverdue } from '../../src/domain/isap-rules';
import { TrustSettingsSchema } from '../../src/domain/trust';

const cal = typicalCalendar(2026);
const settings = TrustSettingsSchema.parse({});
const a = (over: Partial<IsapAction> = {}): IsapAction => ({
  id: 'a', schoolId: 's', title: 't', ownerId: 'o', due: '2026-11-16', status: 'open', rag: 'amber', extensions: [], escalationLevel: 0, createdAt: '2026-09-01T08:00:00Z', ...over,
});

describe('isap rules', () => {
  it('counts overdue school days, not calendar days, across a weekend', () => {
    expect(schoolDaysOverdue(cal, a({ due: '2026-11-13' }), '2026-11-16')).toBe(1); // Fri → Mon
    expect(schoolDaysOverdue(cal, a({ due: '2026-11-16' }), '2026-11-16')).toBe(0);
  });

  it('does not count the Christmas holidays or New Year bank holiday', () => {
    // Autumn 2 ends Fri 18 Dec; spring 1 starts Mon 4 Jan 2027 (INSET), so the first school day is Tue 5 Jan.
    expect(schoolDaysOverdue(cal, a({ due: '2026-12-18' }), '2027-01-05')).toBe(1);
  });

  it('climbs each rung at its threshold, from the stored level, and not while snoozed', () => {
    const due = '2026-11-03';
    expect(rungsDue(cal, a({ due }), '2026-11-04', settings).map((r) => r.rung)).toEqual(['owner']);
    expect(rungsDue(cal, a({ due }), '2026-11-18', settings).map((r) => r.rung)).toEqual(['owner', 'headteacher', 'dosi']);
    expect(rungsDue(cal, a({ due, escalationLevel: 2 }), '2026-11-18', settings).map((r) => r.rung)).toEqual(['dosi']);
    expect(rungsDue(cal, a({ due, escalationLevel: 4 }), '2026-12-18', settings)).toEqual([]);
    expect(rungsDue(cal, a({ due, snoozedUntil: '2026-11-20' }), '2026-11-18', settings)).toEqual([]);
    expect(rungsDue(cal, a({ due, status: 'complete' }), '2026-11-18', settings)).toEqual([]);
  });

  it('reminds once per due date, within the reminder window', () => {
    expect(isDueSoon(cal, a({ due: '2026-11-23' }), '2026-11-18', 3)).toBe(true);
    expect(isDueSoon(cal, a({ due: '2026-11-24' }), '2026-11-18', 3)).toBe(false);
    expect(reminderDue(cal, a({ due: '2026-11-23' }), '2026-11-18', settings)).toBe(true);
    expect(reminderDue(cal, a({ due: '2026-11-23', remindedFor: '2026-11-23' }), '2026-11-18', settings)).toBe(false);
    expect(reminderDue(cal, a({ due: '2026-11-23', remindedFor: '2026-11-20' }), '2026-11-18', settings)).toBe(true);
  });

  it('sends extensions over the threshold to the CEO', () => {
    expect(extensionDeciders(20, settings)).toEqual(['dosi']);
    expect(extensionDeciders(21, settings)).toEqual(['ceo', 'deputy-ceo']);
  });

  it('orders overdue first', () => {
    const list = [a({ id: 'later', due: '2026-12-01' }), a({ id: 'over', due: '2026-11-10' }), a({ id: 'soon', due: '2026-11-20' })];
    expect(list.sort(byUrgency('2026-11-18')).map((x) => x.id)).toEqual(['over', 'soon', 'later']);
  });
});
