// Matching a platform identity to a person of the trust.
import type { Person } from '../domain';
import type { Data } from '../store/schema';
import type { Actor } from './command';

export function findPerson(data: Readonly<Data>, actor: Actor): Person | undefined {
  const { platform, userId, email } = actor;
  if (userId) {
    const byId = data.people.find((p) =>
      platform === 'teams' ? p.teamsAadObjectId === userId : platform === 'slack' ? p.slackUserId === userId : p.id === userId,
    );
    if (byId) return byId;
  }
  if (email) {
    const e = email.trim().toLowerCase();
    return data.people.find((p) => p.email.toLowerCase() === e);
  }
  return undefined;
}

export function personById(data: Readonly<Data>, id: string | undefined): Person | undefined {
  return id ? data.people.find((p) => p.id === id) : undefined;
}
