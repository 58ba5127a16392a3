import { PORT_USAGE } from './port/options.js';
import { manifest, missingPeerMessage } from './package-info.js';
import { UsageError } from './usage-error.js';

const USAGE = `Usage: wx-request <command> [options]

Commands:
  check [paths…]                 validate a code base's wx.request calls (type-aware)
  port <dir> --out-dir <dir>     port a mini-program tree to the web
  origins [paths…]               list the origins the code calls (WeChat's domain lists, the dev proxy)

Options:
  -h, --help                     print this help
  -v, --version                  print the version of babel-plugin-wx-request

Run "wx-request <command> --help" for a command's options.`;

type Command = (argv: string[]) => Promise<number>;

/** The checker is loaded only for `check`: `port` never pays for ts-morph. */
async function loadCheck(command: 'check' | 'origins' = 'check'): Promise<Command> {
  const module = (await import(new URL('../checker/cli.js', import.meta.url).href)) as { main: Command };
  return (argv) => module.main([command, ...argv]);
}

/** `port` runs Babel, a peer dependency: loaded only for `port`, and its absence is one line. */
async function loadPort(): Promise<Command> {
  try {
    return (await import('./port/run.js')).runPort;
  } catch (error) {
    const message = missingPeerMessage(error, '@babel/core', 'wx-request port');
    throw message === undefined ? error : new UsageError(message);
  }
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
      return await (await loadPort())(rest);
    }
    if (command === 'check') return await (await loadCheck())(rest);
    if (command === 'origins') return await (await loadCheck('origins'))(rest);
    if (command === '--version' || command === '-v') {
      process.stdout.write(`${manifest.version}\n`);
      return 0;
    }
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
