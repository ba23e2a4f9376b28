// Who wrote: the dispatcher matches a Teams user by aadObjectId, else by email. Teams does not put
// the email on activities, so when the aadObjectId is unknown we ask the roster (TeamsInfo.getMember).
import type { TurnContext } from 'botbuilder';
import { TeamsInfo } from 'botbuilder';
import type { Actor } from '../../app/command';
import { findPerson } from '../../app/people';
import { tenantOf } from './activity';
import type { Store } from '../../store/store';

export async function actorOf(context: TurnContext, store: Store): Promise<Actor> {
  const from = context.activity.from ?? { id: '', name: '' };
  const actor: Actor = { platform: 'teams', userId: from.aadObjectId, name: from.name || undefined };
  if (actor.userId && findPerson(store.read(), actor)) return actor;
  if (!from.id) return actor;
  // A roster's email is only as good as the tenant it comes from: another tenant's admin can give a user
  // any mail address. Outside the trust's own tenant, only the aadObjectId counts.
  const trustTenant = store.read().trust?.teamsTenantId;
  if (trustTenant && tenantOf(context.activity) !== trustTenant) return actor;
  try {
    const member = await TeamsInfo.getMember(context, from.id);
    const email = member.email || member.userPrincipalName;
    return { ...actor, email: email || undefined, userId: actor.userId ?? member.aadObjectId, name: actor.name ?? member.name };
  } catch {
    // Not in the roster (or the connector is unreachable): the dispatcher answers with the polite unknown-person card.
    return actor;
  }
}
