// The README's configuration snippets, read exactly as they stand: each is the fenced block right
// after a `<!-- snippet: <pipeline>/<file> -->` comment. A test writes `<file>` into its project.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../support/fixtures.js';

const MARKED = /<!-- snippet: ([\w.-]+)\/([\w.-]+) -->\n```\w*\n([\s\S]*?)\n```/g;

export interface Snippet {
  file: string;
  text: string;
}

const snippets = new Map<string, Snippet>();
for (const [, pipeline, file, text] of readFileSync(path.join(ROOT, 'README.md'), 'utf8').matchAll(MARKED)) {
  snippets.set(`${pipeline}/${file}`, { file: file!, text: `${text}\n` });
}

/** The snippet marked `<pipeline>/<file>`; a missing one fails the test that needs it. */
export function snippet(name: string): Snippet {
  const found = snippets.get(name);
  if (found === undefined) throw new Error(`README.md has no snippet marked <!-- snippet: ${name} --> right before a fenced block`);
  return found;
}

/** The commands of a shell snippet, one per line (comments and blank lines left out). */
export function commands(name: string): string[][] {
  return snippet(name)
    .text.split('\n')
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter((line) => line !== '')
    .map((line) => line.split(/\s+/));
}
