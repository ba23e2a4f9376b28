// The demo trust's people. The first six have the fixed identities CONTRACT.md promises.
import type { Person } from '../domain';

const aad = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const DEMO_TENANT_ID = '00000000-0000-4000-8000-0000000000aa';

export const DEMO_SCHOOLS = [
  { id: 'beacon', urn: '140001', name: 'Beacon Primary', phase: 'primary', hub: 'North', categoryId: 'amber', la: 'Nottinghamshire' },
  { id: 'riverside', urn: '140002', name: 'Riverside Academy', phase: 'secondary', hub: 'North', categoryId: 'green', la: 'Nottinghamshire' },
  { id: 'hillcrest', urn: '140003', name: 'Hillcrest Primary', phase: 'primary', hub: 'South', categoryId: 'yellow', la: 'Derbyshire' },
  { id: 'oakfield', urn: '140004', name: 'Oakfield Academy', phase: 'secondary', hub: 'South', categoryId: 'amber', la: 'Derbyshire' },
  { id: 'st-marys', urn: '140005', name: "St Mary's Church of England Primary School and Nursery", phase: 'primary', hub: 'North', categoryId: 'green', la: 'Nottinghamshire' },
  { id: 'meadowbank', urn: '140006', name: 'Meadowbank Special School', phase: 'special', hub: 'South', categoryId: 'yellow', la: 'Derbyshire' },
  { id: 'northgate', urn: '140007', name: 'Northgate Junior School', phase: 'primary', hub: 'North', categoryId: 'red', la: 'Nottinghamshire' },
] as const;

type P = Omit<Person, 'networks'> & { networks?: string[] };
const person = (p: P): Person => ({ networks: [], ...p });

export const DEMO_PEOPLE: Person[] = [
  person({ id: 'amira', name: 'Amira Shah', email: 'amira.shah@demo-trust.example', jobTitle: 'CEO', roles: [{ role: 'ceo' }], teamsAadObjectId: aad(1), slackUserId: 'U00000CEO' }),
  person({ id: 'tom', name: 'Tom Okafor', email: 'tom.okafor@demo-trust.example', jobTitle: 'Director of School Improvement', roles: [{ role: 'dosi' }], teamsAadObjectId: aad(2), slackUserId: 'U0000DOSI' }),
  person({ id: 'rachel', name: 'Rachel Green', email: 'rachel.green@demo-trust.example', jobTitle: 'Headteacher, Beacon Primary', roles: [{ role: 'headteacher', schoolId: 'beacon' }], teamsAadObjectId: aad(3), slackUserId: 'U00000HT1' }),
  person({ id: 'sam', name: 'Sam Patel', email: 'sam.patel@demo-trust.example', jobTitle: 'Headteacher, Riverside Academy', roles: [{ role: 'headteacher', schoolId: 'riverside' }], teamsAadObjectId: aad(4), slackUserId: 'U00000HT2' }),
  person({ id: 'jo', name: 'Jo Williams', email: 'jo.williams@demo-trust.example', jobTitle: 'Teacher, Beacon Primary', roles: [{ role: 'staff', schoolId: 'beacon' }], networks: ['send'], teamsAadObjectId: aad(5), slackUserId: 'U0000STF1' }),
  person({ id: 'helen', name: 'Helen Price', email: 'helen.price@demo-trust.example', jobTitle: 'Chair of the Board', roles: [{ role: 'chair' }], teamsAadObjectId: aad(6), slackUserId: 'U000CHAIR' }),
  // The rest of the trust: other headteachers, a deputy CEO, and enough staff for survey groups.
  person({ id: 'mark', name: 'Mark Ellis', email: 'mark.ellis@demo-trust.example', jobTitle: 'Deputy CEO', roles: [{ role: 'deputy-ceo' }] }),
  person({ id: 'priya', name: 'Priya Nair', email: 'priya.nair@demo-trust.example', jobTitle: 'Headteacher, Hillcrest Primary', roles: [{ role: 'headteacher', schoolId: 'hillcrest' }] }),
  person({ id: 'david', name: 'David Brown', email: 'david.brown@demo-trust.example', jobTitle: 'Headteacher, Oakfield Academy', roles: [{ role: 'headteacher', schoolId: 'oakfield' }] }),
  person({ id: 'grace', name: 'Grace Liu', email: 'grace.liu@demo-trust.example', jobTitle: "Headteacher, St Mary's", roles: [{ role: 'headteacher', schoolId: 'st-marys' }] }),
  person({ id: 'owen', name: 'Owen Hughes', email: 'owen.hughes@demo-trust.example', jobTitle: 'Headteacher, Meadowbank', roles: [{ role: 'headteacher', schoolId: 'meadowbank' }] }),
  person({ id: 'fatima', name: 'Fatima Begum', email: 'fatima.begum@demo-trust.example', jobTitle: 'Headteacher, Northgate Junior', roles: [{ role: 'headteacher', schoolId: 'northgate' }] }),
  person({ id: 'lucy', name: 'Lucy Adams', email: 'lucy.adams@demo-trust.example', jobTitle: 'SENDCO, Beacon Primary', roles: [{ role: 'staff', schoolId: 'beacon' }], networks: ['send'] }),
  person({ id: 'ben', name: 'Ben Carter', email: 'ben.carter@demo-trust.example', jobTitle: 'Deputy Head, Beacon Primary', roles: [{ role: 'staff', schoolId: 'beacon' }], networks: ['dsl'] }),
  person({ id: 'chloe', name: 'Chloe Evans', email: 'chloe.evans@demo-trust.example', jobTitle: 'Year 6 Teacher, Beacon Primary', roles: [{ role: 'staff', schoolId: 'beacon' }], networks: ['y6'] }),
  person({ id: 'dan', name: 'Dan Murphy', email: 'dan.murphy@demo-trust.example', jobTitle: 'Teacher, Beacon Primary', roles: [{ role: 'staff', schoolId: 'beacon' }] }),
  person({ id: 'ella', name: 'Ella Scott', email: 'ella.scott@demo-trust.example', jobTitle: 'EYFS Lead, Beacon Primary', roles: [{ role: 'staff', schoolId: 'beacon' }], networks: ['eyfs'] }),
  person({ id: 'femi', name: 'Femi Adeyemi', email: 'femi.adeyemi@demo-trust.example', jobTitle: 'SENDCO, Riverside Academy', roles: [{ role: 'staff', schoolId: 'riverside' }], networks: ['send'] }),
  person({ id: 'hannah', name: 'Hannah Wood', email: 'hannah.wood@demo-trust.example', jobTitle: 'Head of Maths, Riverside Academy', roles: [{ role: 'staff', schoolId: 'riverside' }] }),
  person({ id: 'ian', name: 'Ian Clarke', email: 'ian.clarke@demo-trust.example', jobTitle: 'Attendance Lead, Oakfield Academy', roles: [{ role: 'staff', schoolId: 'oakfield' }], networks: ['attendance'] }),
];
