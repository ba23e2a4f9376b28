// The README's word on the CSV imports is what the scripts do: all or nothing, every bad row listed as
// "line N, column: got …, expected …", exit code 1; no row is ever skipped with the rest imported.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeProblem } from '../../src/store/csv';
import { parseGiasCsv } from '../../src/store/import-gias';
import { parsePeopleCsv } from '../../src/store/import-people';

const readme = readFileSync('README.md', 'utf8');
/** The README's paragraphs that speak of import:gias or import:people, or of "the imports". */
const importParagraphs = readme.split(/\n\s*\n/).filter((p) => /import:(gias|people)|people file|The imports|The import is/.test(p));

it('says a bad row stops the whole import, with exit code 1, and never that rows are skipped', () => {
  expect(importParagraphs.length).toBeGreaterThan(0);
  for (const p of importParagraphs) {
    expect(p, p).not.toMatch(/skipped|exit code 2|\b2 when|the rest imported/);
  }
  const text = importParagraphs.join('\n');
  expect(text).toMatch(/all or nothing/i);
  expect(text).toMatch(/nothing is imported/);
  expect(text).toMatch(/exit code 1|1 when nothing was imported/);
});

it('shows each bad row as the imports list it, from the sample files', () => {
  const quoted = [...importParagraphs.join('\n').matchAll(/`(line \d+, [^`]+)`/g)].map((m) => m[1]);
  const reported = [
    ...parseGiasCsv(readFileSync('test/fixtures/gias-sample.csv')).problems.map(describeProblem),
    ...parsePeopleCsv(readFileSync('test/fixtures/people-sample.csv')).problems.map(describeProblem),
  ];
  expect(quoted.length).toBeGreaterThanOrEqual(2);
  for (const line of quoted) expect(reported).toContain(line);
});
