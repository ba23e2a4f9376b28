// Checks a trust file and prints what the bot reads in it; writes nothing.
// Usage: npm run trust:check -- <file>
// Exit code 0: valid (a summary on stdout); 1: every problem on stderr as file:line: field: what is allowed.
import { readTrustFile, formatProblem } from '../src/trust-file/read-trust-file';
import { summarise } from '../src/trust-file/summary';
import { UsageError, runCli } from './cli';

const USAGE = 'Usage: npm run trust:check -- <trust file (YAML or JSON)>';

runCli(async () => {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  const file = args[0];
  if (!file || args.length > 1) throw new UsageError(USAGE);
  const result = await readTrustFile(file);
  if (!result.ok) {
    for (const p of result.problems) console.error(formatProblem(file, p));
    if (result.pending) console.error(result.pending);
    throw new UsageError(`${file}: ${result.problems.length} problem${result.problems.length > 1 ? 's' : ''}; nothing was changed. The format is in docs/trust-file.md.`);
  }
  console.log(`${file}: valid\n${summarise(result.trust)}`);
});
