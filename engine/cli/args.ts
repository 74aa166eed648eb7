import { RESERVED_NAMES } from '../format/rawLimits';
import { parseDecimal } from '../format/decimal';
import { MAX_NAME_CHARS } from '../limits';
import { type DivergenceSetting, NEVER_STOP } from '../train/divergence';
import type { Dtype } from '../tensor/float32';
import type { NotebookLang } from '../codegen/notebookText';

/** Parsed command line: the command, the file, and options. */
export interface CliArgs {
  readonly command: string;
  readonly file: string;
  readonly epochs?: number;
  readonly lr?: number;
  readonly logEvery?: number;
  /** The divergence factor from --divergence-factor: a number above 1, null for `off`, `"never"` for `never`; absent: the file's setting. */
  readonly divergenceFactor?: DivergenceSetting;
  /** Where `train` writes the trained graph, `export-pytorch` the script, or `export-notebook` the notebook. */
  readonly output?: string;
  /** How many backward passes `grad` runs without zeroing (default 1). */
  readonly times?: number;
  /** `eval` runs on the validation split instead of the training data. */
  readonly validation?: boolean;
  /** The number type from --dtype, over the file's `dtype`. */
  readonly dtype?: Dtype;
  /** The language of an exported notebook's explanations (--lang; default English). */
  readonly lang?: NotebookLang;
  /** The directory the exported script finds the CSV files of --csv in (--data-dir), instead of their paths as given. */
  readonly dataDir?: string;
  /** Datasets bound from CSV files: NAME → path. */
  readonly csv: ReadonlyMap<string, string>;
}

/** Usage text printed for `help` and on a usage error. */
export const USAGE = `usage: npm run cli -- <command> FILE [options]

commands:
  check FILE            validate a graph file (and its validation data); exit 1 with the errors
  eval FILE             run forward and print every node's value
      --validation        on the validation split: each dataset NAME with a NAME_test
                          beside it is read from NAME_test
  grad FILE             run forward and backward and print every leaf's gradient
      --times N           run N backward passes without zeroing (default 1): the
                          gradients accumulate, as .grad does in PyTorch
  train FILE            train and print epoch,loss[,acc][,val_loss[,val_acc]] lines
                        (acc with training.metrics.accuracy; val_ columns when a
                        dataset has a NAME_test split), then the final parameters
      --epochs N          epochs (default: the file's setting)
      --lr X              learning rate (default: the file's setting)
      --log-every K       print every K-th epoch and the last (default: the file's
                          training.logEvery, else 1)
      --divergence-factor F|off|never
                          stop when the loss exceeds F × the first epoch's loss
                          (F above 1; default: the file's setting, else 1e6); off:
                          stop only on inf or nan; never: turn divergence stopping
                          off entirely, every epoch runs through inf and nan
      -o, --output PATH   also write the trained graph (parameters, optimizer state
                          and shuffle seed) to PATH, to train on from it later
                          (datasets from --csv are not written into it: pass them again)
  export-pytorch FILE   print a runnable PyTorch script of the graph
      -o, --output PATH   write it to PATH instead
      --epochs, --lr, --log-every, --divergence-factor   as for train
  export-notebook FILE  print the same script as a Jupyter notebook (nbformat 4): a
                        cell per part (data, model, loss, optimizer, training loop),
                        each after a Markdown cell explaining it, and a loss plot
      -o, --output PATH   write it to PATH instead (course.ipynb)
      --lang en|ja        the language of the explanations (default en)
      --epochs, --lr, --log-every, --divergence-factor   as for train
  (both exports read a dataset of more than 10,000 rows bound with --csv from its CSV
   file, at the path given, instead of writing its rows into the file)
      --data-dir DIR      read those CSV files from DIR (path relative to where the
                          script runs), by their file names
  import-pytorch FILE.py
                        build a graph from PyTorch code of the supported subset
                        (docs/code-import.md) and print it; code outside it
                        stops with its line:column and writes nothing
      -o, --output PATH   write the graph to PATH instead

options for every command:
  --csv NAME=path.csv   use a CSV file (header row, numeric columns) as dataset NAME
                        (NAME_test=path.csv binds the validation split of NAME)
  --dtype float32|float64
                        compute in this number type (default: the file's dtype, else
                        float64); float32 computes as PyTorch does by default, and the
                        exported script sets the same dtype`;

