// Reads a trust file's text (YAML, or JSON, which YAML reads too) into a checked TrustFile, or into every
// problem it has, each with the field's path, its line and what is allowed there.
import { readFile } from 'node:fs/promises';
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { explain } from './explain';
import { TrustFileSchema, type TrustFile } from './schema';

export interface TrustFileProblem {
  /** The field, e.g. `framework.categories[2].rank`; empty for the file as a whole. */
  field: string;
  /** 1-based line of the field (or of the nearest part of the file that exists). */
  line: number;
  message: string;
}

export type TrustFileResult =
  | { ok: true; trust: TrustFile }
  /** `pending`: what is checked only once these problems are put right. */
  | { ok: false; problems: TrustFileProblem[]; pending?: string };

export function formatProblem(file: string, p: TrustFileProblem): string {
  return `${file}:${p.line}: ${p.field ? `${p.field}: ` : ''}${p.message}`;
}

export function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), '');
}

const YAML_HINTS: Record<string, string> = {
  TAB_AS_INDENT: 'a tab is used to indent: YAML indents with spaces only',
  DUPLICATE_KEY: 'a field is written twice in the same place: keep one',
  BAD_INDENT: 'the indentation does not line up with the lines above: indent each level by the same number of spaces',
  MISSING_CHAR: 'a bracket or quote opened above is not closed by here',
  BLOCK_AS_IMPLICIT_KEY: 'the indentation does not line up with the lines above: indent each level by the same number of spaces',
};

export function readTrustFileText(text: string): TrustFileResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  // After the first syntax error the parser's further errors are mostly its own confusion: report that one.
  const yamlError = doc.errors[0];
  if (yamlError) {
    const message = `this is not valid YAML: ${YAML_HINTS[yamlError.code] ?? yamlError.message.split('\n')[0]}`;
    return { ok: false, problems: [{ field: '', line: lineCounter.linePos(yamlError.pos[0]).line, message }] };
  }
  const data: unknown = doc.toJS();
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, problems: [{ field: '', line: 1, message: 'a trust file is a set of fields, starting with its name (name: My Trust); see docs/trust-file.md' }] };
  }
  const parsed = TrustFileSchema.safeParse(data, { reportInput: true });
  if (parsed.success) return { ok: true, trust: parsed.data };
  const problems = parsed.error.issues.map((issue): TrustFileProblem => {
    const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
    const field = fieldName(path);
    return { field, line: lineOf(doc, lineCounter, path), message: explain(issue, TrustFileSchema, fieldName(issue.path.slice(-1)) || field) };
  });
  problems.sort((a, b) => a.line - b.line);
  // The checks across fields (ranks, deciders, categories a question names) run on a file whose fields are sound.
  const crossChecked = parsed.error.issues.some((i) => i.code === 'custom' && !['cadence', 'month'].includes(i.message));
  return { ok: false, problems, ...(crossChecked ? {} : { pending: 'Once these are put right, the checks across fields run too (ranks, deciders, categories a question names, hubs).' }) };
}

export async function readTrustFile(file: string): Promise<TrustFileResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    return { ok: false, problems: [{ field: '', line: 1, message: `cannot read the file: ${(e as Error).message}` }] };
  }
  return readTrustFileText(text);
}

/** The line of the key naming a path's last step (or of the nearest step that exists in the file). */
function lineOf(doc: Document, lc: LineCounter, path: readonly PropertyKey[]): number {
  let node: unknown = doc.contents;
  let line = 1;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key));
      if (!pair) return isMap(node) && node.range ? Math.max(line, lc.linePos(node.range[0]).line) : line;
      const keyNode = pair.key as Node;
      if (keyNode.range) line = lc.linePos(keyNode.range[0]).line;
      node = pair.value;
    } else if (node && typeof node === 'object' && 'items' in node && typeof key === 'number') {
      const item = (node as { items: unknown[] }).items[key] as Node | undefined;
      if (!item) return line;
      if (item.range) line = lc.linePos(item.range[0]).line;
      node = item;
    } else return line;
  }
  return line;
}
