import type { Box } from './minimapPlacement';

/** Side of a grid cell, in flow px: about two nodes across. */
const CELL = 400;

/**
 * Boxes filed by the grid cells they cover, so "which boxes lie near this one" reads a few
 * cells instead of every box: placing each wire label of a 10,000-node graph against every
 * node would take time growing with the square of the graph.
 */
export class BoxGrid {
  private readonly cells = new Map<string, Box[]>();

  constructor(boxes: readonly Box[] = []) {
    for (const b of boxes) this.add(b);
  }

  /** Files a box under every cell it covers. */
  add(box: Box): void {
    this.forCells(box, (key) => {
      const cell = this.cells.get(key);
      if (cell) cell.push(box);
      else this.cells.set(key, [box]);
    });
  }

  /** Every filed box that overlaps `area`, each once. */
  near(area: Box): Box[] {
    const found = new Set<Box>();
    this.forCells(area, (key) => {
      for (const b of this.cells.get(key) ?? []) if (overlaps(b, area)) found.add(b);
    });
    return [...found];
  }

  private forCells(b: Box, visit: (key: string) => void): void {
    const x0 = Math.floor(b.x / CELL);
    const y0 = Math.floor(b.y / CELL);
    const x1 = Math.floor((b.x + b.width) / CELL);
    const y1 = Math.floor((b.y + b.height) / CELL);
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) visit(`${x},${y}`);
  }
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
