import { globalEscape } from './global-escape.js';
import { methodSupported } from './method-supported.js';
import { methodUppercase } from './method-uppercase.js';
import { noRefererHeader } from './no-referer-header.js';
import { requiredOption } from './required-option.js';
import type { Rule } from './rule.js';
import { timeoutRange } from './timeout-range.js';
import { unknownOption } from './unknown-option.js';
import { urlNoPort } from './url-no-port.js';

/** Every rule, in the order of SPEC.md then the project's own. */
export const RULES: readonly Rule[] = [methodUppercase, methodSupported, urlNoPort, noRefererHeader, unknownOption, timeoutRange, globalEscape, requiredOption];

export const RULE_IDS: readonly string[] = RULES.map((rule) => rule.id);

export type { Rule, RuleContext, Report } from './rule.js';
