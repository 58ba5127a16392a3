// res.profile (runtime/profile.ts) in Node, against a real local server: which fields come from
// the fetch's Resource Timing entry, which from the runtime's own clock, and which entry is taken.
import test from 'ava';
import { configure, request, type RequestProfile } from '../../runtime/index.js';
import { startServer, type TestServer } from './support/server.js';

let server: TestServer;
let url: (query: string) => string;
test.before(async () => {
  server = await startServer();
  url = (query) => `${server.origin}/p?${query}`;
  configure({ allowedOrigins: [server.origin] });
});
test.after.always(() => server.close());
test.afterEach.always(() => configure({ maxConcurrent: 10 }));

/** The profile read inside `success` (a copy) and the getter's value a little later (Node adds the entry on a later turn). */
function profiles(query: string): Promise<{ early: RequestProfile; late: RequestProfile; kept: boolean }> {
  return new Promise((resolve) =>
    request({
      url: url(query),
      success: (res) => {
        const early = { ...res.profile };
        setTimeout(() => resolve({ early, late: res.profile, kept: res.profile === res.profile }), 30);
      },
    }),
  );
}

/** An epoch time of the profile, back on the entry's clock (to the microsecond: the sum rounds). */
const since = (time: number) => Math.round((time - performance.timeOrigin) * 1000) / 1000;
const round = (time: number) => Math.round(time * 1000) / 1000;

test.serial('before the entry exists: fetchStart, responseStart and responseEnd from the runtime\'s clock, the other phases 0', async (t) => {
  const { early } = await profiles('id=early');
  t.is(early.fetchStart, early.queueEnd, 'the request left the queue');
  t.true(early.queueEnd <= early.responseStart && early.responseStart <= early.responseEnd);
  for (const name of ['connectStart', 'requestStart', 'domainLookUpStart', 'SSLconnectionEnd'] as const) t.is(early[name], 0, name);
  t.is(early.protocol, '');
});

test.serial('once the entry exists: the network phases are the entry\'s, under WeChat\'s names, and the profile is kept', async (t) => {
  const { late, kept } = await profiles('id=late');
  const [entry] = performance.getEntriesByName(url('id=late'), 'resource') as PerformanceResourceTiming[];
  t.truthy(entry);
  t.is(since(late.fetchStart), round(entry!.fetchStart));
  t.is(since(late.domainLookUpStart), round(entry!.domainLookupStart), 'domainLookUp… is domainLookup… in another case');
  t.is(since(late.requestStart), round(entry!.requestStart));
  t.is(since(late.responseEnd), round(entry!.responseEnd));
  t.true(late.invokeStart <= late.queueEnd && late.queueEnd <= late.fetchStart + 1, 'the queue times stay the runtime\'s');
  t.is(late.requestEnd, 0, 'the web cannot know it');
  t.true(kept, 'the same object on every read once the entry was found');
});

test.serial('the same URL twice, the second queued behind the first: each request gets its own entry', async (t) => {
  configure({ maxConcurrent: 1 });
  const [first, second] = await Promise.all([profiles('id=twice&delay=30'), profiles('id=twice&delay=30')]);
  t.true(first.late.fetchStart < second.late.queueEnd, "the first's entry started before the second left the queue");
  t.true(second.late.fetchStart >= second.late.queueEnd - 1, "the second's entry started after it left the queue");
});

test.serial('without Resource Timing (no getEntriesByName) the profile still has every field, from the runtime\'s clock', async (t) => {
  const original = performance.getEntriesByName;
  Object.defineProperty(performance, 'getEntriesByName', { value: undefined, configurable: true, writable: true });
  try {
    const { late, kept } = await profiles('id=none');
    t.is(Object.keys(late).length, 31);
    t.is(late.fetchStart, late.queueEnd);
    t.true(late.responseEnd >= late.responseStart && late.responseStart > 0);
    t.is(late.connectStart, 0);
    t.false(kept, 'read again later in case the entry arrives');
  } finally {
    Object.defineProperty(performance, 'getEntriesByName', { value: original, configurable: true, writable: true });
  }
});
