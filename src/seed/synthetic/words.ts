// Word banks for the synthetic trust: places, saints, people's names, local authorities and the
// kind of ISAP actions, survey comments and expertise a real trust writes. Made up, but plausible.

/** Real-sounding place names, built from English place-name parts. Beacon and Riverside are the demo's own. */
const HEADS = ['Ash', 'Birch', 'Bram', 'Brook', 'Castle', 'Clay', 'Elm', 'Fern', 'Glen', 'Hazel', 'Holly', 'Kings', 'Lark', 'Marl', 'Mill', 'Oak', 'Pine', 'Queens', 'Red', 'Rose', 'Stone', 'Thorn', 'Wood', 'Wil', 'Yew', 'Haw', 'Church', 'Fox', 'Hart', 'Lyn', 'North', 'South', 'East', 'West', 'Long', 'Broad', 'High', 'Cold', 'Green', 'Sand'];
const TAILS = ['field', 'wood', 'hill', 'dale', 'ford', 'ley', 'bury', 'ton', 'gate', 'mead', 'brook', 'well', 'worth', 'thorpe', 'by', 'combe', 'stead', 'holme'];
const TOWNS = [
  'Calverton', 'Carlton', 'Chilwell', 'Clifton', 'Cotgrave', 'Dronfield', 'Duffield', 'Eckington', 'Edwalton', 'Gedling', 'Hucknall', 'Ilkeston', 'Keyworth',
  'Kimberley', 'Langwith', 'Matlock', 'Netherfield', 'Ollerton', 'Pinxton', 'Radcliffe', 'Ripley', 'Ruddington', 'Selston', 'Shirebrook', 'Southwell', 'Stapleford',
  'Tibshelf', 'Toton', 'Warsop', 'Whaley Bridge', 'Wirksworth', 'Belper', 'Bolsover', 'Brampton', 'Alfreton', 'Ashbourne', 'Bakewell', 'Buxton', 'Chapel-en-le-Frith',
  'Glossop', 'Heanor', 'Killamarsh', 'Long Eaton', 'Melbourne', 'Swadlincote', 'Bingham', 'Blidworth', 'Collingham', 'Edwinstowe', 'Farnsfield', 'Kirkby-in-Ashfield',
  'Misterton', 'Rainworth', 'Retford', 'Worksop', 'Tuxford', 'Newark', 'Beeston', 'Arnold', 'Bulwell', 'Sneinton', 'Mapperley', 'Bestwood', 'Rise Park', 'Aspley',
];
export const PLACES: readonly string[] = [...TOWNS, ...HEADS.flatMap((h) => TAILS.map((t) => h + t))];

export const SAINTS = ['Aidan', 'Mary', 'Peter', 'Paul', 'John', 'Joseph', 'Bede', 'Chad', 'Hild', 'Oswald', 'Cuthbert', 'Anne', 'Andrew', 'Thomas', 'Patrick', 'Margaret', 'Michael', 'Edmund', 'Wilfrid', 'Luke', 'Mark', 'Matthew', 'Barnabas', 'Alban', 'Werburgh', 'Helen', 'George', 'Augustine', 'Dunstan', 'Swithun'];

/** Name patterns per phase: `{p}` a place, `{s}` a saint. Some are as long as real ones get. */
export const NAME_PATTERNS: Record<string, readonly string[]> = {
  primary: [
    '{p} Primary School', '{p} Primary Academy', '{p} Church of England Primary School', '{p} Infant School', '{p} Junior School',
    '{p} Community Primary School', '{p} Primary School and Nursery', '{p} Infant and Nursery School', '{p} Methodist Primary School',
    "St {s}'s Catholic Primary School, a Voluntary Academy", "St {s}'s Church of England Voluntary Aided Primary Academy and Nursery",
    'Holy Trinity Church of England Primary School, {p}', '{p} Junior Academy', '{p} Primary',
  ],
  secondary: [
    '{p} Academy', '{p} High School', '{p} School', 'The {p} School', '{p} Community College', '{p} Church of England Academy',
    '{p} School and Sixth Form College', "St {s}'s Catholic Voluntary Academy", '{p} Academy, a specialist science and mathematics school',
  ],
  special: ['{p} Special School', '{p} School for Children with Complex Needs', '{p} Academy (Special)'],
  'alternative-provision': ['{p} Alternative Provision Academy', '{p} Pupil Referral Academy'],
  'all-through': ['{p} All-Through Academy', '{p} Academy, an all-through school for pupils aged 3 to 18'],
  nursery: ['{p} Nursery School', '{p} Maintained Nursery School and Children\u2019s Centre'],
  '16-plus': ['{p} Sixth Form College'],
  middle: ['{p} Middle School'],
};

export const LOCAL_AUTHORITIES = [
  'Nottinghamshire', 'Derbyshire', 'Nottingham', 'Derby', 'Leicestershire', 'Leicester', 'Lincolnshire', 'North Lincolnshire', 'Sheffield', 'Rotherham',
  'Doncaster', 'Barnsley', 'Staffordshire', 'Stoke-on-Trent', 'Cheshire East', 'Stockport', 'Kirklees', 'Wakefield', 'Leeds', 'Bradford', 'Calderdale',
  'Northamptonshire', 'Rutland', 'Warwickshire', 'Birmingham', 'Walsall', 'Wolverhampton', 'Sandwell', 'Dudley', 'Solihull', 'Coventry', 'Peterborough',
  'Cambridgeshire', 'Norfolk', 'Suffolk', 'Essex', 'Kent', 'Medway', 'Hertfordshire', 'Luton', 'Bedford', 'Milton Keynes',
];

