/** Where users read the package's documentation (the README as npm shows it). */
export const PACKAGE_URL = 'https://www.npmjs.com/package/babel-plugin-wx-request';

/** The README section of one rule: its heading is the rule id, so the anchor is the id. */
export function ruleDocsUrl(id: string): string {
  return `${PACKAGE_URL}#${id}`;
}
