import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, posix } from 'node:path';
import { compile } from '../exec/compile';
import { printable } from '../codegen/printable';
import { exportPytorch } from '../codegen/pytorch';
import { exportNotebook } from '../codegen/notebook';
import { fileOptimizerState, fileToGraph } from '../format/convert';
import { formatCsvError, parseCsv } from '../format/csv';
import { type FileError, formatFileError } from '../format/load';
import { openGraphText } from '../format/open';
import type { GraphFile } from '../format/schema';
import type { Graph } from '../graph/types';
import { divergenceMessage } from '../train/divergenceText';
import { formatCount, MAX_FILE_CHARS, overLimit } from '../limits';
import { EngineError } from '../exec/program';
import { serializeGraphFile } from '../format/save';
import { trainedFile } from '../format/trained';
import { VALIDATION_SUFFIX, validationGraph, validationName } from '../graph/validation';
import { logLine, logsEpoch, MeasuredTraining } from '../train/log';
import { accuracyProblem } from '../train/metrics';
import type { TrainSettings } from '../train/trainer';
import { ValidationRun } from '../train/validation';
import { type CliArgs, USAGE } from './args';
import { importPytorch } from './importPytorch';
import { tensorLine } from './print';

/** Exit code when the graph or the data is wrong. */
export const EXIT_INVALID = 1;
/** Exit code when the command line is wrong. */
export const EXIT_USAGE = 2;

/**
 * A failure to report on stderr with its exit code. Each of its lines goes through
 * `printable`, so the names and paths it quotes cannot break a line or drive the terminal.
 */
export class CliError extends Error {
  constructor(lines: string | readonly string[], readonly code: number) {
    super((typeof lines === 'string' ? [lines] : lines).map(printable).join('\n'));
  }
}

/**
 * Runs one command, writing its output a line at a time with user text escaped by
 * `printable` (the exported script is safe as it is: escape.ts wrote its every literal and
 * comment); throws CliError on failure.
 */
export function runCommand(args: CliArgs, out: (line: string) => void): void {
  // Its file is Python, not a graph.
  if (args.command === 'import-pytorch') return importPytorch(args, readText(args.file), out);
  const read = readGraph(args);
  // --dtype replaces the file's, for every command and for the trained file `-o` writes.
  const file = args.dtype ? { ...read, dtype: args.dtype } : read;
  const graph = withCsv(fileToGraph(file), args.csv);
  switch (args.command) {
    case 'check':
      return check(graph, file, out);
    case 'eval':
      return evaluate(args.validation ? onValidation(graph) : graph, out);
    case 'grad':
      return gradients(graph, args.times ?? 1, out);
    case 'train':
      return train(graph, file, args, out);
    case 'export-pytorch': {
      const code = exportPytorch(graph, training(file, args), { title: file.name, optimizerState: fileOptimizerState(file), csvFiles: csvFiles(args) }).code;
      if (args.output) writeText(args.output, code);
      else out(code.trimEnd());
      return;
    }
    case 'export-notebook': {
      const notebook = exportNotebook(graph, training(file, args), { title: file.name, optimizerState: fileOptimizerState(file), csvFiles: csvFiles(args), lang: args.lang });
      if (args.output) writeText(args.output, notebook);
      else out(notebook.trimEnd());
      return;
    }
    default:
      throw new CliError([`unknown command '${args.command}'`, '', ...USAGE.split('\n')], EXIT_USAGE);
  }
}

/**
 * A file's text, refused unread when its size alone shows it is over MAX_FILE_CHARS (a
 * character is at most 3 bytes of UTF-8); the loader and parseCsv then check the exact
 * length, so the CLI and the page refuse at the same number.
 */
export function readText(path: string): string {
  try {
    const bytes = statSync(path).size;
    if (bytes > 3 * MAX_FILE_CHARS) throw new CliError(`${path}: the file has ${formatCount(bytes)} bytes, ${overLimit(MAX_FILE_CHARS, 'characters')}`, EXIT_INVALID);
    return readFileSync(path, 'utf8');
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`cannot read ${path}: ${(e as Error).message}`, EXIT_INVALID);
  }
}

function readGraph(args: CliArgs): GraphFile {
  const text = readText(args.file);
  // The one way every document opens; graph problems refuse it here too, unless --csv
  // replaces datasets, whose graph is checked once they are bound.
  const r = openGraphText(text);
  const invalid = (errors: readonly FileError[]) => new CliError([`${args.file} is not a valid graph:`, ...errors.map((e) => `  ${formatFileError(e)}`)], EXIT_INVALID);
  if (!r.ok) throw invalid(r.errors);
  if (args.csv.size === 0 && r.problems.length > 0) throw invalid(r.problems);
  return r.file;
}

function withCsv(graph: Graph, csv: ReadonlyMap<string, string>): Graph {
  if (csv.size === 0) return graph;
  const datasets = { ...graph.datasets };
  for (const [name, path] of csv) {
    const r = parseCsv(readText(path));
    if (!r.ok) throw new CliError([`${path}:`, ...r.errors.map((e) => `  ${formatCsvError(e)}`)], EXIT_INVALID);
    datasets[name] = r.dataset;
  }
  return { ...graph, datasets };
}

