/**
 * An origin as it is compared with the allowed ones (`allowedOrigins`, `allowOrigins()`): lower
 * case, no trailing slash. The runtime owns the rule, since it is the one that refuses a port at
 * run time; the plugin's build-time check (plugin/core) imports it, so that what the build accepts
 * is exactly what the runtime will. It stays free of imports: the runtime depends on nothing.
 */
export function normaliseOrigin(origin: string): string {
  return origin.toLowerCase().replace(/\/+$/, '');
}
