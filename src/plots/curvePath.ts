/** Vertices per path element: a finished chunk keeps its text, so the page never parses or redraws it again while the curve grows. */
export const CHUNK_VERTICES = 256;

/** How a curve's points land on the plot: pixel x of an epoch, pixel y of a value, and which values the axis can place. */
export interface CurveFrame {
  readonly x: (epoch: number) => number;
  readonly y: (value: number) => number;
  /** Values it cannot place (inf, nan, a missing test loss; ≤ 0 on a log axis) are left out, and the line joins across them. */
  readonly drawable: (value: number) => boolean;
  /** Names the mapping: a different key draws the curve again from its first point. */
  readonly key: string;
}

/** A curve as path text: finished chunks (unchanged from one drawing to the next) and the live end. */
export interface CurveDrawing {
  readonly chunks: readonly string[];
  readonly live: string;
  /** The vertices drawn (every drawable point while a pixel column holds at most four). */
  readonly vertices: number;
}

/** A point of the curve placed on the plot: its index in the series and its pixel position. */
interface Placed {
  readonly i: number;
  readonly x: number;
  readonly y: number;
}

/** One pixel column's points as the line needs them: the first, the lowest, the highest and the last. */
interface Column {
  readonly col: number;
  first: Placed;
  low: Placed;
  high: Placed;
  last: Placed;
}

const text = (v: number) => String(Math.round(v * 100) / 100);
const vertexText = (p: Placed) => `${text(p.x)},${text(p.y)}`;

function startColumn(p: Placed): Column {
  return { col: Math.floor(p.x), first: p, low: p, high: p, last: p };
}

/** Adds a point to its column (higher y in pixels is a lower value; either extreme keeps a spike visible). */
function extend(c: Column, p: Placed): void {
  if (p.y > c.low.y) c.low = p;
  if (p.y < c.high.y) c.high = p;
  c.last = p;
}

/** A column's vertices in the order of the series, each point once: the line through them colours the same pixels as the line through all of its points. */
function columnVertices(c: Column): Placed[] {
  const out: Placed[] = [];
  for (const p of [c.first, c.low, c.high, c.last].sort((a, b) => a.i - b.i)) if (out.at(-1)?.i !== p.i) out.push(p);
  return out;
}

/**
 * The path of a growing curve (the loss curve while a run trains), drawn incrementally: points
 * are summarised per pixel column (first, lowest, highest, last), so a long history draws at
 * most four vertices per column and a spike stays visible, and a column's vertices are
 * written once, when the curve has moved past it. Every point but the series' last is taken as
 * final (the model's history replaces only its latest point); when the series does not
 * continue the one drawn before, or the frame's key changes (a rescale), the path is drawn
 * again from the start. The result equals drawing the whole series at once.
 */
export class CurvePath {
  private key: string | null = null;
  private epochs: readonly number[] = [];
  private values: readonly (number | null)[] = [];
  /** Points [0, folded) are in `closed` or `open`. */
  private folded = 0;
  private open: Column | null = null;
  /** Vertices of the columns the curve has moved past, as text. */
  private closed: string[] = [];
  private chunks: string[] = [];

  /** The drawing of the series (epochs and values, index for index) on `frame`. */
  update(epochs: readonly number[], values: readonly (number | null)[], frame: CurveFrame): CurveDrawing {
    const n = Math.min(epochs.length, values.length);
    if (frame.key !== this.key || !this.continues(epochs, values, n)) this.reset(frame.key);
    this.epochs = epochs;
    this.values = values;
    for (; this.folded < n - 1; this.folded++) {
      const p = this.place(this.folded, frame);
      if (p) this.fold(p);
    }
    // The latest point may still be replaced: it is drawn, not folded.
    const tail: Column[] = [];
    if (this.open) tail.push({ ...this.open });
    const last = n > 0 ? this.place(n - 1, frame) : null;
    if (last) {
      const c = tail.at(-1);
      if (c && c.col === Math.floor(last.x)) extend(c, last);
      else tail.push(startColumn(last));
    }
    const tailText = tail.flatMap(columnVertices).map(vertexText);
    const start = this.chunks.length * CHUNK_VERTICES;
    const liveVertices = [...this.closed.slice(start), ...tailText];
    return {
      chunks: this.chunks,
      live: liveVertices.length > 0 ? `M${liveVertices.join('L')}` : '',
      vertices: this.closed.length + tailText.length,
    };
  }

  /** Whether the series starts with the points already folded, unchanged. */
  private continues(epochs: readonly number[], values: readonly (number | null)[], n: number): boolean {
    if (n < this.folded + 1 && this.folded > 0) return false;
    for (let i = 0; i < this.folded; i++) {
      if (epochs[i] !== this.epochs[i]) return false;
      const a = values[i];
      const b = this.values[i];
      if (a !== b && !(Number.isNaN(a) && Number.isNaN(b))) return false;
    }
    return true;
  }

  private reset(key: string): void {
    this.key = key;
    this.folded = 0;
    this.open = null;
    this.closed = [];
    this.chunks = [];
  }

  private place(i: number, frame: CurveFrame): Placed | null {
    const v = this.values[i];
    if (v === null || v === undefined || !frame.drawable(v)) return null;
    return { i, x: frame.x(this.epochs[i]), y: frame.y(v) };
  }

  private fold(p: Placed): void {
    const c = this.open;
    if (c && c.col === Math.floor(p.x)) {
      extend(c, p);
      return;
    }
    if (c) this.close(c);
    this.open = startColumn(p);
  }

  private close(c: Column): void {
    for (const v of columnVertices(c)) this.closed.push(vertexText(v));
    // A chunk is finished when the vertex that starts the next one exists; both share it.
    while (this.closed.length > (this.chunks.length + 1) * CHUNK_VERTICES) {
      const from = this.chunks.length * CHUNK_VERTICES;
      this.chunks = [...this.chunks, `M${this.closed.slice(from, from + CHUNK_VERTICES + 1).join('L')}`];
    }
  }
}
