// res.profile (runtime/profile.ts) in Node, against a real local server: which fields come from
// the fetch's Resource Timing entry, which from the runtime's own clock, and which entry is taken.
import test from 'ava';
import { configure, request, type RequestProfile } from '../../runtime/index.js';
import { startServer, type TestServer } from './support/server.js';
import { resourceEntry, settledProfile } from './support/settled-profile.js';

let server: TestServer;
let url: (query: string) => string;
test.before(async () => {
  server = await startServer();
  url = (query) => `${server.origin}/p?${query}`;
  configure({ allowedOrigins: [server.origin] });
});
test.after.always(() => server.close());
test.afterEach.always(() => configure({ maxConcurrent: 10 }));

/** The profile read inside `success` (a copy), and the profile once the platform's entry exists and the runtime found it. */
function profiles(query: string): Promise<{ early: RequestProfile; late: RequestProfile; kept: boolean }> {
  return new Promise((resolve) =>
    request({
      url: url(query),
      success: (res) => {
        const early = { ...res.profile };
        void settledProfile(res).then((late) => resolve({ early, late, kept: res.profile === late }));
      },
    }),
  );
}

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
  // The profile's time is performance.timeOrigin + the entry's, as the runtime computes it: the
  // same sum of the same doubles, so equal exactly (taking timeOrigin off again and rounding would
  // land on the other side of a half now and then).
  const epoch = (time: number) => performance.timeOrigin + time;
  t.is(late.fetchStart, epoch(entry!.fetchStart));
  t.is(late.domainLookUpStart, epoch(entry!.domainLookupStart), 'domainLookUp… is domainLookup… in another case');
  t.is(late.requestStart, epoch(entry!.requestStart));
  t.is(late.responseEnd, epoch(entry!.responseEnd));
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
    let result!: { profile: RequestProfile };
    const early = await new Promise<RequestProfile>((resolve) => request({ url: url('id=none'), success: (res) => ((result = res), resolve(res.profile)) }));
    // The platform still records the entry (only the lookup is gone): once it exists, the runtime
    // still answers from its own clock, and reads again.
    await resourceEntry(url('id=none'));
    const late = result.profile;
    const kept = late === result.profile || late === early;
    t.is(Object.keys(late).length, 31);
    t.is(late.fetchStart, late.queueEnd);
    t.true(late.responseEnd >= late.responseStart && late.responseStart > 0);
    t.is(late.connectStart, 0);
    t.false(kept, 'read again later in case the entry arrives');
  } finally {
    Object.defineProperty(performance, 'getEntriesByName', { value: original, configurable: true, writable: true });
  }
});
