import { babel } from '@rollup/plugin-babel';
import commonjsPlugin from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rollup, type Plugin } from 'rollup';

// The package's types describe its CommonJS build; under NodeNext the default import is the namespace type.
const commonjs = commonjsPlugin as unknown as typeof commonjsPlugin.default;

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** `sample-app/…` imports of the page resolve to the ported sample. */
function sampleApp(portedDir: string): Plugin {
  return {
    name: 'sample-app',
    resolveId(source) {
      return source.startsWith('sample-app/') ? path.join(portedDir, source.slice('sample-app/'.length)) : null;
    },
  };
}

/**
 * Bundles the demo page and the ported sample for the browser with Rollup, running Babel (the
 * project's babel.config.js, so babel-plugin-wx-request) inside the bundler through
 * @rollup/plugin-babel, the way a user's build would.
 */
export async function bundleDemo(portedDir: string, outFile: string): Promise<void> {
  const build = await rollup({
    input: path.join(ROOT, 'demo/page/main.js'),
    plugins: [
      sampleApp(portedDir),
      nodeResolve({ browser: true }),
      commonjs(),
      babel({ babelHelpers: 'bundled', configFile: path.join(ROOT, 'babel.config.js'), include: [`${portedDir}/**`], extensions: ['.js', '.ts'] }),
    ],
    onwarn(warning, warn) {
      if (warning.code !== 'CIRCULAR_DEPENDENCY') warn(warning);
    },
  });
  await build.write({ file: outFile, format: 'iife', sourcemap: true });
  await build.close();
}
