// The port through which forums reach a calendar (Microsoft Graph when configured). The app layer
// knows only this shape; src/graph implements it.

export interface ForumEventInput {
  /** Whose calendar holds the event: the forum organiser's mailbox. */
  organiserEmail: string;
  subject: string;
  /** Instants (ISO 8601). */
  startsAt: string;
  endsAt: string;
  location?: string;
  body: string;
  attendees: { name: string; email: string }[];
  /** Set to update the event created before instead of creating another. */
  eventId?: string;
  /** The same for every try at creating this event, so that a retried create never makes a second one. */
  idempotencyKey?: string;
}

export interface ForumEvent {
  eventId: string;
  onlineMeetingUrl?: string;
}

export interface CalendarPort {
  upsertForumEvent(input: ForumEventInput): Promise<ForumEvent>;
}
