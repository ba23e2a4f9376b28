// One Teams turn: refuse other tenants, keep conversation references from install events, turn a
// message or a card action into a neutral Command, and answer with Adaptive Cards.
import type { Activity, TurnContext } from 'botbuilder';
import type { Command, Outcome } from '../../app/command';
import type { Dispatcher } from '../../app/dispatcher';
import { findPerson } from '../../app/people';
import type { Outbox } from '../../delivery/outbox';
import type { Store } from '../../store/store';
import { cardActionOf, commandWords, kindOf, tenantOf, whereOf } from './activity';
import type { TeamsConversations } from './conversations';
import type { Verdict } from './http';
import { errorSummary } from './error-summary';
import { actorOf } from './identity';
import { answerCardAction, type InvokeDeps } from './invoke';
import type { Pace } from './pace';
import { sendReplies } from './replies';

export interface TurnDeps {
  store: Store;
  dispatcher: Dispatcher;
  outbox: Outbox;
  conversations: TeamsConversations;
  allowedTenantIds: string[];
  now: () => Date;
  invoke: Omit<InvokeDeps, 'store' | 'run' | 'pace'>;
  pace: Pace;
}

export function teamsTurn(deps: TurnDeps) {
  const { store, conversations } = deps;

  async function run(cmd: Command): Promise<Outcome> {
    const o = await deps.dispatcher.dispatch(cmd);
    await deps.outbox.deliver(o.notifications);
    return o;
  }

  /** The person behind a 1:1 chat, so notifications for them find it. */
  async function personalOwner(context: TurnContext): Promise<string | undefined> {
    if (kindOf(context.activity) !== 'personal') return undefined;
    return findPerson(store.read(), await actorOf(context, store))?.id;
  }

  return async function onTurn(context: TurnContext, verdict: Verdict): Promise<void> {
    const activity = context.activity;
    const tenant = tenantOf(activity);
    if (deps.allowedTenantIds.length && (!tenant || !deps.allowedTenantIds.includes(tenant))) {
      verdict.status = 403;
      verdict.error = 'this Microsoft tenant is not allowed to use the bot';
      return;
    }
    conversations.noteServiceUrl(activity);

    switch (activity.type) {
      case 'message':
        return onMessage(context);
      case 'invoke': {
        const action = cardActionOf(activity);
        if (!action) return; // other invokes: botbuilder answers 501
        const actor = await actorOf(context, store);
        await answerCardAction(
          context,
          {
            actor,
            name: action.verb,
            args: [],
            data: action.data,
            where: whereOf(activity),
            // A refresh is a read: nothing to de-duplicate, and no need to remember its id.
            ...(action.trigger === 'manual' && activity.id ? { dedupeKey: `teams:${activity.id}` } : {}),
          },
          { ...deps.invoke, store, run, pace: deps.pace },
        );
        return;
      }
      case 'conversationUpdate':
        if (activity.membersAdded?.some((m) => m.id === activity.recipient?.id)) {
          await conversations.remember(activity, await personalOwner(context), deps.now());
        } else if (activity.membersRemoved?.some((m) => m.id === activity.recipient?.id) && activity.conversation?.id) {
          await conversations.forget(activity.conversation.id);
        }
        return;
      case 'installationUpdate': {
        const action = String((activity as Activity & { action?: string }).action ?? '');
        if (action.startsWith('add')) await conversations.remember(activity, await personalOwner(context), deps.now());
        else if (action.startsWith('remove') && activity.conversation?.id) await conversations.forget(activity.conversation.id);
        return;
      }
      default:
        return;
    }
  };

  async function onMessage(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const { name, args } = commandWords(activity.text ?? '');
    const actor = await actorOf(context, store);
    const where = whereOf(activity);
    const person = findPerson(store.read(), actor);
    await conversations.remember(activity, where.kind === 'personal' ? person?.id : undefined, deps.now());
    const o = await run({
      actor,
      name: name || 'help',
      args,
      where,
      ...(activity.id ? { dedupeKey: `teams:${activity.id}` } : {}),
    });
    try {
      await sendReplies(context, o.replies, { store, pace: deps.pace }, where.conversationKey);
    } catch (e) {
      // The command has run; a 500 would only make the channel redeliver it (and de-duplication drop it).
      console.error(`[teams] could not reply in ${where.conversationKey}: ${errorSummary(e)}`);
    }
  }
}
