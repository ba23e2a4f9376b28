// `forum new`: the DoSI schedules a forum or network meeting from a form; inviting comes after.
import { categoryTag } from '../../../domain/risk-rules';
import { z } from 'zod';
import type { Forum } from '../../../domain';
import { currentOrNextHalfTerm, localDate, zonedInstant } from '../../../domain/calendar';
import { lastDueDate } from '../../../domain/isap-rules';
import { outcome, reply } from '../../command';
import { badInput } from '../../errors';
import { defineAction, type TextCommand } from '../../registry';
import { messageCard } from '../../views/message-card';
import { formatWhen } from '../../views/format';

/** The trust networks of the seeds (Flourishing Futures, Flying High), and a catch-all. */
export const FORUM_KINDS = {
  'school-improvement': 'School Improvement Forum',
  'strategic-heads': 'Strategic headteachers',
  send: 'SEND network',
  dsl: 'DSL network',
  attendance: 'Attendance network',
  y6: 'Year 6 network',
  eyfs: 'EYFS network',
  'governor-hub': 'Governor hub',
  other: 'Other',
} as const;

const HHMM = z.string().trim().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use a time like 13:30');

const CreateInput = z
  .object({
    title: z.string().trim().min(3, 'give it a title').max(200),
    kind: z.enum(Object.keys(FORUM_KINDS) as [keyof typeof FORUM_KINDS, ...(keyof typeof FORUM_KINDS)[]]),
    date: z.iso.date('use a date like 2026-12-04'),
    start: HHMM,
    end: HHMM,
    location: z.string().trim().max(200).optional(),
    /** A multi-select arrives as comma-separated values. */
    expectedCategories: z.string().trim().max(500).optional(),
  })
  .refine((v) => v.end > v.start, { message: 'it must end after it starts', path: ['end'] });

export const newForum: TextCommand = {
  key: 'forum.create',
  words: ['forum', 'new'],
  usage: 'forum new',
  summary: 'A form to schedule a forum or network meeting',
  run(ctx, { data }) {
    const cal = data.trust!.calendar;
    const today = localDate(ctx.now(), ctx.timeZone);
    const fw = data.trust!.framework;
    return reply('forum-new', {
      halfTerm: currentOrNextHalfTerm(cal, today).name,
      today,
      lastDay: lastDueDate(cal),
      kinds: Object.entries(FORUM_KINDS).map(([value, title]) => ({ value, title })),
      categories: [...fw.categories, ...(fw.overlay ? [fw.overlay] : [])].map((c) => ({ value: c.id, title: categoryTag(fw, c) })),
    });
  },
};

export const create = defineAction({
  verb: 'forum.create',
  schema: CreateInput,
  async run(ctx, { person }, input) {
    const today = localDate(ctx.now(), ctx.timeZone);
    if (input.date < today) throw badInput('That date has passed: pick a date from today on.');
    const startsAt = zonedInstant(input.date, input.start, ctx.timeZone).toISOString();
    const saved = await ctx.store.transact((draft) => {
      const fw = draft.trust!.framework;
      const known = new Set([...fw.categories, ...(fw.overlay ? [fw.overlay] : [])].map((c) => c.id));
      const expected = (input.expectedCategories ?? '').split(',').map((s) => s.trim()).filter(Boolean);
      const unknown = expected.filter((c) => !known.has(c));
      if (unknown.length) throw badInput(`The trust has no category "${unknown[0]}".`);
      if (input.date > lastDueDate(draft.trust!.calendar)) throw badInput('Pick a date within this academic year.');
      // The same form sent twice (a double click, an old card used again) saves one forum.
      const same = draft.forums.find((f) => f.title === input.title && f.startsAt === startsAt);
      if (same) return { forum: same, again: true };
      const f: Forum = {
        id: `${input.kind}-${input.date}-${ctx.newId().slice(0, 4)}`,
        title: input.title,
        kind: input.kind,
        startsAt,
        endsAt: zonedInstant(input.date, input.end, ctx.timeZone).toISOString(),
        location: input.location || undefined,
        expectedCategories: expected,
        invites: [],
        createdById: person.id,
      };
      draft.forums.push(f);
      return { forum: f, again: false };
    }, { audit: ({ forum, again }) => (again ? undefined : { at: ctx.now().toISOString(), actorId: person.id, action: 'forum.create', subject: forum.id, outcome: 'ok', detail: { kind: forum.kind, startsAt: forum.startsAt } }) });
    const { forum } = saved;
    if (saved.again) {
      return outcome([{ ...messageCard(`Already saved: ${forum.title}, ${formatWhen(forum.startsAt, ctx.timeZone)}`, `Nothing was added. Invite people with: forum invite ${forum.id} <audience>.`), replace: true }]);
    }
    return outcome([
      {
        ...messageCard(
          `Saved: ${forum.title}, ${formatWhen(forum.startsAt, ctx.timeZone)}`,
          `Invite people next, for example: forum invite ${forum.id} headteachers (or send, dsl, category:amber, all-staff:<school>).`,
        ),
        replace: true,
      },
    ]);
  },
});
