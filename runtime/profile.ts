import type { RequestProfile } from './types.js';

/**
 * The moments the runtime itself sees, from performance.now(): request() was called (and queued),
 * the request left the queue, its status and headers arrived, its body was read whole.
 */
export type Clock = number[];

/** Defines `result.profile` for the request to `url`. */
export type ProfileReader = (result: object, url: string, clock: Clock) => void;

// WeChat's profile fields that hold a time (`=` names the Resource Timing entry's field where it
// differs), then those the web cannot know: no HttpDNS, no RTT or throughput estimates, no port, no
// byte counts. One list, one loop: the names are the bytes a page pays for.
const TIMES = 'invokeStart queueStart queueEnd fetchStart redirectStart redirectEnd domainLookUpStart=domainLookupStart domainLookUpEnd=domainLookupEnd connectStart connectEnd SSLconnectionStart=secureConnectionStart SSLconnectionEnd=connectEnd requestStart responseStart responseEnd requestEnd rtt estimate_nettype httpRttEstimate transportRttEstimate downstreamThroughputKbpsEstimate throughputKbps httpDNSDomainLookUpStart httpDNSDomainLookUpEnd port sendBytesCount receivedBytedCount';

/** The Resource Timing entry of the request to `url`: the one that started closest after the request left the queue. */
function entryOf(url: string, started: number): any {
  let entry: any;
  try {
    for (const found of performance.getEntriesByName(new URL(url, globalThis.location?.href).href, 'resource')) {
      if (found.startTime > started - 1 && !(entry?.startTime < found.startTime)) entry = found;
    }
  } catch {
    // No Resource Timing here.
  }
  return entry;
}

/**
 * WeChat's `res.profile`, in epoch milliseconds as WeChat's: the queue times from the runtime's own
 * clock; the network phases from the request's Resource Timing entry where the platform keeps one
 * (browsers; Node's fetch too), else fetchStart, responseStart and responseEnd from the runtime's
 * clock and the rest 0. What the web cannot know is 0, '' or false.
 */
export function profileOf(entry: any, [invoked, started, headers, ended]: Clock): RequestProfile {
  const origin = performance.timeOrigin;
  // The runtime's own clock, where the entry has no such field (or there is no entry).
  const own: Record<string, number | undefined> = { invokeStart: invoked, queueStart: invoked, queueEnd: started, fetchStart: started, responseStart: headers, responseEnd: ended };
  const profile: any = { peerIP: '', protocol: entry?.nextHopProtocol ?? '', socketReused: false, usingHighPerformanceMode: false };
  for (const field of TIMES.split(' ')) {
    const [name, from = name] = field.split('=') as [string, string?];
    const time = entry?.[from] || own[name];
    profile[name] = time ? origin + time : 0;
  }
  if (!profile.SSLconnectionStart) profile.SSLconnectionEnd = 0;
  return profile;
}

/**
 * Defines `res.profile`, read on demand: the platform adds the Resource Timing entry after the
 * body is read (Node: on the next turn of the event loop, after `success` ran). Once the entry was
 * found the profile is kept.
 */
export const defineProfile: ProfileReader = (result, url, clock) => {
  let kept: RequestProfile | undefined;
  Object.defineProperty(result, 'profile', {
    enumerable: true,
    get() {
      if (kept) return kept;
      const entry = entryOf(url, clock[1]!);
      const profile = profileOf(entry, clock);
      if (entry) kept = profile;
      return profile;
    },
  });
};
