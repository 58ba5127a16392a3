import type { RequestProfile } from './types.js';

/**
 * The moments the runtime itself sees, from performance.now(): request() was called (and queued),
 * the request left the queue, its status and headers arrived, its body was read whole.
 */
export type Clock = number[];

/** Defines `result.profile` for the request to `url`. */
export type ProfileReader = (result: object, url: string, clock: Clock) => void;

// WeChat's profile fields that hold a time, one word each: the WeChat name, `=` and the Resource
// Timing entry's field where that differs, and the index in the Clock of the runtime's own time
// for the field, used where the entry has none (or there is no entry). The fields from `requestEnd`
// on the web cannot know (no HttpDNS, no RTT or throughput estimates, no port, no byte counts): 0.
// One string, one loop: the names are the bytes a page pays for, and gzip folds their repeats.
const TIMES =
  'invokeStart0 queueStart0 queueEnd1 fetchStart1 redirectStart redirectEnd domainLookUpStart=domainLookupStart domainLookUpEnd=domainLookupEnd connectStart connectEnd SSLconnectionStart=secureConnectionStart SSLconnectionEnd=connectEnd requestStart responseStart2 responseEnd3 requestEnd rtt estimate_nettype httpRttEstimate transportRttEstimate downstreamThroughputKbpsEstimate throughputKbps httpDNSDomainLookUpStart httpDNSDomainLookUpEnd port sendBytesCount receivedBytedCount';
// [A-z] also takes `_` (estimate_nettype); a missing alias or clock index matches ''.
const FIELD = /([A-z]+)=?([A-z]*)(\d?)/g;

/**
 * Defines `res.profile`, WeChat's RequestProfile in epoch milliseconds as WeChat's, read on demand:
 * the platform adds the request's Resource Timing entry (browsers; Node's fetch too) after the body
 * is read (Node: on the next turn of the event loop, after `success` ran). The entry taken is the
 * first (entries come in order of startTime) that started once the request left the queue, so the
 * same URL in flight twice gets its own. The network phases come from the entry; the queue times,
 * and without an entry fetchStart, responseStart and responseEnd, from the runtime's own clock;
 * the rest is 0, '' or false. Once an entry was found the profile is kept.
 */
export const defineProfile: ProfileReader = (result, url, clock) => {
  let kept: RequestProfile | undefined;
  Object.defineProperty(result, 'profile', {
    enumerable: true,
    get() {
      if (kept) return kept;
      // `?.`: a platform without Resource Timing (React Native, some embedded engines) gives no entry.
      const entry: any = performance.getEntriesByName?.(new URL(url, globalThis.location?.href).href, 'resource').find((found) => found.startTime > clock[1]! - 1);
      const profile: any = { peerIP: '', protocol: entry?.nextHopProtocol ?? '', socketReused: false, usingHighPerformanceMode: false };
      for (const [, name, alias, own] of TIMES.matchAll(FIELD) as Iterable<string[]>) {
        const time = entry?.[alias || name!] || clock[own as never];
        profile[name!] = time ? performance.timeOrigin + time : 0;
      }
      // SSLconnectionEnd is the entry's connectEnd: 0 too when the connection had no TLS. (Node's
      // fetch gives an http: request a secureConnectionStart; the README says so rather than the
      // bundle testing the scheme.)
      if (!profile.SSLconnectionStart) profile.SSLconnectionEnd = 0;
      return entry ? (kept = profile) : profile;
    },
  });
};
