// `help`, `help <command>` and the usage card for words the bot does not know.
import type { Person } from '../domain';
import { ROLE_LABELS, rolesOf } from '../domain/people';
import { mayRun } from './permissions';
import type { Workflow } from './registry';

export function usageView(workflows: readonly Workflow[], person: Person, topic: string | undefined, asked = false) {
  const roles = rolesOf(person);
  const workflow = topic ? workflows.find((w) => w.name === topic || w.commands.some((c) => c.words[0] === topic)) : undefined;
  const allowed = (w: Workflow) => w.commands.filter((c) => mayRun(roles, c.key));

  if (workflow) {
    const items = allowed(workflow).map((c) => ({ usage: c.usage, summary: c.summary }));
    return {
      title: `help ${workflow.name}`,
      intro: items.length ? `${workflow.summary}.` : `${workflow.summary}. Your role (${roleLabels(person)}) cannot use it.`,
      items,
    };
  }
  // One line per top-level word the person may use; a word of its own (`subscribe` beside `digest`)
  // is described by its own command rather than by the workflow it shares.
  const items = workflows.flatMap((w) =>
    [...new Set(allowed(w).map((c) => c.words[0]!))].map((word) => ({
      usage: word,
      summary: word === w.name ? w.summary : (w.commands.find((c) => c.words.length === 1 && c.words[0] === word)?.summary ?? w.summary),
    })),
  );
  return {
    title: !topic || (asked && topic === 'help') ? 'What I can do for you' : `I don't know "${topic}"`,
    intro: `You are ${person.name} (${roleLabels(person)}). Type a command, or help <command> for its usage.`,
    items: [{ usage: 'help <command>', summary: 'How to use a command' }, ...items],
  };
}

function roleLabels(person: Person): string {
  return rolesOf(person).map((r) => ROLE_LABELS[r]).join(', ');
}
