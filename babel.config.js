// The canonical configuration: what a project porting mini-program code to the web writes.
// The sample app, the demo and `wx-request port` all use it.
export default {
  // Mini-program files are mostly CommonJS; "unambiguous" parses them as scripts, ES modules as modules.
  sourceType: 'unambiguous',
  plugins: [
    [
      'wx-request',
      {
        // Severity per rule: 'error' fails the build, 'warn' prints, 'off' skips.
        rules: { 'unknown-option': 'warn', 'timeout-range': 'warn' },
        // Origins registered with a port in the WeChat console.
        allowedOrigins: [],
        globals: ['wx', 'qq', 'tt', 'swan'],
        runtime: 'babel-plugin-wx-request/runtime',
      },
    ],
  ],
};
