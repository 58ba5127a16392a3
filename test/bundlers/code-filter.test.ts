// The bundler plugins' native code filter (plugin/bundler/code-filter.ts) lets a host skip a file
// without calling into JavaScript. It must never skip a file the quick check
// (plugin/core/quick-check.ts) lets through: checked on every text of the quick check's own tests,
// on random texts made of the tokens that matter, on the generated code base, and through Rolldown
// itself, whose Rust regex engine is the one that runs it there. (It is looser than the quick
// check by design, e.g. `this.wx.request` passes it: the quick check then skips the file.)
import test from 'ava';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSync, traverse } from '@babel/core';
import fc from 'fast-check';
import { rolldown } from 'rolldown';
import { writeCodeBase } from '../../bench/generate.js';
import { requestCodeFilter } from '../../plugin/bundler/code-filter.js';
import { passesCodeFilter } from '../../plugin/bundler/loader-gate.js';
import { realPackageFiles } from '../../bench/real-code.js';
import { mayReferenceRequest } from '../../plugin/core/quick-check.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const GLOBAL_LISTS = [['wx'], ['wx', 'qq', 'tt', 'swan'], ['qq', 'tt'], ['swan'], ['$api'], ['w', 'wx'], ['my$', 'jd']];

/** Every string and template text of the quick check's tests: its tables and its fragments. */
function quickCheckCorpus(): string[] {
  const file = path.join(ROOT, 'test/quick-check.test.ts');
  const ast = parseSync(readFileSync(file, 'utf8'), { filename: file, configFile: false, babelrc: false, presets: [], parserOpts: { plugins: ['typescript'] } });
  const texts = new Set<string>();
  traverse(ast!, {
    StringLiteral: (p) => void texts.add(p.node.value),
    TemplateLiteral: (p) => void texts.add(p.node.quasis.map((quasi) => quasi.value.cooked ?? '').join("{ url: 'https://api.example.com/a', method: 'GET' }")),
  });
  return [...texts];
}

function misses(texts: readonly string[], globals: readonly string[]): string[] {
  const filter = requestCodeFilter(globals);
  return texts.filter((text) => mayReferenceRequest(text, globals) && !filter.test(text));
}

test('every text of the quick check tests that it lets through, the filter lets through', (t) => {
  const corpus = quickCheckCorpus();
  t.true(corpus.length > 150, `${corpus.length} texts`);
  for (const globals of GLOBAL_LISTS) t.deepEqual(misses(corpus, globals), [], globals.join(','));
});

test('the filter still skips what it is for: other wx APIs, other globals, names that start with request', (t) => {
  const filter = requestCodeFilter(['wx']);
  for (const text of ["wx.showToast({ title: 'x' });", 'wx . navigateTo({});\nwx\n  .hideLoading();', 'wx?.showLoading({});', 'wx.requestPayment({}); wx.requestSubscribeMessage({});', "qq.request({}); wxml.request; const s = '中';", 'util.request(api.List);']) {
    t.false(filter.test(text), text);
  }
  t.false(requestCodeFilter(['qq']).test("wx.request({ url: 'https://a.com' }); qq.showToast({});"));
  t.true(requestCodeFilter(['qq']).test("qq.request({ url: 'https://a.com' });"));
});

/** Random texts from the tokens either check reads: names, dots, white space of every kind, comments, escapes, non-ASCII. */
const TOKENS = ['wx', 'qq', '$api', 'w', '.', '?', '?.', '..', 'request', 'requestPayment', 'showToast', 'a', '_', '$', '0', '5', '(', ')', '[', ']', "'", '`', '/', '*', '/*', '*/', '//', '\\', '\\u0077', '\\u{72}', '\\u4e2d', ' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u2028', '中', '变量', 'x', '#', ';', '=', ',', '!'];

test('property: on random texts, whatever the quick check lets through, the filter lets through', (t) => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 14 }), fc.constantFrom(...GLOBAL_LISTS), (tokens, globals) => {
      const text = tokens.join('');
      return !mayReferenceRequest(text, globals) || requestCodeFilter(globals).test(text);
    }),
    { numRuns: 30000 },
  );
  t.pass();
});

function codeBaseTexts(shape: 'realistic' | 'uniform'): string[] {
  return writeCodeBase({ files: 600, shape }).jsFiles.map((file) => readFileSync(file, 'utf8'));
}

