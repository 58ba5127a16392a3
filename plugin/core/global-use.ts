import type { Span } from './call-site.js';

/**
 * How a use of the global `wx` object (or another configured global) lets its `request` travel
 * where the plugin cannot follow it, so that a call made through it is not rewritten:
 * - `value`: the object itself is kept or handed on (`const api = wx`, `return wx`, `wx || qq`, `{ ...wx }`);
 * - `argument`: it is passed to a function (`promisify(wx)`, `Object.keys(wx)`);
 * - `dynamic-key`: a property whose name is not known at build time is read (`wx[name]`);
 * - `rest`: a destructuring's rest element takes every property (`const { showToast, ...api } = wx`).
 */
export type GlobalUseKind = 'value' | 'argument' | 'dynamic-key' | 'rest';

/** The neutral description of one such use; both front ends produce it, the rule engine reads it. */
export interface GlobalUse {
  file: string;
  /** The global's name as written (`wx`, `qq`). */
  global: string;
  kind: GlobalUseKind;
  span: Span;
}
