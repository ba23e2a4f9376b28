// Validates an expanded card with Microsoft's own adaptivecards library (the UMD build: its ESM
// build does not load in plain Node). Used by tests and by scripts that check templates.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-var-requires
const AC = require('adaptivecards/dist/adaptivecards.js');

export function cardProblems(card: unknown): string[] {
  const ac = new AC.AdaptiveCard();
  const ctx = new AC.SerializationContext();
  ac.parse(card, ctx);
  const problems: string[] = [];
  for (let i = 0; i < ctx.eventCount; i++) problems.push(ctx.getEventAt(i).message);
  for (const e of ac.validateProperties().validationEvents) problems.push(e.message);
  const version = (card as { version?: string }).version;
  if (version !== '1.5') problems.push(`version is ${version}, Teams takes 1.5`);
  return problems;
}
