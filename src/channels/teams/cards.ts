// Cards as Teams gets them: the expanded template as an attachment, plus a `refresh` on cards that
// change after they are posted (a pending approval), so each viewer's client fetches the current
// state (Universal Actions) and nobody is shown buttons for a decision already taken.
import type { Activity, ConversationReference } from 'botbuilder';
import type { View } from '../../app/command';
import { approvalSubject } from '../../app/approval-requests';
import { cardSummary, renderCard, type AdaptiveCard } from '../../cards/render';
import type { Data } from '../../store/schema';
import { CARD_CONTENT_TYPE } from './activity';

/** Teams refreshes a card automatically for at most 60 users. */
export const MAX_REFRESH_USERS = 60;

export function cardMessage(card: AdaptiveCard): Partial<Activity> {
  return { type: 'message', summary: cardSummary(card), attachments: [{ contentType: CARD_CONTENT_TYPE, content: card }] };
}

/** The subject of a view whose card changes later, so every posted copy can be updated. */
export function subjectOf(view: View): string | undefined {
  return view.card === 'approval' && typeof view.data.id === 'string' ? approvalSubject(view.data.id) : undefined;
}

/** Renders a view for Teams: the shared template, plus a refresh for the people who may act on it. */
export function teamsCard(view: View, data: Readonly<Data>, alsoUserIds: string[] = []): AdaptiveCard {
  const card = renderCard(view);
  if (view.card !== 'approval' || !view.data.pending || typeof view.data.id !== 'string') return card;
  const approval = data.approvals.find((a) => a.id === view.data.id);
  if (!approval) return card;
  const viewers = new Set([approval.requestedById, ...data.people.filter((p) => p.roles.some((r) => approval.deciderRoles.includes(r.role))).map((p) => p.id)]);
  const userIds = [
    ...new Set([
      ...alsoUserIds.filter((id) => id.startsWith('29:')),
      ...data.conversations
        .filter((c) => c.platform === 'teams' && c.kind === 'personal' && c.personId && viewers.has(c.personId))
        .map((c) => (c.ref as Partial<ConversationReference>).user?.id)
        // Teams refreshes for user MRIs (29:…); a chat the bot opened itself knows only the aadObjectId.
        .filter((id): id is string => Boolean(id?.startsWith('29:'))),
    ]),
  ].slice(0, MAX_REFRESH_USERS);
  // Without user ids Teams would refresh for everyone in a small chat, including people who may not see it.
  if (userIds.length === 0) return card;
  return {
    ...card,
    refresh: { action: { type: 'Action.Execute', title: 'Refresh', verb: 'approval.view', data: { approvalId: approval.id } }, userIds },
  };
}
