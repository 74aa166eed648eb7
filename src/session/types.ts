import type { Dataset, Divergence, EpochLog, FileError, FileHistory, GraphFile, GraphProblem, Problem, Program, Shape, TraceEvent } from '../../engine';
import type { Words } from '../i18n/words';
import type { ColumnRole } from '../datasets/builtin';
import type { ImportMessage } from '../datasets/csvImport';
import type { Scaling } from '../datasets/transform';
import type { EdgeView, NodeView } from '../stepper/playback';
import type { History } from '../store/history';
import type { RunError } from './runError';
import type { ParamValues } from './runHistory';

/** The canvas viewport, as React Flow reports it. */
export interface Viewport {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

/**
 * A short message for the user about the last refused action (a refused wire, a bad file):
 * plain words, the engine's `path: message` details, and the text of an unexpected failure
 * kept apart in `technical` so it is only shown folded away.
 */
export interface Notice {
  readonly kind: 'error' | 'info';
  /** Kept as message keys and parameters, worded in the language shown when it is drawn. */
  readonly text: Words;
  readonly details?: readonly NoticeDetail[];
  readonly technical?: string;
}

/** A line of a notice's details, or a file's findings worded from their reasons (one line each) when drawn. */
export type NoticeDetail = Words | { readonly problems: readonly (FileError | GraphProblem)[] };

/** The one compiled program of the current document version, with what compiling found. */
export interface CompiledDocument {
  /** What the engine computes from the document, except parameter values (those load into the program without a compile). */
  readonly key: string;
  /** The datasets the program was compiled with (compared by identity: an edit leaves them the same object). */
  readonly datasets: GraphFile['datasets'];
  readonly problems: readonly Problem[];
  readonly shapes: ReadonlyMap<string, Shape>;
  /** Over the nodes without problems (the editor shows values even while one node is unwired). */
  readonly program: Program | null;
}

/** The run that last changed what the program holds, for the status line. */
export type LastRun =
  | { readonly type: 'forward' }
  | { readonly type: 'backward' }
  | { readonly type: 'zeroGrad' }
  | { readonly type: 'step'; readonly step: number; readonly loss: number; readonly updated: boolean }
  | null;

/** What the engine holds for the document right now, beside the program's own buffers. */
export interface RunState {
  /** A failure of the last forward or backward, at the node where it happened (an internal one is shown in plain words). */
  readonly runError: RunError | null;
  /** Backward passes whose gradients the leaves now hold (they accumulate until zero grad). */
  readonly backwardCount: number;
  /** Which node the last backward started from; null before any (every `.grad` is None). */
  readonly backwardFrom: string | null;
  readonly lastRun: LastRun;
  /** Bumped whenever the program's buffers change in place, so views re-read them. */
  readonly version: number;
}

/** The step-through: one training step's events and where playback stands in them. */
export interface StepperState {
  /** The current training step's events (empty before the first Step). */
  readonly events: readonly TraceEvent[];
  /** Index of the event shown last; -1 at the start of the step (after zero_grad). */
  readonly cursor: number;
  /** The training step the events belong to (1-based: the epoch it adds to the history). */
  readonly step: number;
  /** True once the step's update has been played and written into the document. */
  readonly committed: boolean;
  readonly zeroGrad: boolean;
  readonly playing: boolean;
  /** Index into SPEEDS. */
  readonly speed: number;
  /** Label nodes with PyTorch's backward function names. */
  readonly gradFnLabels: boolean;
  /** Why the graph cannot be stepped, when it cannot. */
  readonly error: string | null;
  /** The divergence rule's finding, once the step that broke it has been played to its end; no further step starts until Reset. */
  readonly divergence: Divergence | null;
  /** Per-node and per-edge views at the cursor; unchanged views keep their identity. */
  readonly nodes: ReadonlyMap<string, NodeView>;
  readonly edges: ReadonlyMap<string, EdgeView>;
  /** The element the learner clicked to follow (UI state, never in the document); null: element 0 of each tensor. */
  readonly followed: FollowedElement | null;
}

/** One element of a node's output, by its flat (row-major) index, as the tables and the explanation follow it. */
export interface FollowedElement {
  readonly node: string;
  readonly index: number;
}

/** Why a run stopped when the divergence rule fired, with epochs counted over the whole run. */
export interface TrainingDivergence {
  readonly epoch: number;
  readonly nodes: readonly string[];
  readonly rule: Divergence['rule'];
  readonly detail: Divergence;
  /** The learning rate the message suggests lowering. */
  readonly lr: number;
}

/** A training run as the page shows it (its curve is the document's history). */
export interface TrainingState {
  readonly status: 'idle' | 'running' | 'paused' | 'done' | 'diverged';
  /** Epochs finished in this run, and how many were asked for. */
  readonly epoch: number;
  readonly epochs: number;
  /** This run's latest training loss, exactly as the CLI prints it; null before its first epoch (the document's curve holds the rest). */
  readonly lastLoss: number | null;
  /** This run's latest epoch as the CLI logs it (loss, and acc, val_loss, val_acc where measured); null before its first epoch. */
  readonly lastLog: EpochLog | null;
  readonly stepsPerSecond: number;
  readonly divergence: TrainingDivergence | null;
  /** The parameters before the run, which Reset restores. */
  readonly startParams: ParamValues | null;
  /** Why the last run could not start or stopped with an error (not divergence), in the interface language. */
  readonly error: string | null;
  /** Why the run paused when the user did not press Pause (the graph was edited). */
  readonly pausedByEdit: boolean;
}

/** A run that has not started. */
export const IDLE_TRAINING: TrainingState = {
  status: 'idle',
  epoch: 0,
  epochs: 0,
  lastLoss: null,
  lastLog: null,
  stepsPerSecond: 0,
  divergence: null,
  startParams: null,
  error: null,
  pausedByEdit: false,
};

/** The dataset being prepared in the Data panel, before Bind writes it to the document. */
export interface DatasetDraft {
  readonly name: string;
  readonly dataset: Dataset;
  readonly roles: Readonly<Record<string, ColumnRole>>;
  /** Text columns the CSV had, left out of the dataset (a `split` column). */
  readonly textColumns: readonly string[];
}

/** How the draft will be split into training and test rows. */
export interface SplitChoice {
  readonly enabled: boolean;
  readonly testFraction: number;
  readonly seed: number;
}

/** The Data panel's state: the draft, the last import's errors, split and scaling. */
export interface DatasetsState {
  readonly draft: DatasetDraft | null;
  /** Messages of the last refused import, each naming a line (and a column); the draft stays. */
  readonly errors: readonly ImportMessage[] | null;
  readonly split: SplitChoice;
  readonly scaling: Scaling;
}

/** The Data panel before anything is loaded. */
export const EMPTY_DATASETS: DatasetsState = { draft: null, errors: null, split: { enabled: false, testFraction: 0.2, seed: 0 }, scaling: 'none' };

/** Why a node is marked on the canvas: where training broke the divergence rule (the message comes from the run's divergence). */
export interface NodeMark {
  readonly kind: 'diverged';
}

/**
 * What goes with an open document besides the graph, kept with the step that opened it so
 * Undo and Redo of the open bring it back: the Recent entry it is saved to, the selection,
 * the viewport and the Data panel's draft.
 */
export interface DocumentPlace {
  /** The Recent entry; null when the page keeps none (a session on its own). */
  readonly entry: string | null;
  readonly selection: readonly string[];
  readonly viewport: Viewport | null;
  readonly datasets: DatasetsState;
}

/** Everything the session holds; only the Session's methods write it. */
export interface SessionState {
  /** The document and its undo history (an open's entry keeps what goes with the documents on either side of it). */
  readonly history: History<GraphFile, DocumentPlace>;
  readonly selection: readonly string[];
  readonly viewport: Viewport | null;
  readonly notice: Notice | null;
  readonly compiled: CompiledDocument;
  readonly run: RunState;
  /** The scalar the user picked for Backward to start from; null: the loss, or the graph's single scalar output. */
  readonly backwardPick: string | null;
  readonly stepper: StepperState;
  readonly training: TrainingState;
  /** While a run goes on, its curve ahead of what has been written into the document; null otherwise. */
  readonly liveHistory: FileHistory | null;
  readonly marks: Readonly<Record<string, NodeMark>>;
  readonly datasets: DatasetsState;
  readonly codeLink: CodeLinkState;
}

/**
 * How the code panel and the canvas point at each other (UI state, outside the document):
 * the nodes the code just added, the nodes of the statement the pointer is on in the editor,
 * and the node the pointer is on in the canvas.
 */
export interface CodeLinkState {
  /** The nodes the last Run or stepped statement added, drawn entering while `doc` is the document shown. */
  readonly entering: { readonly doc: GraphFile | null; readonly ids: ReadonlySet<string> };
  /** The nodes of the statement the pointer is on in the code editor. */
  readonly lit: ReadonlySet<string>;
  /** The node the pointer is on in the canvas; null when it is on none. */
  readonly hovered: string | null;
}
