// `risk national`: the trust gives the national attendance figure once, by phase, so that no
// headteacher types it into the category questions (and nobody types a different one).
import { PHASES, type Phase } from '../../../domain/schools';
import type { Data } from '../../../store/schema';
import { reply } from '../../command';
import { badInput } from '../../errors';
import type { TextCommand } from '../../registry';
import { trustOf } from './shared';

const USAGE = 'Give a percentage for every phase (risk national 93.8) or phase by phase (risk national primary 94.5 secondary 91.2).';

/** Reads `93.8` (every phase) or `primary 94.5 secondary 91.2`. */
export function parseNational(args: readonly string[]): Partial<Record<Phase, number>> {
  const pct = (w: string) => {
    const n = /^\d{1,3}(\.\d+)?%?$/.test(w) ? Number(w.replace('%', '')) : NaN;
    if (!(n >= 0 && n <= 100)) throw badInput(`"${w}" is not a percentage from 0 to 100.`, USAGE);
    return n;
  };
  if (args.length === 1) return Object.fromEntries(PHASES.map((p) => [p, pct(args[0]!)]));
  if (args.length % 2) throw badInput('Each phase needs its own figure.', USAGE);
  const out: Partial<Record<Phase, number>> = {};
  for (let i = 0; i < args.length; i += 2) {
    const phase = PHASES.find((p) => p === args[i]!.toLowerCase());
    if (!phase) throw badInput(`"${args[i]}" is not a phase. Phases: ${PHASES.join(', ')}.`, USAGE);
    out[phase] = pct(args[i + 1]!);
  }
  return out;
}

function figures(data: Readonly<Data>): string {
  const set = trustOf(data).settings.nationalAttendance;
  const phases = [...new Set(data.schools.map((s) => s.phase))];
  return phases.map((p) => `${p.replace(/-/g, ' ')}: ${set[p] === undefined ? 'not given (headteachers type it)' : `${set[p]}%`}`).join('\n');
}

export const nationalCommand: TextCommand = {
  key: 'risk.open',
  words: ['risk', 'national'],
  usage: 'risk national [phase] <percent> …',
  summary: 'Give national attendance once, by phase, for the category questions',
  async run(ctx, { person, cmd, data }) {
    if (!cmd.args.length) {
      return reply('list', { title: 'National attendance for the category questions', intro: USAGE, empty: '', items: [{ title: 'For the phases of your schools', detail: figures(data) }] });
    }
    const given = parseNational(cmd.args);
    await ctx.store.transact((draft) => {
      Object.assign(trustOf(draft).settings.nationalAttendance, given);
    }, { audit: () => ({ at: ctx.now().toISOString(), actorId: person.id, action: 'risk.national', subject: 'trust', outcome: 'ok', detail: given }) });
    return reply('list', {
      title: 'National attendance saved',
      intro: 'Headteachers see it on the category questions instead of typing it; cards already sent use it when answered.',
      empty: '',
      items: [{ title: 'For the phases of your schools', detail: figures(ctx.store.read()) }],
    });
  },
};
