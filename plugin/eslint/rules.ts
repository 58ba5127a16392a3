import type { Rule, SourceCode } from 'eslint';
import type { Span } from '../core/call-site.js';
import { ruleDocsUrl } from '../core/docs-url.js';
import { checkCallSites } from '../core/engine.js';
import { FIXABLE_RULES } from '../core/fixes.js';
import { resolveOptions, type FileOptions, type ResolvedOptions, type WxRequestOptions } from '../core/options.js';
import { RULES, type Rule as EngineRule } from '../core/rules/index.js';
import { findingsOf } from './findings-cache.js';
import { projectOptions } from './project-options.js';

/** The plugin's prefix in rule ids (`wx-request/method-uppercase`) and its key in `settings`. */
export const PLUGIN_NAME = 'wx-request';

/** `settings['wx-request']`: what every rule of the plugin shares, as `settings['import/resolver']` is for eslint-plugin-import. */
export interface WxRequestSettings {
  /** The global objects whose `request` is checked. Default `['wx']`. */
  globals?: string[];
  /** Origins whose port `url-no-port` allows, for every file (a rule option adds to them). */
  allowedOrigins?: string[];
  /** The project configuration file: `false` for none, or a path from ESLint's cwd. Default: the nearest one. */
  configFile?: false | string;
}

const ORIGINS = { type: 'array', items: { type: 'string' }, uniqueItems: true, description: 'Origins (scheme://host:port) whose port is allowed, such as "https://api.example.com:8443".' };

/** The rules that take options, by id; every other rule takes none. */
const RULE_OPTIONS: Readonly<Record<string, Rule.RuleMetaData['schema']>> = {
  'url-no-port': [{ type: 'object', properties: { allowedOrigins: ORIGINS }, additionalProperties: false }],
};

function toLoc(span: Span): { start: { line: number; column: number }; end: { line: number; column: number } } {
  // Our spans are 1-based in both line and column; ESLint's columns are 0-based.
  return { start: { line: span.line, column: span.column - 1 }, end: { line: span.endLine, column: span.endColumn - 1 } };
}

function settingsOf(context: Rule.RuleContext): WxRequestSettings {
  const settings = (context.settings as Record<string, unknown>)[PLUGIN_NAME];
  return settings !== null && typeof settings === 'object' ? (settings as WxRequestSettings) : {};
}

// The project configuration of a file, looked up once for all the plugin's rules (they share the
// file's SourceCode object) rather than once per rule.
const projects = new WeakMap<SourceCode, Map<string, Readonly<FileOptions>>>();

function projectOf(context: Rule.RuleContext, configFile: false | string | undefined): Readonly<FileOptions> {
  const key = `${typeof configFile}:${String(configFile)}`;
  let perFile = projects.get(context.sourceCode);
  if (!perFile) projects.set(context.sourceCode, (perFile = new Map()));
  let options = perFile.get(key);
  if (!options) perFile.set(key, (options = projectOptions(context.filename, context.cwd, configFile)));
  return options;
}

// The same settings give the same options: resolved once, not once per rule and file.
const resolved = new Map<string, ResolvedOptions>();

function resolvedOptions(input: WxRequestOptions): ResolvedOptions {
  const key = JSON.stringify(input);
  let options = resolved.get(key);
  if (!options) resolved.set(key, (options = resolveOptions(input)));
  return options;
}

function createRule(rule: EngineRule): Rule.RuleModule {
  return {
    meta: {
      type: rule.defaultSeverity === 'error' ? 'problem' : 'suggestion',
      docs: { description: rule.description, recommended: true, url: ruleDocsUrl(rule.id) },
      messages: { finding: '{{ message }}' },
      ...(FIXABLE_RULES.has(rule.id) ? { fixable: 'code' as const } : {}),
      hasSuggestions: false,
      schema: RULE_OPTIONS[rule.id] ?? [],
    },
    create(context) {
      const settings = settingsOf(context);
      const project = projectOf(context, settings.configFile);
      if (project.rules?.[rule.id] === 'off') return {};
      const ruleOptions = (context.options[0] ?? {}) as { allowedOrigins?: string[] };
      const input: WxRequestOptions = {
        globals: settings.globals ?? project.globals,
        allowedOrigins: [...(project.allowedOrigins ?? []), ...(settings.allowedOrigins ?? []), ...(ruleOptions.allowedOrigins ?? [])],
      };
      // Bad settings are the user's mistake: the message names the option and what it accepts.
      const options = resolvedOptions(input);
      // ESLint has parsed the file (a syntax error stops it before any rule): its tree is read as it
      // is, once for all the plugin's rules. Most files have nothing for them: then the rule listens
      // to nothing, and costs ESLint no call at all.
      const findings = findingsOf(context, options.globals);
      if (findings.sites.length === 0 && findings.globalUses.length === 0) return {};
      return {
        Program() {
          for (const diagnostic of checkCallSites(findings.sites, { ...options, rules: { [rule.id]: 'error' } }, findings.globalUses)) {
            const edit = findings.fixFor(rule.id, diagnostic);
            context.report({
              loc: toLoc(diagnostic),
              messageId: 'finding',
              data: { message: diagnostic.message },
              ...(edit ? { fix: (fixer: Rule.RuleFixer) => fixer.replaceTextRange([edit.start, edit.end], edit.text) } : {}),
            });
          }
        },
      };
    },
  };
}

/** One ESLint rule per rule of the engine, so a new engine rule is an ESLint rule too. */
export const rules: Record<string, Rule.RuleModule> = Object.fromEntries(RULES.map((rule) => [rule.id, createRule(rule)]));

/** `'wx-request/<id>'` → the package's default severity. */
export const recommendedRules: Record<string, 'error' | 'warn'> = Object.fromEntries(RULES.map((rule) => [`${PLUGIN_NAME}/${rule.id}`, rule.defaultSeverity]));
