import type { ServerResponse } from 'node:http';

export interface InFlight {
  inFlight: number;
  maxInFlight: number;
}

/** Counts a request as in flight from now until its response closes (answered, reset or aborted). */
export function trackInFlight(state: InFlight, response: ServerResponse): void {
  state.inFlight++;
  state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
  response.once('close', () => state.inFlight--);
}
