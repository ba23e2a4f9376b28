// `forum`, `forum invite <forum> <audience>`, `forum responses <forum>`.
import { categoryTag } from '../../../domain/risk-rules';
import { categoryByName, expectedPeople, resolveAudiences, AUDIENCE_HELP } from '../../../domain/forums-audience';
import { isUpcoming } from '../../../domain/forums-rules';
import { seesWholeTrust } from '../../../domain/people';
import { outcome, reply, type Notification } from '../../command';
import { AppError, badInput } from '../../errors';
import type { TextCommand } from '../../registry';
import { syncCalendar } from './calendar-sync';
import { findForum } from './find';
import { inviteView, listView, when } from './views';
import { pageArg, pageLabel, pageOf } from '../../views/paging';
import { messageCard } from '../../views/message-card';

/** Each forum carries three RSVP buttons: 8 a page keep Slack under 50 blocks. */
const FORUMS_PER_PAGE = 8;
/** Names a page in forum responses: about 40 short lines stay near 8 KB and inside Slack's 3,000-character sections. */
const NAMES_PER_PAGE = 40;

export const list: TextCommand = {
  key: 'forum.list',
  words: ['forum'],
  usage: 'forum [page N]',
  summary: 'Upcoming forums and networks, soonest first, with your answer to each',
  run(ctx, { cmd, data, person }) {
    const now = ctx.now();
    const { page } = pageArg(cmd.args);
    // Everyone sees the forums they are invited to; the trust-wide roles see every forum.
    const forums = data.forums
      .filter((f) => isUpcoming(f, now) && (seesWholeTrust(person) || f.invites.some((i) => i.personId === person.id)))
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    const p = pageOf(forums, page, FORUMS_PER_PAGE, 'forum');
    const view = listView(data, person, p.items, ctx.timeZone, pageLabel(p), p.more);
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
    }, { audit: (added) => ({ at, actorId: person.id, action: 'forum.invite', subject: forum.id, outcome: 'ok', detail: { audience: audience.join(' '), invited: added.length } }) });
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
  usage: 'forum responses <forum> [page N]',
  summary: 'Who is expected but not coming, who has not answered, declined, or accepted: a page at a time',
  run(ctx, { cmd, data }) {
    const { page, rest } = pageArg(cmd.args);
    const forum = findForum(data, rest.join(' ') || undefined, ctx.now());
    const by = (pred: (i: (typeof forum.invites)[number]) => boolean) => forum.invites.filter(pred).map((i) => i.personId);
    const trust = { people: data.people, schools: data.schools, framework: data.trust!.framework };
    const coming = new Set(by((i) => i.rsvp === 'accepted' || i.rsvp === 'tentative'));
    const expectedIds = new Set([...expectedPeople(trust, forum).map((p) => p.id), ...by((i) => i.expected)]);
    const missing = [...expectedIds].filter((id) => !coming.has(id));
    // Looked up from maps: a forum for 1,000 schools names thousands of people.
    const people = new Map(data.people.map((x) => [x.id, x]));
    const schools = new Map(data.schools.map((x) => [x.id, x]));
    const invites = new Map(forum.invites.map((i) => [i.personId, i]));
    const nameOf = (id: string) => people.get(id)?.name ?? id;
    const label = (id: string) => {
      const schoolId = people.get(id)?.roles.find((g) => g.schoolId && schools.has(g.schoolId))?.schoolId;
      const school = schoolId ? schools.get(schoolId) : undefined;
      const inv = invites.get(id);
      const state = !inv ? 'not invited' : inv?.rsvp === 'declined' ? 'declined' : 'no answer';
      return `${nameOf(id)}${school ? ` (${school.name})` : ''}: ${state}`;
    };
    const fw = data.trust!.framework;
    const cats = forum.expectedCategories.map((c) => { const cat = categoryByName(fw, c); return cat ? categoryTag(fw, cat) : c; }).join(', ');
    // Worst first: the expected schools not coming, then who has not answered, declined, tentative, accepted.
    type Group = { name: string; lines: string[]; warn: boolean; list: boolean };
    const names = (name: string, ids: string[]): Group => ({ name: `${name} (${ids.length})`, lines: ids.map(nameOf), warn: false, list: false });
    const groups: Group[] = [
      ...(cats ? [{ name: `Expected (${cats}) but not coming (${missing.length})`, lines: missing.map(label), warn: true, list: true }] : []),
      names('Not answered', by((i) => !i.rsvp)),
      names('Declined', by((i) => i.rsvp === 'declined')),
      names('Tentative', by((i) => i.rsvp === 'tentative')),
      names('Accepted', by((i) => i.rsvp === 'accepted')),
    ];
    const listed = groups.flatMap((g) => (g.lines.length ? g.lines.map((line) => ({ g, line })) : [{ g, line: '' }]));
    const p = pageOf(listed, page, NAMES_PER_PAGE, `forum responses ${forum.id}`);
    const shown: { name: string; names: string; warn: boolean }[] = [];
    for (const { g, line } of p.items) {
      const last = shown.at(-1);
      if (last?.name === g.name) last.names += (g.list ? '\n' : ', ') + line;
      else shown.push({ name: g.name, names: line || 'Nobody', warn: g.warn });
    }
    const count = (r?: string) => forum.invites.filter((i) => i.rsvp === r).length;
    const label2 = pageLabel(p);
    return reply('forum-responses', {
      title: `Responses: ${forum.title}${label2 ? ` (${label2})` : ''}`,
      when: when(forum, ctx.timeZone),
      summary: `${forum.invites.length} invited: ${count('accepted')} accepted, ${count('tentative')} tentative, ${count('declined')} declined, ${count(undefined)} not answered.`,
      groups: shown,
      more: p.more,
    });
  },
};
