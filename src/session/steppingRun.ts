import { type Divergence, DivergenceWatch, divergenceFactorOf, type GraphFile } from '../../engine';

/**
 * The training steps played one after another on the session's program: one run for the
 * divergence rule, as a Train press or a CLI `train` is. It begins with the first step after
 * the stepper was reset, a document was opened, a training run took the model, a step was
 * dropped before its update played, or what a step is computed from changed other than by
 * the stepper's own update. The rule's watch lives as long as the run, so the growth rule
 * compares with the run's own first loss and the rule's `lastGoodEpoch` tells whether an
 * earlier step of this run passed it.
 */
export class SteppingRun {
  /** The divergence rule over this run's steps, numbered as the step bar counts them (from 1). */
  readonly watch: DivergenceWatch;
  /** The document the previous step of this run started from (none before its second step). */
  private previous: GraphFile | null = null;
  /** The document the step being played started from. */
  private current: GraphFile | null = null;

  constructor(doc: GraphFile, firstStep: number) {
    this.watch = new DivergenceWatch(divergenceFactorOf(doc.training.divergenceFactor), { firstEpoch: firstStep });
  }

  /** Notes the document a new step starts from. */
  begin(doc: GraphFile): void {
    this.previous = this.current;
    this.current = doc;
  }

  /**
   * Where the parameters and the optimizer state go back to when `d` fires, as the engine's
   * Trainer does: where the last good step started, or where the failing step started when it
   * was the run's first (`lastGoodEpoch` null).
   */
  restoreTarget(d: Divergence): GraphFile | null {
    return d.lastGoodEpoch === null || this.previous === null ? this.current : this.previous;
  }
}
