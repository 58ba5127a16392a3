export { fixesFor } from '../plugin/typescript/fix-target.js';
export { applyEdits, type Edit } from '../plugin/core/fixes.js';
