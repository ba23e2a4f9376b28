// Notifications that must not be lost are journalled in the transaction that makes them due: if the
// process dies after the commit, the outbox finds them in the document at the next start.
import type { Data } from '../store/schema';
import type { Context, Notification } from './command';

export function journal(draft: Data, ctx: Pick<Context, 'newId'>, notifications: Notification[]): Notification[] {
  return notifications.map((n) => {
    const id = ctx.newId();
    draft.outbox.push({ id, notification: n as unknown as Record<string, unknown> });
    return { ...n, journalId: id };
  });
}
