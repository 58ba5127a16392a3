import type * as BabelCore from '@babel/core';
import path from 'node:path';
import type { Diagnostic } from '../../plugin/core/diagnostic.js';
import type { Fixture } from './fixtures.js';

export interface FixtureResult {
  code: string | undefined;
  error: string | undefined;
  diagnostics: Diagnostic[];
}

/** The parser plugins a file needs when no preset brings them. */
export function syntaxFor(file: string): ('typescript' | 'jsx')[] {
  const extension = path.extname(file);
  if (extension === '.ts') return ['typescript'];
  if (extension === '.tsx') return ['typescript', 'jsx'];
  if (extension === '.jsx') return ['jsx'];
  return [];
}

/**
 * Runs one fixture through a given @babel/core (7 or 8) and a given plugin build, collecting the
 * diagnostics through `onDiagnostic` the way a build tool would.
 */
export function transformFixture(babel: typeof BabelCore, plugin: BabelCore.PluginItem, fixture: Fixture, resolvePreset: (name: string) => string): FixtureResult {
  const diagnostics: Diagnostic[] = [];
  const presets = (fixture.options.babel?.presets ?? []).map((preset) =>
    typeof preset === 'string' ? resolvePreset(preset) : [resolvePreset(preset[0]), preset[1]],
  );
  try {
    const result = babel.transformSync(fixture.input, {
      babelrc: false,
      configFile: false,
      cwd: fixture.dir,
      // Presets read the environment (preset-react 8 picks jsxDEV in development): fix it.
      envName: 'test',
      filename: fixture.inputFile,
      sourceType: fixture.options.babel?.sourceType ?? 'module',
      parserOpts: presets.length === 0 ? { plugins: syntaxFor(fixture.inputFile) } : {},
      presets: presets as BabelCore.PluginItem[],
      plugins: [[plugin, { ...fixture.options.plugin, onDiagnostic: (diagnostic: Diagnostic) => diagnostics.push(diagnostic) }]],
    });
    return { code: `${result?.code ?? ''}\n`, error: undefined, diagnostics };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Babel prefixes the file's absolute path; the fixture stores the rest.
    return { code: undefined, error: message.replace(`${fixture.inputFile}: `, ''), diagnostics };
  }
}
