// The local keep-alive HTTP server of the runtime benchmark, in its own process so that its CPU
// does not count against the client. Prints its port, then serves a small JSON body forever.
import http from 'node:http';

const body = JSON.stringify({ ok: true, items: [1, 2, 3], message: 'hello from the benchmark server' });
const server = http.createServer({ keepAlive: true, keepAliveTimeout: 30_000 }, (_request, response) => {
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  response.end(body);
});
server.keepAliveTimeout = 30_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${typeof address === 'object' && address ? address.port : 0}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
