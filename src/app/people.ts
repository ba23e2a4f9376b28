// Matching a platform identity to a person of the trust.
import type { Person } from '../domain';
import type { Data } from '../store/schema';
import type { Actor } from './command';
import { lookup } from './lookup';

export function findPerson(data: Readonly<Data>, actor: Actor): Person | undefined {
  const { platform, userId, email } = actor;
  if (userId) {
    const byId =
      platform === 'teams'
        ? lookup(data.people, 'teams', (p) => p.teamsAadObjectId, userId)
        : platform === 'slack'
          ? lookup(data.people, 'slack', (p) => p.slackUserId, userId)
          : lookup(data.people, 'id', (p) => p.id, userId);
    if (byId) return byId;
  }
  if (email) return lookup(data.people, 'email', (p) => p.email.toLowerCase(), email.trim().toLowerCase());
  return undefined;
}

export function personById(data: Readonly<Data>, id: string | undefined): Person | undefined {
  return id ? lookup(data.people, 'id', (p) => p.id, id) : undefined;
}
