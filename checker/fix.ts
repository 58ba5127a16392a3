export { fixesFor } from '../plugin/typescript/fix-target.js';
export { applyFixes } from '../plugin/core/apply-edits.js';
export type { Edit } from '../plugin/core/fixes.js';