function compiled(graph: Graph) {
  const r = compile(graph);
  if (!r.program) {
    const errors = r.problems.filter((p) => p.severity === 'error').map((p) => `  ${p.message}`);
    throw new CliError(['the graph has problems:', ...errors], EXIT_INVALID);
  }
  return r.program;
}

function check(graph: Graph, file: GraphFile, out: (line: string) => void): void {
  const program = compiled(graph);
  // The validation split and the metrics are checked too: train would stop on them.
  const accuracy = file.training.metrics?.accuracy === true;
  const problems: string[] = [];
  const noClass = accuracy ? accuracyProblem(program) : null;
  if (noClass) problems.push(`training.metrics.accuracy: ${noClass}`);
  let validation: ValidationRun | null = null;
  try {
    validation = ValidationRun.of(graph, program, { accuracy: accuracy && problems.length === 0 });
  } catch (e) {
    if (!(e instanceof EngineError)) throw e;
    problems.push(e.message);
  }
  if (problems.length > 0) throw new CliError(['the graph has problems:', ...problems.map((p) => `  ${p}`)], EXIT_INVALID);
  const split = validation ? `, validation on ${validation.datasets.map(validationName).map(printable).join(', ')}` : '';
  // The loss as train would use it: the marked one, or the one the loss rule chose.
  const loss = program.loss === undefined ? ', no loss' : `, loss ${printable(program.loss)}${graph.loss === undefined ? ' (the only candidate)' : ''}`;
  out(`ok: ${graph.nodes.length} nodes, ${graph.edges.length} edges${loss}${split}`);
}

/** The graph on its validation split, or a CliError when no bound dataset has one. */
function onValidation(graph: Graph): Graph {
  const vg = validationGraph(graph);
  if (!vg) throw new CliError(`--validation: no dataset the inputs read has a validation split (a dataset NAME${VALIDATION_SUFFIX} beside dataset NAME)`, EXIT_INVALID);
  return vg;
}

function evaluate(graph: Graph, out: (line: string) => void): void {
  const program = compiled(graph);
  program.forward();
  for (const s of program.slots) out(tensorLine(s.id, program.value(s.id)));
}

/** Forward once, then `times` backward passes without zeroing: leaf and parameter gradients add up, as .grad does. */
function gradients(graph: Graph, times: number, out: (line: string) => void): void {
  const program = compiled(graph);
  program.forward();
  for (let k = 0; k < times; k++) program.backward();
  for (const s of program.slots) {
    if (s.isLeaf && s.grad && s.def.name !== 'parameter') out(tensorLine(`${s.id}.grad`, { shape: s.shape, data: s.grad }));
  }
  for (const p of program.params) out(tensorLine(`${p.node}.${p.name}.grad`, { shape: p.shape, data: p.grad }));
}

/** The file's training settings with the command line's --epochs, --lr, --log-every and --divergence-factor over them. */
function training(file: GraphFile, args: CliArgs): TrainSettings {
  const t = file.training;
  const divergenceFactor = args.divergenceFactor === undefined ? t.divergenceFactor : args.divergenceFactor;
  return { ...t, epochs: args.epochs ?? t.epochs, optimizer: { ...t.optimizer, lr: args.lr ?? t.optimizer.lr }, divergenceFactor, logEvery: args.logEvery ?? t.logEvery };
}

function train(graph: Graph, file: GraphFile, args: CliArgs, out: (line: string) => void): void {
  const settings = training(file, args);
  const run = new MeasuredTraining(graph, settings, fileOptimizerState(file));
  const { trainer } = run;
  const every = settings.logEvery ?? 1;
  out(run.columns.join(','));
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    const record = run.epoch();
    // The epoch that stopped the run is always logged: it is the number the message talks about.
    if (logsEpoch(epoch, every, settings.epochs - 1) || trainer.divergence) out(logLine(run.columns, record));
    if (trainer.divergence) break;
  }
  // After a divergence these are the last good epoch's parameters, never the diverged ones.
  for (const p of trainer.program.params) out(tensorLine(`${p.node}.${p.name}`, { shape: p.shape, data: p.value }));
  if (args.output) writeText(args.output, serializeGraphFile(trainedFile(file, trainer.program.params, trainer.optimizer.state(), trainer.nextSeed)));
  if (trainer.divergence) throw new CliError(divergenceMessage(trainer.divergence, settings.optimizer.lr), EXIT_INVALID);
}

/** Where the exported script reads each --csv dataset: its path as given, or its file name in --data-dir. */
function csvFiles(args: CliArgs): Map<string, string> {
  const dir = args.dataDir;
  if (dir === undefined) return new Map(args.csv);
  return new Map([...args.csv].map(([name, path]) => [name, posix.join(dir, basename(path))]));
}

/** Writes a file, or a CliError naming the path. */
/** Writes a file, or fails with the reason. */
export function writeText(path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (e) {
    throw new CliError(`cannot write ${path}: ${(e as Error).message}`, EXIT_INVALID);
  }
}
