// Creating, opening and closing surveys.
import { z } from 'zod';
import type { Person, Survey } from '../../../domain';
import { addSchoolDays, currentOrNextHalfTerm, localDate } from '../../../domain/calendar';
import { schoolsOf } from '../../../domain/people';
import { audienceSchoolOf, invitedCounts } from '../../../domain/surveys-answers';
import { findTemplate, parseQuestions, SURVEY_TEMPLATES } from '../../../domain/surveys-templates';
import type { Data } from '../../../store/schema';
import { outcome, reply, type Context, type Notification, type Outcome, type Request } from '../../command';
import { AppError, badInput, notAllowed } from '../../errors';
import { defineAction, type CardAction, type TextCommand } from '../../registry';
import { formatDate } from '../../views/format';
import { assertManages, findSurvey, isExec, resolveSchool } from './access';
import { surveyFormView, surveySubject } from './views';
import { messageCard } from '../../views/message-card';

const newSurveyCard = () =>
  reply('survey-new', {
    intro: 'Start from a template, or write your own questions. You get a draft to check before anyone sees it.',
    templates: [...SURVEY_TEMPLATES.map((t) => ({ title: `${t.title}: ${t.summary}`, value: t.id })), { title: 'My own questions (below)', value: 'custom' }],
  });

/**
 * Who answers: every member of staff, headteachers included. The bot knows only the trust's staff,
 * so pupil voice also reaches the schools through them: posted in a class or school-council
 * channel (survey post), where each person the bot knows answers privately and once.
 */
const AUDIENCE_ROLES = ['staff', 'headteacher'];

interface Draft {
  template?: string;
  title: string;
  kind: Survey['kind'];
  questions: Survey['questions'];
}

async function createDraft(ctx: Context, person: Person, draft: Draft): Promise<Outcome> {
  const ownSchool = schoolsOf(person, 'headteacher')[0];
  if (!isExec(person) && !ownSchool) throw notAllowed('Only the executive team and headteachers create surveys.');
  const slug = (draft.template ?? 'survey').replace(/[^a-z0-9]+/g, '-');
  const survey = await ctx.store.transact((d) => {
    const s: Survey = {
      id: `${slug}-${ctx.newId().replace(/-/g, '').slice(0, 6)}`,
      title: draft.title,
      kind: draft.kind,
      questions: draft.questions,
      audience: { schoolIds: isExec(person) ? [] : [ownSchool!], roles: AUDIENCE_ROLES },
      status: 'draft',
      createdById: person.id,
      invited: {},
    };
    d.surveys.push(s);
    return s;
  }, { audit: (survey) => ({ at: ctx.now().toISOString(), actorId: person.id, action: 'survey.create', subject: survey.id, outcome: 'ok', detail: { template: draft.template ?? 'custom' } }) });
  const where = isExec(person) ? `survey open ${survey.id} for every school, or add school ids for chosen schools` : `survey open ${survey.id}`;
  const preview = surveyFormView(survey, { canOpen: true, notice: `Draft ${survey.id} created. Check it, then: ${where}.` });
  return reply(preview.card, preview.data);
}

function titleFor(ctx: Context, data: Readonly<Data>, base: string): string {
  const cal = data.trust?.calendar;
  if (!cal) return base;
  return `${base}, ${currentOrNextHalfTerm(cal, localDate(ctx.now(), ctx.timeZone)).name}`;
}

const CreateInput = z.object({
  template: z.string().trim().optional(),
  title: z.string().trim().max(200).optional(),
  kind: z.enum(['staff', 'pupil-voice']).default('staff'),
  questions: z.string().max(6000).optional(),
});

async function createFrom(ctx: Context, { person, data }: Request, input: z.infer<typeof CreateInput>): Promise<Outcome> {
  if (input.template && input.template !== 'custom') {
    const t = findTemplate(input.template);
    if (!t) throw badInput(`There is no template "${input.template}".`, `Templates: ${SURVEY_TEMPLATES.map((x) => x.id).join(', ')}; or type survey new for a form.`);
    return createDraft(ctx, person, { template: t.id, title: titleFor(ctx, data, t.title), kind: t.kind, questions: structuredClone(t.questions) });
  }
  if (!input.title) throw badInput('Give the survey a title.', 'Fill in the title and your questions, one per line.');
  const parsed = parseQuestions(input.questions ?? '');
  if (!parsed.ok) throw badInput(`Question ${parsed.line || ''} could not be used: ${parsed.problem}.`.replace('  ', ' '), 'One question per line: likert: …, choice: … | option | option, or text: ….');
  return createDraft(ctx, person, { title: input.title, kind: input.kind, questions: parsed.questions });
}

