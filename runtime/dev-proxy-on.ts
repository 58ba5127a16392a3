// babel-plugin-wx-request/runtime/dev-proxy: imported by a page in a dev server that proxies the
// API origins (the bundler plugins' `devProxy` option; never in a production build). Importing it
// turns the runtime's dev proxy on (dev-proxy.ts).
import { devProxy } from './dev-proxy.js';

devProxy();
