import { AccuracyMeter, accuracyProblem, type GraphFile, type Program } from '../../engine';
import { curveOf } from '../session/Session';
import { lossSeries } from '../session/runHistory';
import type { LastRun, SessionState } from '../session/types';

/** One compiled node as a lesson check sees it. */
export interface NodeFacts {
  readonly id: string;
  readonly op: string;
  readonly requiresGrad: boolean;
  readonly value: readonly number[];
  /** Null, like PyTorch's None, before any backward and for nodes no gradient reaches. */
  readonly grad: readonly number[] | null;
  /** The dataset columns an input node is bound to; empty for other nodes. */
  readonly columns: readonly string[];
}

/** What lesson checks read: the session's state as plain numbers, never which button was pressed. */
export interface LessonFacts {
  readonly nodes: readonly NodeFacts[];
  readonly selection: readonly string[];
  /** Backward passes whose gradients the leaves hold now (0 after Zero grad). */
  readonly backwardCount: number;
  /** The model's loss curve: one loss per stepped or trained epoch (sampled past 10,000). */
  readonly losses: readonly number[];
  /** Epochs stepped or trained so far. */
  readonly epochs: number;
  /** The document's learning rate. */
  readonly lr: number;
  /** The divergence rule stopped a training run or the step-through. */
  readonly divergenceStopped: boolean;
  /** The phases (predict, loss, backward, update) of the step-through events shown so far in the step being played. */
  readonly phasesShown: readonly string[];
  /** Nodes are labelled with PyTorch's backward function names (grad_fn). */
  readonly gradFnLabels: boolean;
  /** The fraction of correct predictions of the classification loss's input now, over the data the graph holds; null without a classification loss. */
  readonly accuracy: number | null;
  /** The ids of every node on the canvas, computed or not. */
  readonly onCanvas: readonly string[];
  /** The last run of the toolbar or the step-through (a new object for every run). */
  readonly lastRun: LastRun;
  /** A training run is under way in the worker. */
  readonly trainingRunning: boolean;
}

/** The accuracy of the program's last forward pass, by its loss op's prediction rule; null when its loss does not classify. */
function accuracyOf(program: Program | null): number | null {
  if (!program || accuracyProblem(program) !== null) return null;
  try {
    const meter = new AccuracyMeter(program);
    meter.add(program);
    const acc = meter.take();
    return Number.isFinite(acc) ? acc : null;
  } catch {
    return null;
  }
}

/** The facts of the session's state now. */
export function factsOf(s: SessionState): LessonFacts {
  const doc: GraphFile = s.history.present;
  const backwardRan = s.run.backwardFrom !== null;
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const nodes: NodeFacts[] = (s.compiled.program?.slots ?? []).map((slot) => {
    const n = byId.get(slot.id);
    return {
      id: slot.id,
      op: n?.op ?? '',
      requiresGrad: n?.requiresGrad === true || n?.op === 'parameter',
      value: Array.from(slot.value),
      grad: backwardRan && slot.grad ? Array.from(slot.grad) : null,
      columns: n?.value?.type === 'columns' ? [...n.value.columns] : [],
    };
  });
  const curve = curveOf(s);
  return {
    nodes,
    selection: s.selection,
    backwardCount: s.run.backwardCount,
    losses: lossSeries(curve).loss,
    epochs: curve.epochs,
    lr: doc.training.optimizer.lr,
    divergenceStopped: s.training.divergence !== null || s.stepper.divergence !== null,
    accuracy: accuracyOf(s.compiled.program),
    phasesShown: [...new Set(s.stepper.events.slice(0, s.stepper.cursor + 1).map((e) => e.phase))],
    gradFnLabels: s.stepper.gradFnLabels,
    onCanvas: doc.nodes.map((n) => n.id),
    lastRun: s.run.lastRun,
    trainingRunning: s.training.status === 'running',
  };
}