/** Reads argv (without node and script); throws an Error with a message on bad usage. */
export function parseArgs(argv: readonly string[]): CliArgs {
  const rest: string[] = [];
  const csv = new Map<string, string>();
  let epochs: number | undefined;
  let lr: number | undefined;
  let logEvery: number | undefined;
  let divergenceFactor: DivergenceSetting | undefined;
  let output: string | undefined;
  let times: number | undefined;
  let validation: boolean | undefined;
  let dtype: Dtype | undefined;
  let lang: NotebookLang | undefined;
  let dataDir: string | undefined;
  const value = (i: number, flag: string) => {
    const v = argv[i + 1];
    if (v === undefined) throw new Error(`${flag} needs a value`);
    return v;
  };
  const positiveInt = (v: string, flag: string) => {
    const n = parseDecimal(v);
    if (n === null || !Number.isInteger(n) || n < 0) throw new Error(`${flag} must be a whole number, got '${v}'`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--epochs') epochs = positiveInt(value(i++, a), a);
    else if (a === '--log-every') logEvery = Math.max(1, positiveInt(value(i++, a), a));
    else if (a === '--lr') {
      lr = parseDecimal(value(i++, a)) ?? NaN;
      if (!(lr > 0)) throw new Error(`--lr must be a positive number, got '${argv[i]}'`);
    } else if (a === '--divergence-factor') divergenceFactor = factor(value(i++, a));
    else if (a === '-o' || a === '--output') output = value(i++, a);
    else if (a === '--times') {
      times = positiveInt(value(i++, a), a);
      if (times < 1) throw new Error(`--times must be at least 1, got '${argv[i]}'`);
    } else if (a === '--validation') validation = true;
    else if (a === '--dtype') {
      const v = value(i++, a);
      if (v !== 'float32' && v !== 'float64') throw new Error(`--dtype must be float32 or float64, got '${v}'`);
      dtype = v;
    }
    else if (a === '--data-dir') dataDir = value(i++, a);
    else if (a === '--lang') {
      const v = value(i++, a);
      if (v !== 'en' && v !== 'ja') throw new Error(`--lang must be en or ja, got '${v}'`);
      lang = v;
    } else if (a === '--csv') {
      const spec = value(i++, a);
      const eq = spec.indexOf('=');
      if (eq <= 0 || eq === spec.length - 1) throw new Error(`--csv takes NAME=path.csv, got '${spec}'`);
      const name = spec.slice(0, eq);
      // The same names a graph file may use for a dataset.
      if (RESERVED_NAMES.has(name) || name.length > MAX_NAME_CHARS) throw new Error(`--csv: '${name.slice(0, 40)}' cannot name a dataset (reserved, or longer than ${MAX_NAME_CHARS} characters)`);
      csv.set(name, spec.slice(eq + 1));
    } else if (a.startsWith('-')) throw new Error(`unknown option '${a}'`);
    else rest.push(a);
  }
  const [command, file, ...extra] = rest;
  if (!command) throw new Error('no command given');
  if (!file) throw new Error(`${command} needs a graph file`);
  if (extra.length > 0) throw new Error(`unexpected argument '${extra[0]}'`);
  if (times !== undefined && command !== 'grad') throw new Error('--times applies to grad only');
  if (validation && command !== 'eval') throw new Error('--validation applies to eval only');
  if (output !== undefined && command !== 'train' && command !== 'export-pytorch' && command !== 'export-notebook' && command !== 'import-pytorch') throw new Error('-o applies to train, export-pytorch, export-notebook and import-pytorch only');
  if (lang !== undefined && command !== 'export-notebook') throw new Error('--lang applies to export-notebook only');
  if (dataDir !== undefined && command !== 'export-pytorch' && command !== 'export-notebook') throw new Error('--data-dir applies to export-pytorch and export-notebook only');
  return { command, file, epochs, lr, logEvery, divergenceFactor, output, times, validation, dtype, lang, dataDir, csv };
}

/** The value of --divergence-factor: `off` (null), `never`, or a finite number above 1 as a graph file allows. */
function factor(v: string): DivergenceSetting {
  if (v === 'off') return null;
  if (v === NEVER_STOP) return NEVER_STOP;
  const n = parseDecimal(v);
  if (n === null || n <= 1) throw new Error(`--divergence-factor must be a number above 1, 'off' or 'never', got '${v}'`);
  return n;
}
