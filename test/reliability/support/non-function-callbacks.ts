// Run in a child process by runtime-robustness.test.ts: requests whose callbacks are not
// functions. Prints "DONE <n>" once every request completed; an uncaught error kills it first.
import { configure, request } from '../../../runtime/index.js';
import { startRecordServer } from './record-server.js';

const server = await startRecordServer();
configure({ allowedOrigins: [server.origin] });
const url = `${server.origin}/x`;
let done = 0;
const count = () => void done++;
const odd: unknown[] = [5, 'callback', {}, null, true];
for (const value of odd) {
  request({ url, success: value as never, complete: count });
  request({ url: 'ftp://a.com/', fail: value as never, complete: count });
  request({ url, complete: value as never, success: count });
}
setTimeout(() => {
  process.stdout.write(`DONE ${done}\n`);
  void server.close();
}, 1500);
