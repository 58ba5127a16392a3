import { createRequire } from 'node:module';
import path from 'node:path';
import type { Ts } from './syntax.js';

/** The `typescript` versions whose JavaScript API the transformer is written against. */
export const TYPESCRIPT_API_RANGE = '^5.0.0 || ^6.0.0';

// What the transformer calls; TypeScript 7 (the native compiler) ships none of it.
const API = ['createProgram', 'transform', 'createSourceFile', 'visitEachChild'] as const;
const NEEDS = `babel-plugin-wx-request/typescript needs the JavaScript API of TypeScript 5 or 6 (typescript@"${TYPESCRIPT_API_RANGE}": ts.createProgram, ts.transform, ts.factory)`;

/** A peer dependency that is missing or cannot serve: its message is the whole story, one line. */
export class MissingPeerError extends Error {
  override name = 'MissingPeerError';
}

/**
 * `require` as the package's own module sees it. The published package runs this file as CommonJS
 * (the exports map sends both `import` and `require` of /typescript to dist/cjs/), where `require`
 * resolves the peer from the package's place in node_modules. Run from the ES module sources (the
 * repository's tests) there is none; the working directory's resolution stands in.
 */
function ownRequire(): (id: string) => unknown {
  return typeof require === 'function' ? require : createRequire(path.join(process.cwd(), 'package.json'));
}

let loaded: Ts | undefined;

/**
 * The `typescript` package, loaded when the transformer is first used, so that importing
 * babel-plugin-wx-request/typescript never fails; a missing or API-less TypeScript is one line.
 */
export function loadTypeScript(): Ts {
  if (loaded) return loaded;
  let candidate: Partial<Ts> & { version?: string };
  try {
    candidate = ownRequire()('typescript') as Partial<Ts>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    throw new MissingPeerError(`${NEEDS}; no "typescript" package was found: run npm install --save-dev typescript@6.`);
  }
  if (API.some((name) => typeof candidate[name] !== 'function')) {
    const found = typeof candidate.version === 'string' ? `typescript ${candidate.version}` : 'a "typescript" package';
    throw new MissingPeerError(`${NEEDS}; found ${found}, which has none (TypeScript 7 is the native compiler): compile with typescript@6, or use the Babel plugin with @babel/preset-typescript.`);
  }
  loaded = candidate as Ts;
  return loaded;
}
