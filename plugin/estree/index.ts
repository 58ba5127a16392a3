/**
 * The ESTree front end: ESLint's own tree (espree's, or typescript-eslint's without type
 * information) and its scope manager, read for the shared rule engine the way plugin/babel reads
 * Babel's. It translates syntax only (node-shape.ts, place.ts, scope.ts, fix-target.ts); what a
 * reference is and what a value is known to be is decided in plugin/core.
 */
export { findSites, type EstreeSites } from './find-sites.js';
export { estreeFixTarget } from './fix-target.js';
export type { Node } from './node.js';
