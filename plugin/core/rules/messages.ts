/**
 * The wording of the diagnostics that the runtime repeats at run time, apart from the rule
 * objects: the runtime imports only this file, so a bundle keeps the sentences and none of the
 * rules' documentation. Pure, with no imports but types.
 */
import type { PortFinding } from '../url-port.js';
import { SUPPORTED_METHODS } from './methods.js';

export const MAX_TIMEOUT = 60000;

export function methodUppercaseMessage(method: string): string {
  return `method "${method}" is not uppercase, as WeChat's documentation requires (its runtime would send it uppercased). Write "${method.toUpperCase()}".`;
}

export function methodSupportedMessage(method: string): string {
  return `method "${method}" is not supported by wx.request: use one of ${SUPPORTED_METHODS.join(', ')}.`;
}

export function urlNoPortMessage(finding: PortFinding): string {
  const port = finding.port === undefined ? 'a port' : `port ${finding.port}`;
  return (
    `URL origin "${finding.origin}" has ${port}: WeChat refuses URLs with a port, default ports included. ` +
    `Remove the port, or list the origin in allowedOrigins if the domain is registered with its port.`
  );
}

export function refererMessage(name: string): string {
  return `header "${name}" cannot be set: WeChat forbids the Referer header and the browser sets its own. Remove it.`;
}

export function timeoutRangeMessage(timeout: number): string {
  return timeout > MAX_TIMEOUT
    ? `timeout ${timeout} is above WeChat's maximum of ${MAX_TIMEOUT} ms: it is capped at ${MAX_TIMEOUT}. Use at most ${MAX_TIMEOUT}.`
    : `timeout ${timeout} is not a positive number of milliseconds: use a value from 1 to ${MAX_TIMEOUT}.`;
}
