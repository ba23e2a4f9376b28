// Card buttons (Action.Execute) arrive as `adaptiveCard/action` invokes. Teams waits 5 seconds for
// the answer, so a slow command is answered with a "working on it" card and its result follows as
// an update of the same message once it is ready.
import type { Activity, ConversationReference, TurnContext } from 'botbuilder';
import type { Command, Outcome, Reply } from '../../app/command';
import type { Store } from '../../store/store';
import { CARD_CONTENT_TYPE } from './activity';
import { subjectOf, teamsCard } from './cards';
import { errorSummary } from './error-summary';
import type { Pace } from './pace';
import { paced, postCard, rememberPosted } from './replies';
import { postNew } from './sender';
import { fitCard, fitMessage } from './too-large';
import { messageCard } from '../../app/views/message-card';

/** Under Teams' 5 s, leaving time for the answer to travel. */
export const INVOKE_BUDGET_MS = 4_000;

const WORKING: Reply = messageCard('Working on it…', 'This is taking a little longer than usual. The result will replace this card shortly.');

export interface InvokeDeps {
  store: Store;
  /** Dispatches and hands the notifications to the outbox. */
  run(cmd: Command): Promise<Outcome>;
  /** Runs `fn` in the conversation later, after this turn has ended. */
  continueIn(ref: Partial<ConversationReference>, fn: (context: TurnContext) => Promise<void>): Promise<void>;
  /** Follow-ups still running, so that stopping the bot waits for them. */
  track(p: Promise<unknown>): void;
  /** Paces posts into a conversation under Teams' limits (shared with replies and the outbox). */
  pace: Pace;
  budgetMs?: number;
}

export async function answerCardAction(context: TurnContext, cmd: Command, deps: InvokeDeps): Promise<void> {
  const work = deps.run(cmd);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const slow = new Promise<'slow'>((resolve) => {
    timer = setTimeout(() => resolve('slow'), deps.budgetMs ?? INVOKE_BUDGET_MS);
  });
  const first = await Promise.race([work, slow]);
  clearTimeout(timer);
  const viewer = context.activity.from?.id ? [context.activity.from.id] : [];
  const conversationId = context.activity.conversation?.id ?? cmd.where.conversationKey;
  // The invoke's answer is not sent through the connector, but Teams shows it as the message: same limit.
  const answerCard = (r: Reply) => fitCard(r, teamsCard(r, deps.store.read(), viewer), `${conversationId} (card action answer)`);

  if (first !== 'slow') {
    const { main, rest } = split(first);
    if (main?.card === 'error' && main.data.code === 'BAD_INPUT' && !rest.length) {
      // A form the person must correct: say so and leave the card, with what they typed, as it is.
      await invokeResponse(context, undefined, `${String(main.data.message)} ${String(main.data.hint ?? '')}`.trim());
      return;
    }
    await invokeResponse(context, main ? answerCard(main) : undefined);
    const post = async (m: Partial<Activity>) => (await context.sendActivity(m))?.id;
    for (const r of rest) await postCard(r, teamsCard(r, deps.store.read(), viewer), { pace: deps.pace, conversationId, post });
    return;
  }

  await invokeResponse(context, teamsCard(WORKING, deps.store.read()));
  const activity = context.activity;
  const ref = conversationRefOf(activity);
  const followUp = work
    .then((o) =>
      deps.continueIn(ref, async (later) => {
        const { main, rest } = split(o);
        if (main && activity.replyToId) {
          const fitted = fitMessage(main, teamsCard(main, deps.store.read(), viewer), 'reply', conversationId);
          await paced(deps.pace, conversationId, () => later.updateActivity({ ...fitted.message, id: activity.replyToId }));
          const subject = subjectOf(main);
          if (subject && !fitted.refusedBytes) await rememberPosted(deps.store, subject, cmd.where.conversationKey, activity.replyToId);
        } else if (main) {
          rest.unshift(main);
        }
        const post = (m: Partial<Activity>) => postNew(later, m);
        for (const r of rest) await postCard(r, teamsCard(r, deps.store.read(), viewer), { pace: deps.pace, conversationId, post });
      }),
    )
    .catch((e: unknown) => console.error(`[teams] a slow card action (${cmd.name}) could not send its result: ${errorSummary(e)}`));
  deps.track(followUp);
}

/** The reply that replaces the clicked card (or the first), and the others to post after it. */
function split(o: Outcome): { main?: Reply; rest: Reply[] } {
  const main = o.replies.find((r) => r.replace) ?? o.replies[0];
  return { main, rest: o.replies.filter((r) => r !== main) };
}

async function invokeResponse(context: TurnContext, card: unknown | undefined, message = 'Already done.'): Promise<void> {
  // With no card (a repeated click, a form to correct) Teams shows the message and keeps the card as it is.
  const body = card
    ? { statusCode: 200, type: CARD_CONTENT_TYPE, value: card }
    : { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: message };
  await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body } });
}

function conversationRefOf(activity: Activity): Partial<ConversationReference> {
  return {
    activityId: activity.replyToId,
    user: activity.from,
    bot: activity.recipient,
    conversation: activity.conversation,
    channelId: activity.channelId,
    serviceUrl: activity.serviceUrl,
    locale: activity.locale,
  };
}
