// digest [weekly|risk], digest board, digest send <which>, subscribe <which|off>, unsubscribe [which].
import type { Command } from '../../command';
import { outcome } from '../../command';
import { badInput } from '../../errors';
import { messageCard as message } from '../../views/message-card';
import type { TextCommand } from '../../registry';
import { DIGEST_NAMES, DIGEST_WORDS, plural, type DigestKind } from './figures';
import { BUILD, toSubscribers } from './schedule';

const WHICH = 'weekly, risk or board';

function kindFrom(word: string | undefined, fallback?: DigestKind): DigestKind {
  if (!word) {
    if (fallback) return fallback;
    throw badInput(`Say which digest: ${WHICH}.`, 'For example: digest weekly, digest send weekly or subscribe weekly.');
  }
  const kind = DIGEST_WORDS[word.toLowerCase()];
  if (!kind) throw badInput(`There is no "${word}" digest: choose ${WHICH}.`, 'For example: digest risk');
  return kind;
}

const note = (title: string, intro: string) => outcome([message(title, intro)]);

const where = (cmd: Command) => (cmd.where.kind === 'personal' ? 'this chat' : 'this channel');
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const previewCommand: TextCommand = {
  key: 'digest.preview',
  words: ['digest'],
  usage: 'digest [weekly|risk|board]',
  summary: 'Show a digest now: the weekly SLT digest, the risk-meeting pack or the board digest',
  run(ctx, { cmd }) {
    return outcome([BUILD[kindFrom(cmd.args[0], 'weekly-slt')](ctx)]);
  },
};

/** `digest board` is its own permission: governors read the board digest, not every school's weekly figures. */
export const boardCommand: TextCommand = {
  key: 'digest.board',
  words: ['digest', 'board'],
  usage: 'digest board',
  summary: 'Show the termly board digest now',
  run(ctx) {
    return outcome([BUILD['board-termly'](ctx)]);
  },
};

export const sendCommand: TextCommand = {
  key: 'digest.send',
  words: ['digest', 'send'],
  usage: 'digest send <weekly|risk|board>',
  summary: 'Send a digest now to every conversation subscribed to it',
  async run(ctx, { cmd, person, data }) {
    const kind = kindFrom(cmd.args[0]);
    const n = data.subscriptions.filter((s) => s.digest === kind).length;
    if (!n) return note(`Nobody is subscribed to the ${DIGEST_NAMES[kind]}`, `Type subscribe ${cmd.args[0]!.toLowerCase()} in the channel that should receive it.`);
    const view = BUILD[kind](ctx);
    await ctx.store.append('audit', { at: ctx.now().toISOString(), actorId: person.id, action: 'digest.send', subject: kind, outcome: 'ok', detail: { subscribers: n } });
    return outcome([message(`Sent the ${DIGEST_NAMES[kind]}`, `To ${plural(n, 'subscribed conversation')}.`)], [toSubscribers(kind, view)]);
  },
};

export const subscribeCommand: TextCommand = {
  key: 'digest.subscribe',
  words: ['subscribe'],
  usage: 'subscribe <weekly|risk|board|off>',
  summary: 'Subscribe this conversation to a digest (subscribe off stops them all)',
  async run(ctx, { cmd, person, data }) {
    const key = cmd.where.conversationKey;
    const word = cmd.args[0]?.toLowerCase();
    if (!word) {
      const mine = data.subscriptions.filter((s) => s.conversationKey === key).map((s) => DIGEST_NAMES[s.digest]);
      return note(mine.length ? `${cap(where(cmd))} receives the ${mine.join(' and the ')}` : `${cap(where(cmd))} has no digests`, 'Type subscribe weekly, subscribe risk or subscribe board to add one, or subscribe off to stop them all.');
    }
    if (word === 'off') return unsubscribe(ctx, cmd, person.id);
    const kind = kindFrom(word);
    const added = await ctx.store.transact((d) => {
      if (d.subscriptions.some((s) => s.conversationKey === key && s.digest === kind)) return false;
      d.subscriptions.push({ conversationKey: key, digest: kind, byId: person.id, at: ctx.now().toISOString() });
      return true;
    }, { audit: (added) => (added ? { at: ctx.now().toISOString(), actorId: person.id, action: 'digest.subscribe', subject: key, outcome: 'ok', detail: { digest: kind } } : undefined) });
    if (!added) return note(`Already subscribed`, `${cap(where(cmd))} already receives the ${DIGEST_NAMES[kind]}. Nothing was changed.`);
    return note(`Subscribed to the ${DIGEST_NAMES[kind]}`, `${cap(where(cmd))} will receive it ${SCHEDULE[kind]}. Type digest ${word} to see it now, or unsubscribe ${word} to stop.`);
  },
};

export const unsubscribeCommand: TextCommand = {
  key: 'digest.subscribe',
  words: ['unsubscribe'],
  usage: 'unsubscribe [weekly|risk|board]',
  summary: 'Stop a digest in this conversation (all of them if none is named)',
  run(ctx, { cmd, person }) {
    return unsubscribe(ctx, cmd, person.id, cmd.args[0]);
  },
};

const SCHEDULE: Record<DigestKind, string> = {
  'weekly-slt': 'every Monday at 07:00 in term time (the Tuesday after a bank holiday)',
  'risk-pack': 'in the last week of each half term',
  'board-termly': 'at the end of each term',
};

async function unsubscribe(ctx: Parameters<TextCommand['run']>[0], cmd: Command, personId: string, word?: string) {
  const key = cmd.where.conversationKey;
  const kind = word ? kindFrom(word) : undefined;
  const removed = await ctx.store.transact((d) => {
    const gone = d.subscriptions.filter((s) => s.conversationKey === key && (!kind || s.digest === kind));
    d.subscriptions = d.subscriptions.filter((s) => !gone.includes(s));
    return gone.map((s) => s.digest);
  }, { audit: (removed) => (removed.length ? { at: ctx.now().toISOString(), actorId: personId, action: 'digest.unsubscribe', subject: key, outcome: 'ok', detail: { digests: removed } } : undefined) });
  if (!removed.length) return note('Nothing to stop', `${cap(where(cmd))} was not subscribed to ${kind ? `the ${DIGEST_NAMES[kind]}` : 'any digest'}.`);
  return note('Unsubscribed', `${cap(where(cmd))} will no longer receive the ${removed.map((k) => DIGEST_NAMES[k]).join(' or the ')}.`);
}
