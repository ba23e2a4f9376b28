// `forum`, `forum invite <forum> <audience>`, `forum responses <forum>`.
import { categoryByName, expectedPeople, resolveAudiences, AUDIENCE_HELP } from '../../../domain/forums-audience';
import { isUpcoming } from '../../../domain/forums-rules';
import { seesWholeTrust } from '../../../domain/people';
import { outcome, reply, type Notification } from '../../command';
import { AppError, badInput } from '../../errors';
import type { TextCommand } from '../../registry';
import { syncCalendar } from './calendar-sync';
import { findForum } from './find';
import { inviteView, listView, MAX_NAMES, namesOf, when } from './views';
import { messageCard } from '../../views/message-card';

export const list: TextCommand = {
  key: 'forum.list',
  words: ['forum'],
  usage: 'forum',
  summary: 'Upcoming forums and networks, with your answer to each',
  run(ctx, { data, person }) {
    const now = ctx.now();
    // Everyone sees the forums they are invited to; the trust-wide roles see every forum.
    const forums = data.forums
      .filter((f) => isUpcoming(f, now) && (seesWholeTrust(person) || f.invites.some((i) => i.personId === person.id)))
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
      .slice(0, 15);
    const view = listView(data, person, forums, ctx.timeZone);
    return reply(view.card, view.data);
  },
};

export const invite: TextCommand = {
  key: 'forum.invite',
  words: ['forum', 'invite'],
  usage: 'forum invite <forum> <audience>',
  summary: `Invite people to a forum. Audience: ${AUDIENCE_HELP}`,
  async run(ctx, { cmd, data, person }) {
    const [forumWord, ...audience] = cmd.args;
    if (!forumWord || !audience.length) throw badInput('Say which forum and who to invite: forum invite <forum> <audience>.', `For example: forum invite send sendcos. Audiences: ${AUDIENCE_HELP}.`);
    const forum = findForum(data, forumWord, ctx.now());
    if (!isUpcoming(forum, ctx.now())) throw new AppError('ALREADY_DONE', `${forum.title} has already started: nobody was invited.`);
    const trust = { people: data.people, schools: data.schools, framework: data.trust!.framework };
    const who = resolveAudiences(trust, audience);
    if (!who.ok) throw badInput(who.problem, `Audiences: ${AUDIENCE_HELP}.`);
    const expected = new Set(expectedPeople(trust, forum).map((p) => p.id));
    const at = ctx.now().toISOString();
    const added = await ctx.store.transact((draft) => {
      const f = draft.forums.find((x) => x.id === forum.id)!;
      const fresh = who.people.filter((p) => !f.invites.some((i) => i.personId === p.id));
      for (const p of fresh) f.invites.push({ personId: p.id, invitedAt: at, expected: expected.has(p.id) });
      return fresh.map((p) => p.id);
    });
    await ctx.store.append('audit', { at, actorId: person.id, action: 'forum.invite', subject: forum.id, outcome: 'ok', detail: { audience: audience.join(' '), invited: added.length } });
    // The calendar first, so the invitation cards carry the Teams link.
    const calendarNote = added.length ? await syncCalendar(ctx, forum.id) : '';
    const after = ctx.store.read();
    const f = after.forums.find((x) => x.id === forum.id)!;
    const cards: Notification[] = added.map((id) => ({ ...inviteView(f, after.people.find((p) => p.id === id)!, ctx.timeZone), to: { person: id }, subject: `forum:${f.id}:${id}` }));
    const already = who.people.length - added.length;
    const expectedCount = added.filter((id) => expected.has(id)).length;
    const intro = [
      `${added.length} invited (${who.label})${expectedCount ? `, ${expectedCount} expected to attend` : ''}.`,
      already ? `${already} had already been invited.` : '',
      calendarNote,
    ].filter(Boolean).join(' ');
    return outcome([messageCard(`Invitations: ${f.title}`, intro)], cards);
  },
};

export const responses: TextCommand = {
  key: 'forum.responses',
  words: ['forum', 'responses'],
  usage: 'forum responses <forum>',
  summary: 'Who has accepted, declined or not answered, and who is expected but not coming',
  run(ctx, { cmd, data }) {
    const forum = findForum(data, cmd.args.join(' ') || undefined, ctx.now());
    const by = (pred: (i: (typeof forum.invites)[number]) => boolean) => forum.invites.filter(pred).map((i) => i.personId);
    const trust = { people: data.people, schools: data.schools, framework: data.trust!.framework };
    const coming = new Set(by((i) => i.rsvp === 'accepted' || i.rsvp === 'tentative'));
    const expectedIds = new Set([...expectedPeople(trust, forum).map((p) => p.id), ...by((i) => i.expected)]);
    const missing = [...expectedIds].filter((id) => !coming.has(id));
    const invited = new Set(forum.invites.map((i) => i.personId));
    const label = (id: string) => {
      const p = data.people.find((x) => x.id === id);
      const school = data.schools.find((s) => p?.roles.some((g) => g.schoolId === s.id));
      const inv = forum.invites.find((i) => i.personId === id);
      const state = !invited.has(id) ? 'not invited' : inv?.rsvp === 'declined' ? 'declined' : 'no answer';
      return `${p?.name ?? id}${school ? ` (${school.name})` : ''}: ${state}`;
    };
    const cats = forum.expectedCategories.map((c) => categoryByName(data.trust!.framework, c)?.label ?? c).join(', ');
    const groups = [
      { name: 'Accepted', ids: by((i) => i.rsvp === 'accepted') },
      { name: 'Tentative', ids: by((i) => i.rsvp === 'tentative') },
      { name: 'Declined', ids: by((i) => i.rsvp === 'declined') },
      { name: 'Not answered', ids: by((i) => !i.rsvp) },
    ];
    return reply('forum-responses', {
      title: `Responses: ${forum.title}`,
      when: when(forum, ctx.timeZone),
      groups: groups.map((g) => ({ name: `${g.name} (${g.ids.length})`, names: g.ids.length ? namesOf(data, g.ids) : 'Nobody' })),
      expectedTitle: cats ? `Expected (${cats}) but not coming (${missing.length})` : '',
      missing: [...missing.slice(0, MAX_NAMES).map(label), ...(missing.length > MAX_NAMES ? [`and ${missing.length - MAX_NAMES} more`] : [])],
    });
  },
};
