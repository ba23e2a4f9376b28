// A trust's 2026-27 half terms written out by hand, as a trust would import them (not generated).
export const HALF_TERMS_2026 = [
  { id: 'au1', name: 'Autumn 1', term: 'autumn', start: '2026-09-02', end: '2026-10-23' },
  { id: 'au2', name: 'Autumn 2', term: 'autumn', start: '2026-11-02', end: '2026-12-18' },
  { id: 'sp1', name: 'Spring 1', term: 'spring', start: '2027-01-04', end: '2027-02-12' },
  { id: 'sp2', name: 'Spring 2', term: 'spring', start: '2027-02-22', end: '2027-03-25' },
  { id: 'su1', name: 'Summer 1', term: 'summer', start: '2027-04-12', end: '2027-05-28' },
  { id: 'su2', name: 'Summer 2', term: 'summer', start: '2027-06-07', end: '2027-07-21' },
] as const;
