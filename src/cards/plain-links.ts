// Text people typed (an action's title, a note, a comment, a school's name) reaches cards that other
// people read. A Markdown link there would be phishing inside the bot's own card ("[Approve
// here](https://evil.example)"), so links and images are shown as the text they are, with the
// address in full. The bot's own cards carry links as Action.OpenUrl buttons, never in text.

/**
 * Breaks Markdown's link and image syntax (`[text](url)`, `![alt](url)`): with a space between `]`
 * and `(` neither Teams, Slack nor the playground's renderer reads a link, and nothing else changes.
 */
export function plainLinks(text: string): string {
  return text.includes('](') ? text.replace(/\]\(/g, '] (') : text;
}

/** Every string in a view's data with links made plain, for rendering; the data itself is left alone. */
export function plainLinksIn<T>(value: T): T {
  if (typeof value === 'string') return plainLinks(value) as T;
  if (Array.isArray(value)) return value.map(plainLinksIn) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainLinksIn(v)])) as T;
  }
  return value;
}