for (const shape of ['realistic', 'uniform'] as const) {
  test(`the generated code base (${shape}): no file the quick check lets through is skipped, and most others are`, (t) => {
    const texts = codeBaseTexts(shape);
    t.deepEqual(misses(texts, ['wx']), []);
    const filter = requestCodeFilter(['wx']);
    const passed = texts.filter((text) => filter.test(text)).length;
    const needed = texts.filter((text) => mayReferenceRequest(text, ['wx'])).length;
    t.log(`${shape}: the filter passes ${passed} of ${texts.length} files, the quick check ${needed}`);
    t.true(passed <= needed + texts.length * 0.02, `${passed} passed, ${needed} needed`);
  });
}

test('in Rolldown (its own regex engine): every file the quick check lets through reaches the transform handler', async (t) => {
  const texts = [...quickCheckCorpus(), ...codeBaseTexts('realistic')];
  for (const globals of [['wx'], ['wx', 'qq', 'tt', 'swan'], ['$api']]) {
    const reached = new Set<number>();
    const idOf = (id: string) => Number(id.slice('\0text:'.length));
    const bundle = await rolldown({
      input: 'entry',
      logLevel: 'silent',
      plugins: [
        {
          name: 'texts',
          resolveId: (id) => (id === 'entry' || id.startsWith('\0text:') ? id : null),
          load: (id) => (id === 'entry' ? texts.map((_, i) => `import ${JSON.stringify(`\0text:${i}`)};`).join('\n') : id.startsWith('\0text:') ? texts[idOf(id)] : null),
        },
        { name: 'filtered', transform: { filter: { code: requestCodeFilter(globals) }, handler: (_code, id) => void (id.startsWith('\0text:') && reached.add(idOf(id))) } },
        // Every text becomes an empty module before Rolldown parses it (most are fragments).
        { name: 'blank', transform: (_code, id) => (id.startsWith('\0text:') ? { code: 'export {};' } : null) },
      ],
    });
    await bundle.generate({});
    await bundle.close();
    const missed = texts.filter((text, i) => mayReferenceRequest(text, globals) && !reached.has(i));
    t.deepEqual(missed, [], globals.join(','));
    t.true(reached.size < texts.length, 'the native filter skips files');
  }
});

/** Builds one file with Rolldown and our plugin (from source), the runtime left external; returns the output. */
async function buildWithPlugin(dir: string, file: string, options: object): Promise<string> {
  const { default: wxRequest } = await import('../../plugin/bundler/rolldown.js');
  const bundle = await rolldown({ input: path.join(dir, file), logLevel: 'silent', external: [/^babel-plugin-wx-request\//], plugins: [wxRequest({ onDiagnostic: () => {}, ...options })] });
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();
  return output[0].code;
}

test.serial('the filter knows the globals of the configuration at the working directory, and the globals option', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'wx-request-code-filter-'));
  const cwd = process.cwd();
  try {
    writeFileSync(path.join(dir, 'wx-request.config.json'), JSON.stringify({ globals: ['qq'] }));
    writeFileSync(path.join(dir, 'page.js'), "qq.request({ url: 'https://api.example.com/a' });\ntt.request({ url: 'https://api.example.com/b' });\n");
    process.chdir(dir);
    const fromConfig = await buildWithPlugin(dir, 'page.js', {});
    t.false(fromConfig.includes('qq.request('), fromConfig);
    t.true(fromConfig.includes('tt.request('), fromConfig);
    const fromOption = await buildWithPlugin(dir, 'page.js', { globals: ['tt'] });
    t.true(fromOption.includes('qq.request('), fromOption);
    t.false(fromOption.includes('tt.request('), fromOption);
  } finally {
    process.chdir(cwd);
    rmSync(dir, { recursive: true, force: true });
  }
});

// The loader gate (webpack, Rspack, esbuild) reads each file's bytes and answers without decoding
// them when neither a global's name nor a `\u` is among them: that shortcut must answer as the
// code filter does on the decoded text, for every text.
test('property: the loader gate decides as the code filter on the text, on random texts and the real packages', (t) => {
  const folder = mkdtempSync(path.join(tmpdir(), 'wx-request-gate-'));
  try {
    const file = path.join(folder, 'file.js');
    const agrees = (text: string, globals: readonly string[]) => {
      writeFileSync(file, text);
      return passesCodeFilter(file, requestCodeFilter(globals), globals) === requestCodeFilter(globals).test(text);
    };
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 14 }), fc.constantFrom(...GLOBAL_LISTS), (tokens, globals) => agrees(tokens.join(''), globals)),
      { numRuns: 5000 },
    );
    const real = realPackageFiles().all;
    t.deepEqual(real.filter((source) => !agrees(readFileSync(source, 'utf8'), ['wx'])), []);
    t.true(real.some((source) => !requestCodeFilter(['wx']).test(readFileSync(source, 'utf8'))), 'some files are skipped');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
