// The outbox's way into the playground: a notification to a person or a local channel lands in that
// conversation, and an update (an approval decided elsewhere) replaces the posted card in place.
// No `reach`: the outbox would try it before Teams', and claim people Teams should open a chat with;
// instead the playground gives everyone a local chat when it starts (see playground.ts).
import type { Sender } from '../../delivery/sender';
import type { Inbox } from './inbox';

export function createLocalSender(inbox: Inbox): Sender {
  return {
    platform: 'local',
    minGapMs: 0,
    async post(conv, _view, card) {
      const msg = inbox.add(conv.key, { from: { kind: 'bot' }, card });
      return { messageId: msg.id };
    },
    async update(conv, messageId, _view, card) {
      // Messages live in memory: after a restart the old card is gone, so show the new state instead.
      if (!inbox.replace(conv.key, messageId, card)) inbox.add(conv.key, { from: { kind: 'bot' }, card });
    },
  };
}
