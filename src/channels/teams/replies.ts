// Sending a command's replies into the conversation it came from, and remembering posted cards that
// change later (approvals) so the outbox can update every copy.
import type { TurnContext } from 'botbuilder';
import type { Reply } from '../../app/command';
import type { Store } from '../../store/store';
import { cardMessage, subjectOf, teamsCard } from './cards';

export async function sendReplies(context: TurnContext, replies: Reply[], store: Store, conversationKey: string): Promise<void> {
  const viewer = context.activity.from?.id ? [context.activity.from.id] : [];
  for (const r of replies) {
    const sent = await context.sendActivity(cardMessage(teamsCard(r, store.read(), viewer)));
    const subject = subjectOf(r);
    if (subject && sent?.id) await rememberPosted(store, subject, conversationKey, sent.id);
  }
}

export async function rememberPosted(store: Store, subject: string, conversationKey: string, messageId: string): Promise<void> {
  await store.transact((d) => {
    if (d.postedCards.some((p) => p.conversationKey === conversationKey && p.messageId === messageId)) return;
    d.postedCards.push({ subject, conversationKey, platform: 'teams', messageId });
  });
}
