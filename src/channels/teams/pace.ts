// Teams allows a bot 7 messages/1 s, 8/2 s and 60/30 s in one conversation (Microsoft's "rate
// limiting" page); past that it answers 429. Every send into a conversation (replies in a turn,
// card-action follow-ups, the outbox) takes a turn here first, so a burst is spread out instead.

export interface Window {
  ms: number;
  max: number;
}

export const TEAMS_CONVERSATION_LIMITS: readonly Window[] = [
  { ms: 1_000, max: 7 },
  { ms: 2_000, max: 8 },
  { ms: 30_000, max: 60 },
];

export interface Pace {
  /** Resolves when one more message may go to the conversation, and counts it. */
  take(conversationId: string): Promise<void>;
}

/**
 * `marginMs` widens each window: requests arrive later than they are sent, and not all equally late
 * (on a busy machine by a few hundred milliseconds, as measured under the whole test suite).
 * A channel's threads count as the channel (the stricter reading).
 */
export function createPace(limits: readonly Window[] = TEAMS_CONVERSATION_LIMITS, marginMs = 500): Pace {
  const sent = new Map<string, number[]>();
  const queues = new Map<string, Promise<void>>();
  const longest = Math.max(...limits.map((l) => l.ms)) + marginMs;

  /** Milliseconds until one more may go, given when the last ones went. */
  function waitFor(times: number[], now: number): number {
    let wait = 0;
    for (const { ms, max } of limits) {
      const inWindow = times.filter((t) => t > now - ms - marginMs);
      if (inWindow.length >= max) wait = Math.max(wait, inWindow[inWindow.length - max]! + ms + marginMs - now);
    }
    return wait;
  }

  async function turn(key: string): Promise<void> {
    for (;;) {
      const now = Date.now();
      const times = (sent.get(key) ?? []).filter((t) => t > now - longest);
      const wait = waitFor(times, now);
      if (wait <= 0) {
        sent.set(key, [...times, now]);
        return;
      }
      await new Promise((r) => setTimeout(r, wait));
    }
  }

  return {
    take(conversationId) {
      const key = conversationId.split(';messageid=')[0]!;
      // One at a time per conversation, in the order asked.
      const next = (queues.get(key) ?? Promise.resolve()).then(() => turn(key));
      queues.set(key, next);
      void next.finally(() => {
        if (queues.get(key) === next) queues.delete(key);
      });
      return next;
    },
  };
}
