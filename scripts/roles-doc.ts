// Writes docs/roles.md from src/app/permissions.ts: the one table of who may run what.
// `npm run docs:roles` rewrites it; a test fails when the file and the table disagree.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolesDoc } from '../src/app/roles-doc';

const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/roles.md');
writeFileSync(file, rolesDoc());
console.log(`wrote ${file}`);
