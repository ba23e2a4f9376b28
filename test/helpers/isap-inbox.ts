// A channel that keeps what the outbox posts, per person, so tests read what each person received —
// from a command's notifications or a scheduled job — after the real outbox has delivered it.
import type { View } from '../../src/app/command';
import type { Channel } from '../../src/channels/channel';
import { cardText } from './bot';

export interface Inbox {
  channel: () => Channel;
  /** Texts of every card a person was sent (posted or updated), oldest first. */
  of(personId: string): string[];
  clear(): void;
}

export function createInbox(): Inbox {
  const got: { key: string; view: View }[] = [];
  let n = 0;
  return {
    channel: () => ({
      name: 'inbox',
      routes: [],
      sender: {
        platform: 'local',
        minGapMs: 0,
        post: async (conv, view) => {
          got.push({ key: conv.key, view });
          return { messageId: `m${++n}` };
        },
        update: async (conv, _id, view) => void got.push({ key: conv.key, view }),
      },
    }),
    of: (personId) => got.filter((g) => g.key === `local:person:${personId}`).map((g) => cardText(g.view)),
    clear: () => void got.splice(0),
  };
}
