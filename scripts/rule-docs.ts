import * as babel from '@babel/core';
import plugin from '../plugin/index.js';
import type { Diagnostic } from '../plugin/core/diagnostic.js';
import { formatDiagnostic } from '../plugin/core/format.js';
import { RULES, type Rule } from '../plugin/core/rules/index.js';

export const START = '<!-- rules:start (generated from plugin/core/rules by `npm run docs`) -->';
export const END = '<!-- rules:end -->';

/** Runs the plugin over a rule's own example, so the documented diagnostic is the real one. */
function exampleDiagnostic(rule: Rule): string {
  const diagnostics: Diagnostic[] = [];
  try {
    babel.transformSync(rule.example, {
      babelrc: false,
      configFile: false,
      filename: 'pages/index.js',
      cwd: process.cwd(),
      plugins: [[plugin, { onDiagnostic: (diagnostic: Diagnostic) => diagnostics.push(diagnostic) }]],
    });
  } catch {
    // Error-severity examples throw after reporting; the diagnostic was collected already.
  }
  const own = diagnostics.find((diagnostic) => diagnostic.ruleId === rule.id);
  if (!own) throw new Error(`the example of rule ${rule.id} does not trigger it`);
  return formatDiagnostic(own, rule.example);
}

export function renderRules(): string {
  const apis = (rule: (typeof RULES)[number]) => rule.apis.map((api) => `\`wx.${api}\``).join(', ');
  const table = ['| rule | default | APIs | reports |', '|---|---|---|---|', ...RULES.map((rule) => `| [\`${rule.id}\`](#${rule.id}) | ${rule.defaultSeverity} | ${apis(rule)} | ${rule.description} |`)];
  const sections = RULES.map((rule) =>
    [`### ${rule.id}`, '', `Default: **${rule.defaultSeverity}**. Checks ${apis(rule)}. ${rule.help}`, '', '```js', rule.example, '```', '', '```text', exampleDiagnostic(rule), '```'].join('\n'),
  );
  return [START, table.join('\n'), ...sections, END].join('\n\n');
}

export function withRules(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start === -1 || end === -1) throw new Error(`README.md lacks the markers ${START} … ${END}`);
  return readme.slice(0, start) + renderRules() + readme.slice(end + END.length);
}
