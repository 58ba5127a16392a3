// The small app every pipeline builds: a TypeScript page (an ES module) and a CommonJS
// mini-program script, both calling the global wx.request, and an entry importing both. The API's
// origin (a local server with a port) is read at run time: `API_ORIGIN` in Node, the page's own
// origin in a browser. Each successful call reports back with a second request to /api/seen.
import type { Project } from './project.js';
import type { RecordingServer } from './recording-server.js';

export const PAGE_FILES: Record<string, string> = {
  'src/page.ts': `import { configure } from 'babel-plugin-wx-request/runtime';

declare const wx: {
  request(options: { url: string; method?: 'GET' | 'POST'; data?: object; success?: (res: { statusCode: number }) => void }): void;
};

const api: string = (globalThis as { API_ORIGIN?: string }).API_ORIGIN ?? location.origin;
// A URL with a port is allowed only when its origin is listed (WeChat's console rule).
configure({ allowedOrigins: [api] });

wx.request({
  url: \`\${api}/api/items\`,
  method: 'POST',
  data: { from: 'ts-page' },
  success: (res) => wx.request({ url: \`\${api}/api/seen?from=ts-page&status=\${res.statusCode}\` }),
});
`,
  'src/legacy.js': `var api = globalThis.API_ORIGIN || location.origin;

module.exports = function load() {
  wx.request({
    url: api + '/api/legacy',
    data: { from: 'cjs' },
    success: function (res) {
      wx.request({ url: api + '/api/seen?from=cjs&status=' + res.statusCode });
    },
  });
};
`,
  'src/main.ts': `import './page';
import load from './legacy';

load();
`,
};

/** Writes the app's sources into a project. */
export function writePage(project: Project): void {
  for (const [file, text] of Object.entries(PAGE_FILES)) project.write(file, text);
}

/** A Node command that runs a built script (a bundle or CommonJS output) with the server's origin. */
export function runInNode(project: Project, server: RecordingServer, script: string) {
  return project.exec(process.execPath, ['-e', `globalThis.API_ORIGIN = ${JSON.stringify(server.origin)}; require(${JSON.stringify(`./${script}`)});`]);
}

/** What the server must have received once the whole app ran: both files' calls and their reports. */
export async function assertAppRan(server: RecordingServer, t: { deepEqual(actual: unknown, expected: unknown, message?: string): void }, from: string[] = ['ts-page', 'cjs']): Promise<void> {
  const seen = await server.waitFor('/api/seen', from.length);
  t.deepEqual(seen.map((entry) => entry.url).sort(), from.map((name) => `/api/seen?from=${name}&status=200`).sort(), 'each call succeeded and reported back');
  if (from.includes('ts-page')) {
    const posted = (await server.waitFor('/api/items', 1)).filter((entry) => entry.method === 'POST');
    t.deepEqual(posted.map((entry) => JSON.parse(entry.body) as unknown), [{ from: 'ts-page' }], 'the page POSTed its JSON body');
  }
  if (from.includes('cjs')) {
    const [legacy] = await server.waitFor('/api/legacy', 1);
    t.deepEqual(legacy!.url, '/api/legacy?from=cjs', 'the mini-program script sent its query');
  }
}
