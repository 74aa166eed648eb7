// The GradCanvas command line: npm run cli -- <command> FILE [options]. See USAGE.
import { printable } from '../codegen/printable';
import { type CliArgs, parseArgs, USAGE } from './args';
import { CliError, EXIT_INVALID, EXIT_USAGE, runCommand } from './commands';

function main(): void {
  let args: CliArgs;
  try {
    const argv = process.argv.slice(2);
    if (argv.length === 0 || argv[0] === 'help' || argv.includes('--help')) {
      console.log(USAGE);
      return;
    }
    args = parseArgs(argv);
  } catch (e) {
    // Usage errors quote the argument they refuse, which may hold anything.
    console.error(`${printable((e as Error).message)}\n\n${USAGE}`);
    process.exitCode = EXIT_USAGE;
    return;
  }
  try {
    runCommand(args, (line) => console.log(line));
  } catch (e) {
    // A CliError has escaped its own lines; any other message is one line quoting user text.
    console.error(e instanceof CliError ? e.message : printable(e instanceof Error ? e.message : String(e)));
    process.exitCode = e instanceof CliError ? e.code : EXIT_INVALID;
  }
}

main();
