/** Says yes at most once per interval: the first time is one interval after `reset`. */
export class Throttle {
  private last = 0;

  constructor(
    private readonly intervalMs: number,
    private readonly now: () => number,
  ) {
    this.last = now();
  }

  /** Starts a new interval from now. */
  reset(): void {
    this.last = this.now();
  }

  /** True when an interval has passed since the last yes (or reset); then a new interval starts. */
  due(): boolean {
    const t = this.now();
    if (t - this.last < this.intervalMs) return false;
    this.last = t;
    return true;
  }
}
