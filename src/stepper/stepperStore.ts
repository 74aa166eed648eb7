import { create } from 'zustand';
import {
  compile,
  createOptimizer,
  type Divergence,
  divergenceFactorOf,
  DivergenceWatch,
  lossNodesOf,
  type Optimizer,
  type Program,
  traceTrainingStep,
  type TraceEvent,
} from '../../engine';
import { fileOptimizerState, fileToGraph } from '../../engine/format/convert';
import type { GraphFile } from '../../engine/format/schema';
import { computeKey } from '../store/runStore';
import {
  atEnd,
  type EdgeView,
  edgeViews,
  endOfPhase,
  eventsDue,
  type NodeView,
  nodeViews,
  type PlainEdge,
  sameEdgeView,
  sameNodeView,
  SPEEDS,
  stepBack,
} from './playback';

/** What the step-through shows: one training step's events and where playback stands in them. */
export interface StepperState {
  /** The current training step's events (empty before the first Step). */
  readonly events: readonly TraceEvent[];
  /** Index of the event shown last; -1 at the start of the step (after zero_grad). */
  readonly cursor: number;
  /** Training steps started since the last reset (1 during the first). */
  readonly epoch: number;
  /** Backward passes whose gradients the leaves now hold (1 with zero grad on). */
  readonly accumulated: number;
  readonly zeroGrad: boolean;
  readonly playing: boolean;
  /** Index into SPEEDS. */
  readonly speed: number;
  /** Label nodes with PyTorch's backward function names. */
  readonly gradFnLabels: boolean;
  /** The learning rate the stepper's optimizer uses (for −lr·grad). */
  readonly lr: number;
  /** Why the graph cannot be stepped, when it cannot. */
  readonly error: string | null;
  /**
   * The divergence rule's finding, once a training step broke it and has been played to its
   * end (its epoch is the stepper's 1-based training step); no further step starts until Reset.
   */
  readonly divergence: Divergence | null;
  /** Per-node and per-edge views at the cursor; unchanged views keep their identity. */
  readonly nodes: ReadonlyMap<string, NodeView>;
  readonly edges: ReadonlyMap<string, EdgeView>;
}

/** Step-through actions. */
export interface StepperActions {
  /** Follows the open document; any change to what it computes resets playback. */
  sync(doc: GraphFile): void;
  step(): void;
  stepPhase(): void;
  stepTrainingStep(): void;
  back(): void;
  reset(): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  setSpeed(index: number): void;
  setZeroGrad(on: boolean): void;
  setGradFnLabels(on: boolean): void;
}

/** The stepper store type. */
export type StepperStore = ReturnType<typeof createStepperStore>;

/**
 * Creates a stepper store. It trains its own compiled copy of the document (never the
 * editor's program), so playback does not disturb the editor's values; its parameters stay
 * its own and are dropped on Reset.
 */
