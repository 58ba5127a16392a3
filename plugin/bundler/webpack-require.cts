// What `require('babel-plugin-wx-request/webpack')` returns: the plugin function itself, so a
// CommonJS webpack.config.js writes `plugins: [require('babel-plugin-wx-request/webpack')({ … })]`.
import plugin = require('./webpack.js');

export = plugin.default;