async function openSurvey(ctx: Context, { person, cmd }: Request, id: string, schoolWords: string[]): Promise<Outcome> {
  const today = localDate(ctx.now(), ctx.timeZone);
  const result = await ctx.store.transact((d) => {
    const s = findSurvey(d, id);
    assertManages(person, s);
    if (s.status === 'open') throw new AppError('ALREADY_DONE', `"${s.title}" is already open.`, `Type survey results ${s.id} to see how it is going.`);
    if (s.status === 'closed') throw new AppError('ALREADY_DONE', `"${s.title}" has closed and cannot be opened again.`, 'Create a new survey from the same template.');
    const chosen = schoolWords.length && schoolWords.join(' ').toLowerCase() !== 'all' ? chosenSchools(d, schoolWords) : [];
    if (!isExec(person)) {
      const own = schoolsOf(person, 'headteacher');
      if (chosen.some((c) => !own.includes(c))) throw notAllowed('Headteachers open surveys to their own school only.');
      s.audience.schoolIds = own;
    } else {
      s.audience.schoolIds = chosen;
    }
    const all = d.schools.map((x) => x.id);
    s.invited = invitedCounts(d.people, s, all);
    const total = Object.values(s.invited).reduce((a, b) => a + b, 0);
    if (!total) throw badInput('Nobody at those schools can answer it yet: the bot knows none of their staff.', 'Add the staff first, or choose other schools.');
    s.status = 'open';
    s.openedAt = ctx.now().toISOString();
    if (d.trust?.calendar) s.closesOn = addSchoolDays(d.trust.calendar, today, 10);
    const people = d.people.filter((p) => audienceSchoolOf(p, s, all));
    return { survey: structuredClone(s), people: people.map((p) => p.id), total, minGroup: d.trust?.settings.anonymity.minGroup ?? 5 };
  }, { audit: ({ survey: s }) => ({ at: ctx.now().toISOString(), actorId: person.id, action: 'survey.open', subject: s.id, outcome: 'ok', detail: { invited: s.invited } }) });
  const s = result.survey;
  const card = surveyFormView(s, { minGroup: result.minGroup });
  const invitations: Notification[] = result.people.map((p) => ({ ...card, to: { person: p }, subject: surveySubject(s.id) }));
  const schools = Object.keys(s.invited).length;
  const inChannel = cmd.where.kind !== 'personal';
  const replies = [
    {
      card: 'list',
      data: {
        title: `Opened: ${s.title}`,
        intro: `Sent to ${result.total} ${result.total === 1 ? 'person' : 'people'} at ${schools} ${schools === 1 ? 'school' : 'schools'}, each privately${s.closesOn ? `; it closes on ${formatDate(s.closesOn)}` : ''}.`,
        empty: inChannel ? 'It is posted here too: everyone answers privately, and nobody sees anyone else\u2019s answer.' : `To put it up in a staff channel as well, type survey post ${s.id} there.`,
        items: [],
      },
    },
    // In a channel the card goes up for everyone: each person's tap is answered to them alone.
    ...(inChannel ? [card] : []),
  ];
  return outcome(replies, invitations);
}

/** School ids separated by spaces ("beacon riverside"), or names separated by commas ("St Mary's, Beacon"). */
function chosenSchools(d: Readonly<Data>, words: string[]): string[] {
  const text = words.join(' ');
  const names = text.includes(',') ? text.split(',').map((n) => n.trim()).filter(Boolean) : words;
  return [...new Set(names.map((n) => resolveSchool(d, n.split(' ')).id))];
}

