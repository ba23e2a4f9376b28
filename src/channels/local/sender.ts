// The outbox's way into the playground: a notification to a person or a local channel lands in that
// conversation, and an update (an approval decided elsewhere) replaces the posted card in place.
import type { Person } from '../../domain';
import type { Sender } from '../../delivery/sender';
import type { Store } from '../../store/store';
import type { Inbox } from './inbox';

export function createLocalSender(inbox: Inbox, store: Store, now: () => Date): Sender {
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
    async reach(person: Person) {
      // Someone added after the demo was seeded gets their personal chat on first use.
      const key = `local:person:${person.id}`;
      return store.transact((d) => {
        let c = d.conversations.find((x) => x.key === key);
        if (!c) {
          c = { key, platform: 'local', kind: 'personal', personId: person.id, name: person.name, ref: null, blocked: false, updatedAt: now().toISOString() };
          d.conversations.push(c);
        }
        return structuredClone(c);
      });
    },
  };
}
