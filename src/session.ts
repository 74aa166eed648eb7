import { compile, type Graph, type Program } from '../engine';

/** One node as plain data: its op, shape, and values and gradient flattened row-major. */
export interface NodeSnapshot {
  readonly id: string;
  readonly op: string;
  readonly label: string;
  readonly shape: readonly number[];
  readonly value: readonly number[];
  /** Null until a backward has run, and for nodes no gradient can reach. */
  readonly grad: readonly number[] | null;
}

/** Everything the page shows, as plain frozen data. */
export interface SessionSnapshot {
  readonly loss: string | null;
  /** Backward calls since the last zero grad (or since loading): leaf gradients hold the sum of this many. */
  readonly backwardsSinceZero: number;
  /** Whether any backward has run since loading; before that `.grad` is None, as in PyTorch. */
  readonly hasGrad: boolean;
  /** Every node, in the order the engine evaluates them. */
  readonly nodes: readonly NodeSnapshot[];
}

/** Thrown when the example graph does not compile; lists the engine's problems. */
export class SessionError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`the graph does not compile: ${problems.join('; ')}`);
    this.name = 'SessionError';
  }
}

/**
 * A compiled graph evaluated once, with Backward and Zero grad, and an immutable snapshot
 * after each action. Shaped for React's useSyncExternalStore: `subscribe` and `getSnapshot`
 * are bound, and `getSnapshot` returns the same object until something changes.
 */
export class Session {
  private readonly program: Program;
  private readonly labels: ReadonlyMap<string, string>;
  private readonly listeners = new Set<() => void>();
  private backwards = 0;
  private hasGrad = false;
  private current: SessionSnapshot;

  constructor(graph: Graph) {
    const result = compile(graph);
    const errors = result.problems.filter((p) => p.severity === 'error');
    if (!result.program || errors.length > 0) throw new SessionError(errors.map((p) => p.message));
    this.program = result.program;
    this.labels = new Map(graph.nodes.map((n) => [n.id, n.label ?? n.id]));
    this.program.forward();
    this.current = this.capture();
  }

  /** Runs backward from the loss; leaf gradients accumulate, as `loss.backward()` does. */
  backward(): void {
    this.program.backward();
    this.backwards += 1;
    this.hasGrad = true;
    this.changed();
  }

  /** Zeroes leaf gradients, as `x.grad.zero_()` / `optimizer.zero_grad(set_to_none=False)`. */
  zeroGrad(): void {
    this.program.zeroGrad();
    this.backwards = 0;
    this.changed();
  }

  /** The current snapshot; the same object until the next change. */
  readonly getSnapshot = (): SessionSnapshot => this.current;

  /** Calls `listener` after every change; returns the unsubscribe function. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private changed(): void {
    this.current = this.capture();
    for (const l of this.listeners) l();
  }

  private capture(): SessionSnapshot {
    const nodes = this.program.slots.map((s) =>
      Object.freeze({
        id: s.id,
        op: s.def.name,
        label: this.labels.get(s.id) ?? s.id,
        shape: Object.freeze([...s.shape]),
        value: Object.freeze(Array.from(s.value)),
        grad: this.hasGrad && s.grad ? Object.freeze(Array.from(s.grad)) : null,
      }),
    );
    return Object.freeze({
      loss: this.program.loss ?? null,
      backwardsSinceZero: this.backwards,
      hasGrad: this.hasGrad,
      nodes: Object.freeze(nodes),
    });
  }
}

/** A deep, unfrozen copy of a snapshot that shares nothing with the session. */
export function copySnapshot(s: SessionSnapshot): SessionSnapshot {
  return {
    loss: s.loss,
    backwardsSinceZero: s.backwardsSinceZero,
    hasGrad: s.hasGrad,
    nodes: s.nodes.map((n) => ({
      id: n.id,
      op: n.op,
      label: n.label,
      shape: [...n.shape],
      value: [...n.value],
      grad: n.grad ? [...n.grad] : null,
    })),
  };
}
