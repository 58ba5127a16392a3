// Regenerates the rules section of README.md from the rules' own metadata.
import { readFileSync, writeFileSync } from 'node:fs';
import { withRules } from './rule-docs.js';

const file = new URL('../README.md', import.meta.url);
writeFileSync(file, withRules(readFileSync(file, 'utf8')));
