import { describe, expect, it } from 'vitest';
import { disclosureKind, looksLikeDisclosure } from '../../src/domain/safeguarding';
import { SURVEY_TEMPLATES } from '../../src/domain/surveys-templates';

// Things staff (and pupils, in pupil voice) might type that belong with the DSL, not in a chat bot.
const REDIRECT: [string, string][] = [
  ['a Y5 girl told me her stepdad hits her', 'physical'],
  ["he said he's scared to go home", 'emotional'],
  ['I think Mr X has been messaging a pupil on Snapchat', 'adults'],
  ['she has bruises on her arms again', 'physical'],
  ['a child disclosed that she is being touched', 'sexual'],
  ["his mum's boyfriend hurts him", 'physical'],
  ['my dad hits me when he is drunk', 'physical'],
  ['I get hit at home', 'physical'],
  ["I don't feel safe at home", 'emotional'],
  ['she is frightened of her stepdad', 'emotional'],
  ['He came in with a black eye and said his dad did it', 'physical'],
  ['there are marks on his neck', 'physical'],
  ['one of my Year 9s is self-harming', 'self-harm'],
  ["she's been cutting herself", 'self-harm'],
  ['he said he wants to kill himself', 'self-harm'],
  ['a pupil talked about suicide in circle time', 'self-harm'],
  ['I want to die', 'self-harm'],
  ['he comes in hungry every day and there is no food at home', 'neglect'],
  ['they were left alone overnight again', 'neglect'],
  ['she wears the same dirty clothes every day', 'neglect'],
  ['worried about FGM for a girl in Y6 going to Somalia this summer', 'fgm'],
  ['she is being taken abroad to be cut', 'fgm'],
  ['a Year 10 boy is running drugs for older lads, I think it is county lines', 'exploitation'],
  ['he has a new phone and cash and keeps going missing', 'exploitation'],
  ['a student brought a knife into school', 'serious-violence'],
  ['she is being groomed online by an older man', 'online'],
  ['he has been watching extremist videos and talking about attacks', 'radicalisation'],
  ['a girl is being forced into marriage', 'forced-marriage'],
  ['a parent has made an allegation against a TA', 'adults'],
  ['it is alleged that the coach kissed a student', 'adults'],
  ['the caretaker grabbed a pupil by the neck', 'adults'],
  ['a teacher sent a student inappropriate messages', 'sexual'],
  ['Mrs Jones shoved a child against the wall', 'adults'],
  ['Miss Reed gives lifts home to a Year 11 girl', 'adults'],
  ['a pupil has been sharing nudes', 'sexual'],
  ['a girl in year 8 was sent nude pictures', 'sexual'],
  ['there is domestic violence at home', 'domestic-abuse'],
  ['the police were called to her house last night', 'domestic-abuse'],
  ['I am worried about a pupil\u2019s safety at home', 'concern'],
  ['safeguarding concern about a Y3 boy', 'concern'],
  ['SHE SAID HER UNCLE TOUCHES HER', 'sexual'],
  ['he told me his dad hit him with a belt', 'physical'],
  ['she told me a secret about her uncle', 'concern'],
];

// Ordinary school improvement talk that must pass: from the demo trust, the seeds and staff surveys.
const PASS: string[] = [
  'we hit our attendance target',
  'results hit a three-year high',
  'the new head hit the ground running',
  'the behaviour policy was relaunched',
  "pupils' reading ages have risen",
  'staff feel the marking load is too high',
  'the Year 6 writing moderation',
  'safeguarding review actions closed',
  'the DSL network meets on Tuesday',
  'allegations policy reviewed by governors',
  'The LADO has closed the concern; Repair is enough.',
  'managing allegations training for all headteachers',
  'LADO referral process added to the induction pack',
  'county lines awareness session for Year 10 parents',
  'FGM training completed by all staff',
  'self-harm policy updated in line with KCSIE 2025',
  'suicide prevention training booked for the pastoral team',
  'training on radicalisation (Prevent) done in September',
  'domestic abuse training for DSLs',
  'online safety curriculum reviewed',
  'neglected areas of the curriculum, such as music, are being rebuilt',
  'we exploited the new timetable to free up planning time',
  'the workload is killing us',
  'I am burnt out',
  'Year 5 pupils touched on fractions before half term',
  'our TA touched base with the Year 2 team',
  'Mr Smith messaged the Year 6 parents about the trip',
  'Mrs Khan texted the Year 11 parents about revision sessions',
  'we were hit by flu in December',
  'budget cuts hurt us this year',
  'pupils hitting targets in reading has doubled',
  'staff told us the marking load is too high',
  'concerned about the pupil premium gap in Year 4',
  'worried about a pupil\u2019s attendance in Year 9',
  'the single central record was incomplete at the safeguarding audit',
  'Ofsted found safeguarding met',
  'children looked after attend the summer school',
  'the attendance officer case reviews for Year 9',
  'exclusions fell this half term',
  'the laptop trolley went missing from the library',
  'the behaviour data show fewer incidents of pupils hitting staff',
  'More time for planning together',
  'Fewer data drops',
  'Keep the wellbeing afternoons',
  'Nothing, it is a great team',
  'Marking load',
  'Phonics: every Year 1 pupil assessed and grouped for daily catch-up',
  'Attendance: first-day calling for every absence, persistent absentees tracked weekly',
  'SEND register reviewed with the trust SEND lead',
  'Governors visit to review the curriculum in foundation subjects',
  'Year 6 writing moderation with Riverside',
  'KS4 maths intervention timetable in place',
  'Behaviour policy relaunched with all staff',
  'Attendance improvement plan agreed with the LA',
  'Rapid Response Commitment Plan drafted with the CEO',
  'New SLT induction completed with school partner',
  'Moderated 30 scripts with Riverside; judgements agreed in 27.',
  'Half a day a week in the spring term',
  'SENDCO coaching, one visit a fortnight',
  'Attendance 88.1% (national 91.0%), falling for three half terms',
  'RED brings termly peer review, a safeguarding review and monthly Executive Team review',
  'All setting will have a lead DSL with at least two deputy DSLs',
  'Spot checks on the single central record will be undertaken termly',
  'staff feel safe at school and supported by leaders',
  'I would like more clubs after school',
  'the children loved the trip to the museum',
  'she got the deputy headship at Riverside',
];

describe('looksLikeDisclosure', () => {
  it.each(REDIRECT)('redirects %j', (text, kind) => {
    expect(disclosureKind(text)).toBe(kind);
  });

  it.each(PASS.map((p) => [p]))('lets %j through', (text) => {
    expect(disclosureKind(text)).toBeUndefined();
  });

  it('lets every survey template question through', () => {
    const texts = SURVEY_TEMPLATES.flatMap((t) => [t.title, t.summary, ...t.questions.flatMap((q) => [q.text, ...(q.type === 'choice' ? q.options : [])])]);
    expect(texts.filter(looksLikeDisclosure)).toEqual([]);
  });

  it('finds a disclosure inside a longer answer, across line breaks and curly quotes', () => {
    expect(looksLikeDisclosure('Workload is fine.\nBut one thing: a boy in my class said his dad\u2019s girlfriend hits him.')).toBe(true);
    expect(looksLikeDisclosure('Workload is fine.\nMore planning time would help.')).toBe(false);
  });
});
