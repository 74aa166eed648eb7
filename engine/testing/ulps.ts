import { fromPy, type PyNumber } from './torchBridge';

const f32 = new Float32Array(1);
const i32 = new Int32Array(f32.buffer);

/** A float32 value's position on the number line of float32s (−0 and +0 at 0). */
function ordinal(v: number): number {
  f32[0] = v;
  const bits = i32[0];
  return bits < 0 ? -(bits & 0x7fffffff) : bits;
}

/** How many float32 values lie between a and b (0 when equal, both NaN or both the same infinity; Infinity when only one is finite or NaN). */
export function ulps32(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b) ? 0 : Infinity;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b ? 0 : Infinity;
  return Math.abs(ordinal(a) - ordinal(b));
}

/** One group's count of compared values, how many were bit for bit PyTorch's, and the worst difference. */
export interface UlpGroup {
  values: number;
  exact: number;
  worstUlps: number;
  worstRel: number;
  where: string;
}

/** Float32 comparisons grouped by what computed them (an op's value, its gradient, an optimizer), in units in the last place. */
export class UlpTally {
  readonly groups = new Map<string, UlpGroup>();
  readonly missing: string[] = [];

  /** Compares the engine's numbers with PyTorch's and files them under `group`. */
  compare(group: string, where: string, engine: ArrayLike<number>, torch: readonly PyNumber[] | null | undefined): void {
    if (!torch || torch.length !== engine.length) {
      this.missing.push(`${where}: PyTorch has ${torch ? torch.length : 'no'} values, the engine ${engine.length}`);
      return;
    }
    const g = this.groups.get(group) ?? { values: 0, exact: 0, worstUlps: 0, worstRel: 0, where: '' };
    this.groups.set(group, g);
    for (let i = 0; i < engine.length; i++) {
      const a = engine[i];
      const b = fromPy(torch[i]);
      const u = ulps32(a, b);
      g.values++;
      if (u === 0) g.exact++;
      if (u > g.worstUlps) {
        g.worstUlps = u;
        g.where = `${where}[${i}]: engine ${a}, PyTorch ${b}`;
      }
      if (Number.isFinite(a) && Number.isFinite(b) && a !== b) g.worstRel = Math.max(g.worstRel, Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b)));
    }
  }

  /** The groups whose worst difference is above `ulps`. */
  over(ulps: number, groups: (name: string) => boolean = () => true): string[] {
    return [...this.groups].filter(([name, g]) => groups(name) && g.worstUlps > ulps).map(([name, g]) => `${name}: ${g.worstUlps} ulps at ${g.where}`);
  }

  /** One line per group: values, share bit for bit, worst ulps and relative difference. */
  table(): string {
    return [...this.groups]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, g]) => `${name.padEnd(34)} ${String(g.values).padStart(7)} values, ${((100 * g.exact) / g.values).toFixed(2).padStart(6)}% bit for bit, worst ${g.worstUlps} ulp (relative ${g.worstRel.toExponential(1)})`)
      .join('\n');
  }
}
