// `dsl` (and the redirect card's "I need to talk to the DSL" button): tells the person's school's
// DSL, privately, that this named person asks to talk today. Nothing the person typed goes with it
// and nothing is kept: the DSL hears a name, the person hears that it was sent.
import type { Person } from '../../domain';
import { schoolsOf } from '../../domain/people';
import { dslsOf, safeguardingGuidance, type Guidance } from '../../domain/safeguarding/guidance';
import type { Data } from '../../store/schema';
import { outcome } from '../command';
import type { Workflow } from '../registry';
import { messageCard } from '../views/message-card';

/** The DSLs of the person's schools, not the person themselves. */
function dslsFor(data: Readonly<Data>, person: Person): Person[] {
  const found = schoolsOf(person).flatMap((s) => dslsOf(data.people, s)).filter((p) => p.id !== person.id);
  return [...new Map(found.map((p) => [p.id, p])).values()];
}

/** The redirect card for a member of the trust: their school's DSL by name where one is recorded. */
export function redirectGuidance(data: Readonly<Data>, person: Person, contact: string): Guidance {
  const dsls = dslsFor(data, person);
  return safeguardingGuidance({ dslName: dsls.map((p) => p.name).join(' or ') || undefined, askDsl: dsls.length > 0, contact });
}

export const dsl: Workflow = {
  name: 'dsl',
  summary: 'Ask your DSL, privately, to talk to you today',
  commands: [
    {
      key: 'dsl',
      words: ['dsl'],
      usage: 'dsl',
      summary: "Tells your school's Designated Safeguarding Lead, privately, that you need to talk today: your name only, nothing else",
      run(_ctx, { person, data, cmd }) {
        const dsls = dslsFor(data, person);
        // Whatever followed the word is neither sent nor kept: a chat bot is not where a concern is told.
        const extra = cmd.args.length ? ' Anything you typed after "dsl" was not sent or kept.' : '';
        if (!dsls.length) {
          return outcome([
            messageCard(
              'No DSL is recorded for your school here',
              `Go to your school's DSL (or a deputy) in person today, or ask your headteacher who it is. If a child is in immediate danger, call 999.${extra}`,
            ),
          ]);
        }
        const who = person.jobTitle ? `${person.name} (${person.jobTitle})` : person.name;
        const notifications = dsls.map((d) => ({
          ...messageCard(`${person.name} needs to talk to you today`, `${who} asked, through the bot, to speak to a DSL today. Nothing else was said or kept here: please find them in person.`),
          to: { person: d.id },
        }));
        const names = dsls.map((d) => d.name).join(' and ');
        return outcome(
          [messageCard(`Sent: ${names} will know you need to talk today`, `Only your name went with it, nothing else.${extra} If you cannot find them today, go to a deputy DSL or your headteacher. If a child is in immediate danger, call 999.`)],
          notifications,
        );
      },
    },
  ],
  actions: [],
};