export const FIRST_NAMES = [
  'Olivia', 'Amelia', 'Isla', 'Ava', 'Mia', 'Ivy', 'Lily', 'Isabella', 'Rosie', 'Sophia', 'Grace', 'Freya', 'Florence', 'Willow', 'Evie', 'Poppy', 'Sienna',
  'Ella', 'Emily', 'Harriet', 'Aisha', 'Zara', 'Maryam', 'Priya', 'Anika', 'Chloe', 'Megan', 'Laura', 'Rebecca', 'Hannah', 'Claire', 'Joanne', 'Nicola',
  'Sarah', 'Kate', 'Helen', 'Fiona', 'Siobhan', 'Niamh', 'Bethan', 'Oliver', 'George', 'Noah', 'Arthur', 'Muhammad', 'Leo', 'Harry', 'Oscar', 'Archie',
  'Henry', 'Theodore', 'Jack', 'Charlie', 'Freddie', 'Alfie', 'Thomas', 'James', 'William', 'Daniel', 'Samuel', 'Joseph', 'David', 'Michael', 'Andrew',
  'Paul', 'Mark', 'Richard', 'Stephen', 'Gareth', 'Rhys', 'Owen', 'Callum', 'Ravi', 'Imran', 'Tariq', 'Kwame', 'Tunde', 'Chidi', 'Wei', 'Tomasz', 'Piotr',
];

export const LAST_NAMES = [
  'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright', 'Thompson', 'Evans', 'Walker', 'White', 'Roberts',
  'Green', 'Hall', 'Wood', 'Jackson', 'Clarke', 'Hughes', 'Edwards', 'Turner', 'Hill', 'Cooper', 'Ward', 'Harris', 'Martin', 'Morris', 'Lewis', 'Baker',
  'Khan', 'Ahmed', 'Ali', 'Hussain', 'Patel', 'Shah', 'Begum', 'Singh', 'Kaur', 'Okafor', 'Adeyemi', 'Mensah', 'Nowak', 'Kowalski', 'Chen', 'Wong',
  "O'Brien", 'Murphy', 'Kelly', 'Byrne', 'Campbell', 'Stewart', 'MacDonald', 'Fraser', 'Price', 'Powell', 'Bennett', 'Griffiths', 'Barker', 'Marshall',
];

/** ISAP actions by strand, as a school writes them. */
export const ACTIONS: Record<string, readonly string[]> = {
  'Quality of Education': [
    'Phonics: every Year 1 pupil assessed and grouped for daily catch-up',
    'Reading: whole-class reading sessions observed and coached in every year group',
    'Maths mastery: CPD for all teachers on fluency and reasoning, followed up with drop-ins',
    'Curriculum maps for foundation subjects reviewed with subject leaders',
    'Writing moderation across the hub, judgements agreed with a partner school',
    'Year 6 pupils below expected in reading identified and given targeted tuition',
    'KS4 maths intervention timetable in place and attendance at sessions tracked',
    'Science practical work planned into every unit in KS3',
    'Assessment: one common assessment point per half term, analysed at department level',
    'Feedback policy simplified and workload impact surveyed',
    'Early reading books matched to the phonics scheme in every classroom',
    'Disadvantaged pupils\u2019 progress reviewed at every pupil progress meeting',
  ],
  Inclusion: [
    'Attendance: first-day calling for every absence, persistent absentees tracked weekly',
    'SEND register reviewed with the trust SEND lead',
    'Every pupil with an EHCP has an up-to-date provision map shared with teachers',
    'Suspensions analysed by group and reported to governors',
    'Attendance officer case reviews for the year group with the lowest attendance',
    'Early help referrals tracked and reviewed with the DSL fortnightly',
    'Adaptive teaching CPD for support staff working with SEND pupils',
    'Pupil premium strategy reviewed against this year\u2019s outcomes',
  ],
  'Leadership and Governance': [
    'Governors visit to review the curriculum in foundation subjects',
    'Behaviour policy relaunched with all staff',
    'New SLT induction completed with a school partner',
    'Safeguarding review actions closed and evidence filed',
    'Single central record spot-checked by the trust safeguarding lead',
    'Middle leaders\u2019 line management meetings minuted with actions',
    'Staff wellbeing and workload action plan agreed with staff',
    'School development plan milestones reviewed with the local governing body',
    'Rapid Response Commitment Plan drafted with the CEO',
    'Headteacher appraisal objectives agreed with the CEO',
  ],
  'Early Years': [
    'EYFS environment audit completed with the trust EYFS lead',
    'Reception baseline analysed and communication and language groups set',
  ],
};

export const EXPERTISE = [
  'maths', 'phonics', 'early reading', 'SEND', 'behaviour', 'attendance', 'curriculum design', 'EYFS', 'Year 6', 'science', 'writing', 'safeguarding',
  'leadership', 'assessment', 'pupil premium', 'English as an additional language', 'computing', 'history', 'geography', 'music', 'PE', 'modern languages',
];

export const SURVEY_COMMENTS = [
  'More time for planning together', 'Fewer data drops', 'Keep the wellbeing afternoons', 'Marking load', 'Clearer behaviour support on corridors',
  'Protected time for subject leadership', 'Fewer emails after 6pm', 'Cover is stretched when staff are off', 'Better CPD on adaptive teaching',
  'Nothing, it is a great team', 'A quieter space to work at lunchtime', 'More notice of deadlines', 'Support with challenging parents',
  'Shorter meetings with an agenda', 'Recognition when things go well', 'More TA time in Key Stage 1', 'Smaller class sizes', 'Car parking',
];
