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
      intro: items.length ? workflow.summary : `${workflow.summary} Your role (${roleLabels(person)}) cannot use it.`,
      items,
    };
  }
  // One line per top-level word the person may use (`digest` and `subscribe` share a workflow).
  const items = workflows.flatMap((w) =>
    [...new Set(allowed(w).map((c) => c.words[0]!))].map((word) => ({ usage: word, summary: w.summary })),
  );
  return {
    title: asked || !topic ? 'What I can do for you' : `I don't know "${topic}"`,
    intro: `You are ${person.name} (${roleLabels(person)}). Type a command, or help <command> for its usage.`,
    items: [{ usage: 'help <command>', summary: 'How to use a command' }, ...items],
  };
}

function roleLabels(person: Person): string {
  return rolesOf(person).map((r) => ROLE_LABELS[r]).join(', ');
}
