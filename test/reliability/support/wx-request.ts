// The `wx-request` command run from source (node --import tsx), so these tests need no build:
// the same dispatcher as bin/wx-request.js (cli/main.ts), which hands `check` to the checker.
const { main } = await import('../../../cli/main.js');
process.exitCode = await main(process.argv.slice(2));
