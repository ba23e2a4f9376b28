// Build time and platform size of every list view and main screen, as the CEO, the Director and a
// headteacher, at 7 (the demo), 200 and 1,000 schools (synthetic). Sizes are of what the bot would
// post: the Teams activity (cardMessage(teamsCard(...))) and the Slack payload (cardToBlocks), each
// checked with the platform limits the test fakes enforce. An anchor row makes machines comparable.
// Usage: npm run bench:views [-- --sizes 7,200,1000 --runs 5]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Command, Reply } from '../src/app/command';
import { startBot, type Bot } from '../src/boot';
import { renderCard } from '../src/cards/render';
import { cardToBlocks } from '../src/channels/slack/blockkit';
import { cardMessage, teamsCard } from '../src/channels/teams/cards';
import { loadConfig } from '../src/config';
import { generateSyntheticTrust, writeSyntheticTrust } from '../src/seed/synthetic-trust';
import { openSqlStore } from '../src/store/sql-store';
import type { Data } from '../src/store/schema';
import { loadOrCreateSecret } from '../src/store/secret';
import { slackPayloadProblems, teamsActivityProblems, TEAMS_MAX_ACTIVITY_BYTES } from '../test/fakes/platform-limits';

/** The clock of every run (a Wednesday in Autumn 2, as the tests use), so figures compare across days. */
export const BENCH_NOW = '2026-11-18T10:00:00Z';
export const PERSONAS = [
  { id: 'amira', label: 'CEO' },
  { id: 'tom', label: 'Director' },
  { id: 'rachel', label: 'Headteacher' },
] as const;

/**
 * The views, by the words a person types. Ids differ between trusts, so some are read from the data.
 * `risk publish` comes last: today it publishes rather than asking first, and nothing may follow it.
 */
export function viewCommands(data: Readonly<Data>): string[] {
  const open = data.surveys.find((s) => s.status === 'open');
  const closed = data.surveys.find((s) => s.status === 'closed' && !s.audience.schoolIds.length) ?? data.surveys.find((s) => s.status === 'closed');
  const forum = data.forums.find((f) => f.kind === 'school-improvement') ?? data.forums[0];
  return [
    'help',
    'home',
    'risk',
    'risk meeting',
    'risk meeting page 2',
    'risk beacon',
    'risk review beacon',
    'isap',
    'isap overdue',
    'isap beacon',
    'approvals',
    'digest weekly',
    'digest risk',
    'digest board',
    ...(open ? [`survey results ${open.id}`] : []),
    ...(closed ? [`survey results ${closed.id}`, `survey export ${closed.id}`] : []),
    'survey',
    'talent',
    'talent search maths',
    'forum',
    ...(forum ? [`forum responses ${forum.id}`] : []),
    'risk publish',
  ];
}

export function command(personId: string, text: string): Command {
  const [name = '', ...args] = text.trim().split(/\s+/);
  return { actor: { platform: 'local', userId: personId }, name, args, where: { platform: 'local', conversationKey: `local:person:${personId}`, kind: 'personal' } };
}

export interface Measured {
  /** One message per reply, as each platform would get it. */
  teams: { bytes: number; problems: string[] }[];
  slack: { blocks: number; bytes: number; problems: string[] }[];
}

/** What each reply of an outcome weighs on Teams and on Slack, and what the platform would refuse. */
export function measure(replies: readonly Reply[], data: Readonly<Data>): Measured {
  return {
    teams: replies.map((r) => {
      const activity = cardMessage(teamsCard(r, data));
      return { bytes: Buffer.byteLength(JSON.stringify(activity)), problems: teamsActivityProblems(activity) };
    }),
    slack: replies.map((r) => {
      const { text, blocks } = cardToBlocks(renderCard(r));
      const payload = { text, blocks };
      return { blocks: blocks.length, bytes: Buffer.byteLength(JSON.stringify(payload)), problems: slackPayloadProblems(payload, 'message') };
    }),
  };
}

/** What the first reply is, for the table: the card, or the error's code (a refusal, a missing page). */
export function describeReply(replies: readonly Reply[]): string {
  const r = replies[0];
  if (!r) return 'no reply';
  if (r.card === 'error') return `error ${String(r.data.code)}`;
  return r.card + (replies.length > 1 ? ` +${replies.length - 1}` : '');
}

/** Starts the bot on a DATA_DIR already holding a trust (or seeds the demo), without the playground. */
export async function bootOn(dataDir: string, seedDemo: boolean): Promise<Bot> {
  const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', NODE_ENV: 'test' });
  // The playground is left out: it is not what is measured, and it touches every person at start.
  return startBot(config, { seedDemo, scheduler: false, playground: false, now: () => new Date(BENCH_NOW) });
}