export function createStepperStore(schedule: { request(cb: (t: number) => void): number; cancel(id: number): void } | null = defaultScheduler()) {
  let doc: GraphFile | null = null;
  let key = '';
  let session: { program: Program; optimizer: Optimizer; watch: DivergenceWatch; found: Divergence | null } | null = null;
  let edgesOfDoc: PlainEdge[] = [];
  let frame = 0;
  let last = 0;
  let carry = 0;

  return create<StepperState & StepperActions>()((set, get) => {
    const views = (events: readonly TraceEvent[], cursor: number) => {
      const prev = get();
      const p = { events, cursor };
      const nodes = new Map<string, NodeView>();
      for (const [id, v] of nodeViews(p)) {
        const old = prev.nodes.get(id);
        nodes.set(id, old && sameNodeView(old, v) ? old : v);
      }
      const edges = new Map<string, EdgeView>();
      for (const [id, v] of edgeViews(p, edgesOfDoc)) {
        const old = prev.edges.get(id);
        edges.set(id, old && sameEdgeView(old, v) ? old : v);
      }
      return { nodes, edges };
    };
    const moveTo = (cursor: number, events: readonly TraceEvent[] = get().events) => {
      set({ cursor, ...views(events, cursor) });
      // The step that broke the rule is played out in full, then stepping stops and says why.
      const found = session?.found ?? null;
      if (found && cursor >= events.length - 1 && get().divergence === null) {
        set({ divergence: found, playing: false });
        stopLoop();
      }
    };

    // Builds the next training step's events on the stepper's own program; false when it cannot.
    const newStep = (): boolean => {
      if (!doc) return false;
      if (session?.found) {
        set({ playing: false });
        stopLoop();
        return false;
      }
      try {
        if (!session) {
          const compiled = compile(fileToGraph(doc));
          if (!compiled.program) throw new Error(compiled.problems.filter((p) => p.severity === 'error').map((p) => p.message).join('; ') || 'the graph does not compile');
          if (compiled.program.loss === undefined) throw new Error('the graph has no loss node');
          session = {
            program: compiled.program,
            optimizer: createOptimizer(doc.training.optimizer, compiled.program.params, fileOptimizerState(doc)),
            // The same rule as the training panel and the CLI, counting the stepper's training steps from 1.
            watch: new DivergenceWatch(divergenceFactorOf(doc.training.divergenceFactor), { firstEpoch: 1 }),
            found: null,
          };
        }
        const { program, optimizer, watch } = session;
        const zero = get().zeroGrad;
        // Inputs with requires_grad are leaves the optimizer does not own: zero them too, as x.grad.zero_() would.
        if (zero) program.zeroGrad();
        const events = traceTrainingStep(program, optimizer, { zeroGrad: zero });
        const loss = program.lossValue();
        session.found = watch.check(loss, program.params, () => lossNodesOf(program, loss));
        set((s) => ({ events, epoch: s.epoch + 1, accumulated: zero ? 1 : s.accumulated + 1, error: null }));
        return true;
      } catch (e) {
        session = null;
        set({ error: e instanceof Error ? e.message : String(e), playing: false });
        stopLoop();
        return false;
      }
    };
    const needsNew = () => {
      const s = get();
      return s.events.length === 0 || atEnd(s);
    };

    const tick = (t: number) => {
      const s = get();
      if (!s.playing) return;
      const rate = SPEEDS[s.speed];
      if (rate === Infinity) s.stepTrainingStep();
      else {
        const due = eventsDue(carry, last === 0 ? 0 : t - last, rate);
        carry = due.carry;
        for (let k = 0; k < Math.min(due.count, 1000) && get().playing; k++) get().step();
      }
      last = t;
      if (get().playing && schedule) frame = schedule.request(tick);
    };
    const stopLoop = () => {
      if (frame && schedule) schedule.cancel(frame);
      frame = 0;
    };

    return {
      events: [],
      cursor: -1,
      epoch: 0,
      accumulated: 0,
      zeroGrad: true,
      playing: false,
      speed: 2,
      gradFnLabels: false,
      lr: 0,
      error: null,
      divergence: null,
      nodes: new Map(),
      edges: new Map(),
      sync(next) {
        doc = next;
        edgesOfDoc = next.edges.map((e) => ({ source: e.source, target: e.target, targetPort: e.targetPort }));
        const k = `${computeKey(next)}\n${JSON.stringify(next.training.optimizer)}\n${JSON.stringify(next.optimizerState ?? null)}\n${String(next.training.divergenceFactor)}`;
        if (k === key) return;
        key = k;
        get().reset();
        set({ lr: next.training.optimizer.lr });
      },
      step() {
        const s = get();
        if (needsNew()) {
          if (!newStep()) return;
          const events = get().events;
          moveTo(events.length > 0 ? 0 : -1, events);
          return;
        }
        moveTo(s.cursor + 1);
      },
      stepPhase() {
        if (needsNew()) {
          if (!newStep()) return;
          const events = get().events;
          moveTo(endOfPhase({ events, cursor: -1 }), events);
          return;
        }
        moveTo(endOfPhase(get()));
      },
      stepTrainingStep() {
        if (needsNew() && !newStep()) return;
        const events = get().events;
        moveTo(events.length - 1, events);
      },
      back() {
        moveTo(stepBack(get()));
      },
      reset() {
        get().pause();
        session = null;
        set({ events: [], cursor: -1, epoch: 0, accumulated: 0, error: null, divergence: null, nodes: new Map(), edges: new Map() });
      },
      play() {
        if (get().playing) return;
        set({ playing: true });
        last = 0;
        carry = 0;
        if (schedule) frame = schedule.request(tick);
      },
      pause() {
        set({ playing: false });
        stopLoop();
      },
      togglePlay() {
        if (get().playing) get().pause();
        else get().play();
      },
      setSpeed(index) {
        set({ speed: Math.max(0, Math.min(SPEEDS.length - 1, Math.round(index))) });
      },
      setZeroGrad(on) {
        set({ zeroGrad: on });
      },
      setGradFnLabels(on) {
        set({ gradFnLabels: on });
      },
    };
  });
}

function defaultScheduler() {
  if (typeof requestAnimationFrame !== 'function') return null;
  return { request: (cb: (t: number) => void) => requestAnimationFrame(cb), cancel: (id: number) => cancelAnimationFrame(id) };
}
