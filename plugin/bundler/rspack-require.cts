// What `require('babel-plugin-wx-request/rspack')` returns: the plugin function itself, so a
// CommonJS rspack.config.js writes `plugins: [require('babel-plugin-wx-request/rspack')({ … })]`.
import plugin = require('./rspack.js');

export = plugin.default;
