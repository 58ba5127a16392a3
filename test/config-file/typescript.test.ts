import test from 'ava';
import path from 'node:path';
import ts from 'typescript';
import { createTransformer, getDiagnostics } from '../../plugin/typescript/index.js';
import { ORIGIN, PAGE_WITH_PORT, tempProject } from './temp-project.js';

const compilerOptions: ts.CompilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, allowJs: true, noEmit: false, noLib: true, types: [] };

test('the TypeScript transformer reads the configuration of each source file (transpileModule)', (t) => {
  const root = tempProject({ 'wx-request.config.json': JSON.stringify({ allowedOrigins: [ORIGIN] }) });
  const fileName = path.join(root, 'src/page.ts');
  const output = ts.transpileModule(PAGE_WITH_PORT, { fileName, compilerOptions, transformers: { before: [createTransformer()] } });
  t.regex(output.outputText, /_wx\.request\(\{ url: 'https:\/\/api\.example\.com:8443\/items' \}\)/);
  // configFile: false: the port is an error again.
  t.throws(() => ts.transpileModule(PAGE_WITH_PORT, { fileName, compilerOptions, transformers: { before: [createTransformer(undefined, { configFile: false })] } }), { message: /has port 8443/ });
});

test('getDiagnostics with a program: the file\'s rules severities, explicit rules winning', (t) => {
  const root = tempProject({ 'package.json': JSON.stringify({ wxRequest: { rules: { 'url-no-port': 'warn', 'method-uppercase': 'off' } } }), 'page.js': "wx.request({ url: 'https://a.com:8443/', method: 'post' });\n" });
  const program = ts.createProgram([path.join(root, 'page.js')], { ...compilerOptions, noEmit: true });
  const shown = (options?: object) => getDiagnostics(program, options).map((d) => `${ts.DiagnosticCategory[d.category]} ${ts.flattenDiagnosticMessageText(d.messageText, ' ').slice(0, 20)}`);
  t.deepEqual(shown(), ['Warning URL origin "https://']);
  t.deepEqual(shown({ rules: { 'url-no-port': 'off', 'method-uppercase': 'error' } }), ['Error method "post" is not']);
});
