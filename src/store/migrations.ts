// Migrations from each older schema version to the next. The original file is kept as a backup first.
import { SCHEMA_VERSION, emptyData } from './schema';
import { StoreError } from './errors';

type Raw = Record<string, unknown>;

/** migrations[n] turns version n into version n+1. */
const migrations: Record<number, (raw: Raw) => Raw> = {
  // Version 0: files from before the schema was versioned; add every collection they lacked.
  0: (raw) => ({ ...emptyData(), ...raw, schemaVersion: 1 }),
};

/** The file's schema version: 0 when absent (files from before versioning); undefined when it is nonsense. */
export function versionOf(raw: Raw): number | undefined {
  const v = raw.schemaVersion;
  if (v === undefined) return 0;
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined;
}

export function migrate(raw: unknown, file: string): { data: Raw; from: number } {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new StoreError('STORE_INVALID', `${file} does not hold a JSON object`, 'Restore the file from a backup; it was left as it is.');
  }
  const from = versionOf(raw as Raw);
  if (from === undefined) {
    throw new StoreError(
      'STORE_INVALID',
      `${file}: schemaVersion is ${JSON.stringify((raw as Raw).schemaVersion)}, not a whole number`,
      'Restore the file from a backup; it was left as it is.',
    );
  }
  if (from > SCHEMA_VERSION) {
    throw new StoreError(
      'STORE_FUTURE_VERSION',
      `${file} has schema version ${from}; this bot reads up to version ${SCHEMA_VERSION}`,
      'It was written by a newer release: upgrade the bot. The file was not changed.',
    );
  }
  let data = raw as Raw;
  for (let v = from; v < SCHEMA_VERSION; v++) {
    const step = migrations[v];
    if (!step) throw new StoreError('STORE_INVALID', `${file}: no migration from schema version ${v}`, 'Restore a backup.');
    data = step(data);
  }
  return { data, from };
}
