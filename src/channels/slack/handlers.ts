// Bolt listeners: /improve, button clicks, form submissions, direct messages and the App Home tab,
// each turned into the neutral Command, dispatched, answered on Slack. Every listener acks first,
// except a form, which waits up to 2 s so that an incomplete one can stay open with the reason.
import type { App } from '@slack/bolt';
import type { Command, Outcome, Where } from '../../app/command';
import { renderCard } from '../../cards/render';
import type { ChannelDeps } from '../channel';
import { cardToBlocks } from './blockkit';
import type { SlackFormStore } from '../../store/slack-forms';
import { decodeButton, FORM_CALLBACK, formModal, inputFor, inputValues, legacyForm, ModalMetadataSchema, suggestOptions, toggleOffValues, type ButtonPayload, type FormRef } from './form';
import { createIdentity, kindOf } from './identity';
import { clip } from './limits';
import { formGoneText, logRefusal, refusalOf, refusedMessage } from './refusals';
import { post, respondTo, sendReplies, type ReplyTarget } from './replies';

export const SLASH_COMMAND = '/improve';

export function registerHandlers(app: App, deps: ChannelDeps, forms: SlackFormStore): void {
  const { dispatcher, outbox, store, now, config } = deps;
  const identity = createIdentity(app.client, store, now);
  const seen = recentKeys(2_000);

  async function run(cmd: Command, target: ReplyTarget): Promise<void> {
    await answer(await dispatcher.dispatch(cmd), target);
  }

  async function answer(o: Outcome, target: ReplyTarget): Promise<void> {
    if (o.duplicate) return;
    await sendReplies(app.client, forms, target, o.replies);
    await outbox.deliver(o.notifications);
  }

  const homeWhere = (userId: string): Where => ({ platform: 'slack', conversationKey: `slack:home:${userId}`, kind: 'personal' });
  const whereOf = async (channel: string | undefined, userId: string, channelName?: string): Promise<Where> => {
    if (!channel) return homeWhere(userId);
    const kind = kindOf(channel, channelName);
    // A DM seen through a slash command may be between two people, where the bot cannot post: not stored.
    if (kind === 'personal') return { platform: 'slack', conversationKey: `slack:${channel}`, kind };
    return identity.remember(channel, userId, kind, channelName);
  };

  app.command(SLASH_COMMAND, async ({ command, ack }) => {
    await ack();
    const [name = 'help', ...args] = command.text.trim().split(/\s+/).filter(Boolean);
    await run(
      {
        actor: await identity.actor(command.user_id, command.user_name),
        name,
        args,
        // respond() answers a slash command for the person who typed it alone.
        where: { ...(await whereOf(command.channel_id, command.user_id, command.channel_name)), repliesSeenBySenderOnly: true },
        dedupeKey: `slack:cmd:${command.trigger_id}`,
      },
      { userId: command.user_id, respond: respondTo(command.response_url), channel: command.channel_id },
    );
  });

  app.action(/^improve:/, async ({ ack, body, action, client }) => {
    await ack();
    if (body.type !== 'block_actions' || action.type !== 'button') return;
    const payload = decodeButton(action.value);
    if (!payload) return;
    const userId = body.user.id;
    const channel = body.channel?.id;
    const ts = body.message?.ts;
    // Our own poster rather than Bolt's respond(): it reads Slack's answer, so a refusal is seen.
    const respond = body.response_url ? respondTo(body.response_url) : undefined;
    const target: ReplyTarget = { userId, channel, ts, respond };
    const resolved = await resolveForm(payload);
    if (resolved === 'gone') {
      if (seen(`gone:${body.trigger_id}`)) return;
      await tell(target, formGoneText(payload.v));
      return;
    }
    if (resolved?.form.inputs.length) {
      // The card has inputs: open them as a modal; its submission is the action.
      if (seen(`open:${body.trigger_id}`)) return;
      const meta = { v: payload.v, d: payload.d, f: resolved.ref, channel, ts, responseUrl: body.response_url };
      try {
        await client.views.open({ trigger_id: body.trigger_id, view: formModal(resolved.form, meta) as never });
      } catch (e) {
        // Usually an expired trigger (3 seconds): say so rather than leave the click unanswered.
        console.warn(`[slack] views.open failed: ${(e as Error).message}`);
        await tell(target, 'That form could not be opened just now. Click the button again.');
      }
      return;
    }
    await run(
      { actor: await identity.actor(userId, body.user.name), name: payload.v, args: [], data: { ...resolved?.form.data, ...payload.d }, where: await whereOf(channel, userId), dedupeKey: `slack:act:${body.trigger_id}:${(action as { action_id?: string }).action_id}` },
      target,
    );
    if (body.view?.type === 'home') await publishHome(userId);
  });

  /** The stored form a button refers to; a legacy button's inline form is stored on its first click. */
  async function resolveForm(p: ButtonPayload): Promise<FormRef | 'gone' | undefined> {
    if (p.f) {
      const form = await forms.get(p.f);
      return form ? { ref: p.f, form } : 'gone';
    }
    const legacy = legacyForm(p);
    if (legacy) await forms.save([legacy]);
    return legacy;
  }

  /** A short ephemeral answer to whoever clicked, or a DM when there is no response_url. */
  async function tell(target: ReplyTarget, text: string): Promise<void> {
    const msg = { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
    try {
      if (target.respond) await target.respond({ ...msg, response_type: 'ephemeral', replace_original: false });
      else await post(app.client, target, msg);
    } catch (e) {
      console.warn(`[slack] could not tell ${target.userId}: ${(e as Error).message}`);
    }
  }

  app.view(FORM_CALLBACK, async ({ ack, body, view }) => {
    const parsed = ModalMetadataSchema.safeParse(safeJson(view.private_metadata));
    if (!parsed.success) return ack();
    const meta = parsed.data;
    const userId = body.user.id;
    const target: ReplyTarget = { userId, channel: meta.channel, ts: meta.ts, respond: meta.responseUrl ? respondTo(meta.responseUrl) : undefined };
    const form = meta.f ? await forms.get(meta.f) : undefined;
    if (!form) {
      await ack();
      await tell(target, formGoneText(meta.v));
      return;
    }
    const values = inputValues(view.state.values as never, toggleOffValues(form.inputs));
    const cmd: Command = {
      actor: await identity.actor(userId, body.user.name),
      name: meta.v,
      args: [],
      data: { ...form.data, ...meta.d, ...values },
      where: await whereOf(meta.channel, userId),
      dedupeKey: `slack:view:${view.id}`,
    };
    // Answer within Slack's 3 seconds: a form the dispatcher refuses as incomplete stays open with
    // the reason under the field; anything slower is acked first and answered after.
    const pending = dispatcher.dispatch(cmd);
    const quick = await Promise.race([pending, sleep(FORM_ANSWER_MS).then(() => undefined)]);
    const refusal = quick && formError(quick, view.blocks as { type: string; block_id?: string }[]);
    if (refusal) return ack({ response_action: 'errors', errors: refusal });
    await ack();
    await answer(await pending, target);
  });

  // A long choice set in a form (more than Slack's 100 static options): its options as the person
  // types, from the stored form, best matches first.
  app.options({ type: 'block_suggestion' }, async ({ ack, body }) => {
    const meta = ModalMetadataSchema.safeParse(safeJson(body.view?.private_metadata ?? ''));
    const form = meta.success && meta.data.f ? await forms.get(meta.data.f) : undefined;
    const options = form ? suggestOptions(inputFor(form, body.block_id), body.value ?? '') : [];
    await ack({ options } as never);
  });

  // Direct messages to the bot: the same words as /improve. Retries of an event are handled once.
  app.event('message', async ({ event, body }) => {
    if (event.channel_type !== 'im' || event.subtype !== undefined || 'bot_id' in event) return;
    const text = ('text' in event ? event.text : '') ?? '';
    const [name = 'help', ...args] = text.trim().replace(/^\/?improve\s*/i, '').split(/\s+/).filter(Boolean);
    const actor = await identity.actor(event.user);
    const where = await identity.remember(event.channel, event.user, 'personal');
    await run({ actor, name, args, where, dedupeKey: `slack:evt:${(body as { event_id?: string }).event_id ?? event.ts}` }, { userId: event.user, channel: event.channel });
  });

  app.event('app_home_opened', async ({ event, body }) => {
    if (event.tab !== 'home') return;
    const eventId = (body as { event_id?: string }).event_id;
    if (eventId && seen(`evt:${eventId}`)) return;
    if (event.channel) await identity.remember(event.channel, event.user, 'personal');
    await publishHome(event.user);
  });

  async function publishHome(userId: string): Promise<void> {
    const actor = await identity.actor(userId);
    // Through the dispatcher like any command: someone the trust does not know gets its polite answer.
    const view = (await dispatcher.dispatch({ actor, name: 'home', args: [], where: homeWhere(userId) })).replies[0]!;
    const msg = cardToBlocks(renderCard(view), 'home');
    await forms.save(msg.forms);
    try {
      await app.client.views.publish({ user_id: userId, view: { type: 'home', blocks: msg.blocks as never } });
    } catch (e) {
      const reason = refusalOf(e);
      if (!reason) throw e;
      logRefusal('home tab', view.card, msg, reason);
      await app.client.views.publish({ user_id: userId, view: { type: 'home', blocks: refusedMessage(view.card, reason, 'notification').blocks as never } });
    }
  }
}

/** How long a form's submission may take before the modal is closed and the answer sent after. */
const FORM_ANSWER_MS = 2_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The modal errors for an outcome that is only a "bad input" card: under the field it names, else
 * under the first field. Anything else (done, refused, not found) is answered as a message.
 */
function formError(o: Outcome, blocks: { type: string; block_id?: string }[]): Record<string, string> | undefined {
  const r = o.replies[0];
  if (o.replies.length !== 1 || r?.card !== 'error' || r.data.code !== 'BAD_INPUT') return undefined;
  const inputs = blocks.filter((b) => b.type === 'input' && b.block_id).map((b) => b.block_id!);
  const message = String(r.data.message);
  const field = inputs.find((id) => message.includes(`: ${id}:`) || message.includes(` ${id} `)) ?? inputs[0];
  return field ? { [field]: clip(message, 300) } : undefined;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Remembers the last `max` keys; true when a key was seen before. For what the dispatcher does not see. */
function recentKeys(max: number): (key: string) => boolean {
  const keys = new Set<string>();
  return (key) => {
    if (keys.has(key)) return true;
    keys.add(key);
    if (keys.size > max) keys.delete(keys.values().next().value!);
    return false;
  };
}