/** Generates a synthetic trust into an empty DATA_DIR; returns the seconds it took. */
export async function writeSynthetic(dataDir: string, schools: number, seed = 1): Promise<number> {
  const t0 = performance.now();
  const store = await openSqlStore({ dataDir });
  try {
    const surveyKey = await loadOrCreateSecret(dataDir);
    await writeSyntheticTrust(store, generateSyntheticTrust({ schools, seed, now: new Date(BENCH_NOW), timeZone: 'Europe/London', surveyKey, local: true }));
  } finally {
    await store.close();
  }
  return (performance.now() - t0) / 1000;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

interface Row {
  view: string;
  persona: string;
  schools: number;
  ms: number;
  runs: number;
  reply: string;
  measured: Measured;
}

/** A fingerprint of what `risk publish` changes, to tell a confirmation from a publish. */
const published = (bot: Bot) => bot.store.read().riskRounds.flatMap((r) => r.entries).filter((e) => e.status === 'published').length;

async function benchTrust(bot: Bot, schools: number, runs: number): Promise<Row[]> {
  const rows: Row[] = [];
  for (const text of viewCommands(bot.store.read())) {
    for (const p of PERSONAS) {
      const cmd = () => command(p.id, text);
      const before = published(bot);
      let t0 = performance.now();
      let o = await bot.handle(cmd());
      const times = [performance.now() - t0];
      // A command that changed the round (risk publish without a confirmation step) is not run again.
      const once = published(bot) !== before;
      if (!once) {
        times.length = 0;
        for (let i = 0; i < runs; i++) {
          t0 = performance.now();
          o = await bot.handle(cmd());
          times.push(performance.now() - t0);
        }
      }
      rows.push({ view: text, persona: p.label, schools, ms: median(times), runs: times.length, reply: describeReply(o.replies) + (once ? ' (published: 1 run)' : ''), measured: measure(o.replies, bot.store.read()) });
    }
  }
  return rows;
}

/** JSON.stringify of one school 20,000 times: the same work on every machine, to scale the figures by. */
function anchorMs(data: Readonly<Data>): number {
  const school = data.schools[0];
  const times: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    for (let i = 0; i < 20_000; i++) JSON.stringify(school);
    times.push(performance.now() - t0);
  }
  return median(times);
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function table(rows: Row[]): string {
  const head = ['view', 'persona', 'schools', 'build ms (median)', 'reply', 'Teams size (limit 28 KB)', 'Slack blocks (limit 50)', 'Slack bytes', 'over'];
  const lines = rows.map((r) => {
    const teams = Math.max(0, ...r.measured.teams.map((t) => t.bytes));
    const blocks = Math.max(0, ...r.measured.slack.map((s) => s.blocks));
    const slackBytes = Math.max(0, ...r.measured.slack.map((s) => s.bytes));
    const teamsOver = r.measured.teams.some((t) => t.problems.length);
    const slackOver = r.measured.slack.some((s) => s.problems.length);
    const messages = r.measured.teams.length > 1 ? ` ×${r.measured.teams.length}` : '';
    const over = [
      teamsOver ? `**TEAMS** ${r.measured.teams.flatMap((t) => t.problems)[0]}` : '',
      slackOver ? `**SLACK** ${r.measured.slack.flatMap((s) => s.problems)[0]}` : '',
    ].filter(Boolean).join('; ');
    return [r.view, r.persona, r.schools, r.ms.toFixed(1) + (r.runs === 1 ? ' (1 run)' : ''), r.reply, `${kb(teams)}${messages}${teams > TEAMS_MAX_ACTIVITY_BYTES ? ' ✗' : ''}`, `${blocks}${blocks > 50 ? ' ✗' : ''}`, kb(slackBytes), over];
  });
  return [head, head.map(() => '---'), ...lines].map((l) => `| ${l.join(' | ')} |`).join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { sizes: { type: 'string', default: '7,200,1000' }, runs: { type: 'string', default: '5' } } });
  const sizes = values.sizes!.split(',').map(Number);
  const runs = Math.max(5, Number(values.runs));
  const root = await mkdtemp(path.join(tmpdir(), 'ibot-bench-views-'));
  const all: Row[] = [];
  const notes: string[] = [];
  try {
    for (const n of sizes) {
      const dir = path.join(root, String(n));
      // 7 is the demo trust as seeded on first start (with a round opened); any other size is synthetic.
      const demo = n === 7;
      if (!demo) notes.push(`${n} schools: generated and written in ${(await writeSynthetic(dir, n)).toFixed(1)} s`);
      const t0 = performance.now();
      const bot = await bootOn(dir, demo);
      notes.push(`${n} schools: bot started in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      try {
        // The demo has no round open; the Director opens one so the meeting has schools in it.
        if (demo) await bot.handle(command('tom', 'risk open'));
        const anchor = anchorMs(bot.store.read());
        all.push({ view: 'anchor: JSON.stringify(school) ×20,000', persona: '-', schools: n, ms: anchor, runs: 5, reply: '-', measured: { teams: [], slack: [] } });
        all.push(...(await benchTrust(bot, n, runs)));
      } finally {
        await bot.stop();
      }
      console.error(`… ${n} schools done`);
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  console.log(table(all));
  console.log('');
  for (const n of notes) console.log(`- ${n}`);
  const over = all.filter((r) => r.measured.teams.some((t) => t.problems.length) || r.measured.slack.some((s) => s.problems.length));
  console.log(`- ${over.length} of ${all.length - sizes.length} view rows over a platform limit. Clock ${BENCH_NOW}; ${runs} runs after a warm-up; Node ${process.version}.`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((e: unknown) => {
    console.error('Failed:', e);
    process.exitCode = 1;
  });
}