async function closeSurvey(ctx: Context, { person }: Request, id: string): Promise<Outcome> {
  const s = await ctx.store.transact((d) => {
    const found = findSurvey(d, id);
    assertManages(person, found);
    if (found.status === 'closed') throw new AppError('ALREADY_DONE', `"${found.title}" is already closed.`, `Type survey results ${found.id}.`);
    if (found.status === 'draft') throw badInput(`"${found.title}" was never opened.`, 'Open it first, or leave the draft.');
    found.status = 'closed';
    return structuredClone(found);
  }, { audit: (s) => ({ at: ctx.now().toISOString(), actorId: person.id, action: 'survey.close', subject: s.id, outcome: 'ok', detail: {} }) });
  const closedCard = surveyFormView(s);
  return outcome(
    [messageCard(`Closed: ${s.title}`, `No more answers are taken. Type survey results ${s.id} for the results.`)],
    [{ ...closedCard, to: { person: s.createdById }, subject: surveySubject(s.id), update: true }],
  );
}

/**
 * Posts an open survey's card into the channel this is typed in (a school's staff channel, a
 * class team): everyone there who was asked answers privately from it, once.
 */
function postSurvey(_ctx: Context, { person, data, cmd }: Request): Outcome {
  const s = findSurvey(data, cmd.args[0]);
  const own = schoolsOf(person, 'headteacher');
  if (!isExec(person) && s.createdById !== person.id && !own.some((id) => id in s.invited)) {
    throw notAllowed('Headteachers post surveys sent to their own school only.');
  }
  if (s.status !== 'open') throw badInput(`"${s.title}" is ${s.status === 'draft' ? 'not open yet' : 'closed'}.`, s.status === 'draft' ? `Open it first: survey open ${s.id}` : 'Create a new one for another round.');
  if (cmd.where.kind === 'personal') throw badInput('Type this in the channel the survey should go up in, such as your staff channel.', 'In a channel each person answers privately from the same card.');
  const card = surveyFormView(s, { minGroup: data.trust?.settings.anonymity.minGroup ?? 5 });
  return outcome([card]);
}

/** Daily: surveys past their closing date close, and every posted copy of their card says so. */
export async function closeDueSurveys(ctx: Context): Promise<Outcome> {
  const today = localDate(ctx.now(), ctx.timeZone);
  const closed = await ctx.store.transact((d) => {
    const due = d.surveys.filter((s) => s.status === 'open' && s.closesOn && s.closesOn < today);
    for (const s of due) s.status = 'closed';
    return structuredClone(due);
  });
  return outcome([], closed.map((s) => ({ ...surveyFormView(s), to: { person: s.createdById }, subject: surveySubject(s.id), update: true })));
}

export const manageCommands: TextCommand[] = [
  {
    key: 'survey.create',
    words: ['survey', 'new'],
    usage: 'survey new [wellbeing | pulse | pupil-voice]',
    summary: 'A draft survey from a template, or a form for your own questions',
    run: (ctx, req) => (req.cmd.args.length ? createFrom(ctx, req, { template: req.cmd.args.join(' '), kind: 'staff' }) : newSurveyCard()),
  },
  {
    key: 'survey.open',
    words: ['survey', 'open'],
    usage: 'survey open <id> [school …]',
    summary: 'Send a draft to the staff of every school, or of the schools named',
    run: (ctx, req) => openSurvey(ctx, req, req.cmd.args[0]!, req.cmd.args.slice(1)),
  },
  {
    key: 'survey.post',
    words: ['survey', 'post'],
    usage: 'survey post <id>',
    summary: 'Put an open survey up in this channel: each person answers it privately',
    run: postSurvey,
  },
  {
    key: 'survey.close',
    words: ['survey', 'close'],
    usage: 'survey close <id>',
    summary: 'Stop taking answers',
    run: (ctx, req) => closeSurvey(ctx, req, req.cmd.args[0]!),
  },
];

const ById = z.object({ surveyId: z.string().min(1).max(100) });

export const manageActions: CardAction<any>[] = [
  defineAction({ verb: 'survey.create', schema: CreateInput, run: createFrom }),
  defineAction({ verb: 'survey.open', schema: ById, run: (ctx, req, input) => openSurvey(ctx, req, input.surveyId, []) }),
  defineAction({ verb: 'survey.close', schema: ById, run: (ctx, req, input) => closeSurvey(ctx, req, input.surveyId) }),
];
