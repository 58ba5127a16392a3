import type { RequestProfile } from '../../../runtime/index.js';

/**
 * Resolves with `res.profile` once the runtime has found the request's Resource Timing entry. The
 * platform adds the entry some time after the body was read (Node: on a later turn of the event
 * loop), so this waits on the entries themselves: the getter is asked again whenever a resource
 * entry is added, and the profile is settled when two reads give the same object (the runtime keeps
 * it once its entry was found).
 */
export function settledProfile(res: { readonly profile: RequestProfile }): Promise<RequestProfile> {
  return new Promise((resolve) => {
    const ask = () => {
      const profile = res.profile;
      if (profile !== res.profile) return;
      observer.disconnect();
      resolve(profile);
    };
    const observer = new PerformanceObserver(ask);
    observer.observe({ entryTypes: ['resource'] });
    ask();
  });
}

/**
 * Resolves once the platform has a Resource Timing entry for `url`. It reads the observer's own
 * lists (buffered: the entries so far come first), not `performance.getEntriesByName`, which a
 * test may have taken away.
 */
export function resourceEntry(url: string): Promise<PerformanceResourceTiming> {
  return new Promise((resolve) => {
    const observer = new PerformanceObserver((list) => {
      const [entry] = list.getEntriesByName(url, 'resource');
      if (!entry) return;
      observer.disconnect();
      resolve(entry as PerformanceResourceTiming);
    });
    observer.observe({ type: 'resource', buffered: true });
  });
}
