// The demo page: runs every request of the ported sample app and shows what came back.
import { toasts } from './install.js';
import { registeredPages } from './mini-program-shim.js';
import { configure, fetchTransport } from 'babel-plugin-wx-request/runtime';
import 'sample-app/app.js';
import 'sample-app/pages/items/index.js';
import 'sample-app/pages/login/index.js';
import 'sample-app/pages/download/index.js';
import 'sample-app/pages/search/index.js';
import 'sample-app/pages/burst/index.js';

const api = globalThis.DEMO_CONFIG.apiOrigin;
const [items, login, download, search, burst] = registeredPages();

// The sample talks to https://api.example.com/v1; here its API runs locally, on a port that the
// runtime allows only because it is listed, as a domain registered with its port would be.
getApp().globalData.baseUrl = `${api}/v1`;

// Every request the runtime sends goes through this transport, so the page can show it.
let log = [];
configure({
  allowedOrigins: [api],
  transport: async (request) => {
    const entry = { method: request.method, url: request.url.replace(api, ''), started: performance.now() };
    log.push(entry);
    try {
      const response = await fetchTransport(request);
      entry.status = response.statusCode;
      entry.inFlight = Object.fromEntries(response.headers)['x-in-flight'];
      return response;
    } catch (error) {
      entry.error = request.signal.aborted ? 'aborted' : String(error?.message ?? error);
      throw error;
    } finally {
      entry.ms = Math.round(performance.now() - entry.started);
    }
  },
});

const scenarios = {
  'get-query': { title: 'GET with query data', run: () => items.loadItems(), page: items },
  'post-json': { title: 'POST JSON', run: () => items.createItem(), page: items },
  'post-form': { title: 'POST form (login)', run: () => login.login('mei', 'secret'), page: login },
  put: { title: 'PUT with charset', run: () => items.renameItem(3), page: items },
  delete: { title: 'DELETE', run: () => items.removeItem(3), page: items },
  arraybuffer: { title: 'arraybuffer download', run: () => download.download(), page: download },
  search: {
    title: 'search as you type (aborts)',
    page: search,
    run: () => Promise.all(['o', 'oo', 'ool'].map((query) => search.onInput(query))),
  },
  burst: { title: 'burst of 20 requests', run: () => burst.burst(), page: burst },
};

async function serverStats() {
  const response = await fetch(`${api}/__received`);
  return response.json();
}

async function runScenario(id) {
  const scenario = scenarios[id];
  const row = document.querySelector(`[data-scenario="${id}"]`);
  const output = row.querySelector('pre');
  row.dataset.state = 'running';
  log = [];
  const started = performance.now();
  let outcome;
  try {
    await scenario.run();
    outcome = 'ok';
  } catch (error) {
    outcome = `rejected: ${error?.errMsg ?? error?.statusCode ?? error}`;
  }
  const stats = await serverStats();
  const requests = log.map((entry) => `${entry.method} ${entry.url} → ${entry.status ?? entry.error} (${entry.ms} ms)`);
  output.textContent = [
    `outcome: ${outcome}, ${Math.round(performance.now() - started)} ms`,
    `requests: ${log.length}, server max in flight so far: ${stats.maxInFlight}`,
    ...requests,
    `page data: ${JSON.stringify(scenario.page.data)}`,
    toasts.length ? `toasts: ${toasts.join(' | ')}` : '',
  ].filter(Boolean).join('\n');
  row.dataset.state = 'done';
  row.dataset.outcome = outcome;
}

const table = document.querySelector('#scenarios');
for (const [id, scenario] of Object.entries(scenarios)) {
  const row = document.createElement('section');
  row.dataset.scenario = id;
  row.innerHTML = `<h2></h2><button type="button">Run</button><pre>not run yet</pre>`;
  row.querySelector('h2').textContent = scenario.title;
  row.querySelector('button').addEventListener('click', () => runScenario(id));
  table.append(row);
}
document.querySelector('#run-all').addEventListener('click', async () => {
  for (const id of Object.keys(scenarios)) await runScenario(id);
  document.body.dataset.allDone = 'true';
});
document.body.dataset.ready = 'true';
