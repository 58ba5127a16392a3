import { runPort } from './port/run.js';
import { PORT_USAGE } from './port/options.js';
import { UsageError } from './usage-error.js';

const USAGE = `Usage: wx-request <command> [options]

Commands:
  check [paths…]                 validate a code base's wx.request calls (type-aware)
  port <dir> --out-dir <dir>     port a mini-program tree to the web

Run "wx-request <command> --help" for a command's options.`;

type Command = (argv: string[]) => Promise<number>;

/** The checker is loaded only for `check`: `port` never pays for ts-morph. */
async function loadCheck(): Promise<Command> {
  const module = (await import(new URL('../checker/cli.js', import.meta.url).href)) as { main: Command };
  return (argv) => module.main(['check', ...argv]);
}

/** The `wx-request` executable. Returns the exit code; user mistakes never print a stack trace. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'port') {
      if (rest.includes('--help') || rest.includes('-h')) {
        process.stdout.write(`${PORT_USAGE}\n`);
        return 0;
      }
      return await runPort(rest);
    }
    if (command === 'check') return await (await loadCheck())(rest);
    if (command === undefined || command === '--help' || command === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    }
    throw new UsageError(`unknown command "${command}".\n\n${USAGE}`);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`wx-request: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
