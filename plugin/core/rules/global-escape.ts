import type { GlobalUseKind } from '../global-use.js';
import { NETWORK_APIS } from '../network-apis.js';
import type { Rule } from './rule.js';

// The package's own runtime, named as users import it (options.ts imports the rules: no import back).
const RUNTIME = 'babel-plugin-wx-request/runtime';

const WHAT: Readonly<Record<GlobalUseKind, (global: string) => string>> = {
  value: (global) => `the global ${global} object is used as a value here`,
  argument: (global) => `the global ${global} object is passed to a function here`,
  'dynamic-key': (global) => `a property of the global ${global} whose name is not known at build time is read here`,
  rest: (global) => `the rest element takes every property of the global ${global} here`,
};

export function globalEscapeMessage(global: string, kind: GlobalUseKind): string {
  return (
    `${WHAT[kind](global)}, so a ${global}.request reached through it is not rewritten: it misses the web runtime and any wrapper installed on ${global}.request. ` +
    `Call ${global}.request directly, or import { wx } from '${RUNTIME}' and use that object.`
  );
}

export const globalEscape: Rule = {
  id: 'global-escape',
  defaultSeverity: 'warn',
  apis: NETWORK_APIS,
  description: 'The global wx object is used as a value through which wx.request can be reached unseen.',
  help:
    'The plugin rewrites every wx.request it can see to the runtime\'s shared wx stand-in. When the wx object itself is stored, passed to a function, spread, or read with a computed key, a request made through it later calls the page\'s own wx (absent on the web) and skips any wrapper the app installed. ' +
    `Call wx.request directly, or import { wx } from '${RUNTIME}' and hand that object on instead.`,
  example: 'const api = wx;\napi.request({ url: \'https://api.example.com/items\' })',
  check: () => [],
  checkGlobalUse(use) {
    return [{ span: use.span, message: globalEscapeMessage(use.global, use.kind) }];
  },
};
