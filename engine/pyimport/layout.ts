import type { FileEdge, FileNode } from '../format/schema';

/** Horizontal and vertical distance between imported nodes, as the examples space them. */
const COLUMN = 200;
const ROW = 120;

/**
 * Places nodes left to right: a node's column is one past its furthest input's, its row the
 * next free one in that column, in the order the code made them.
 */
export function layoutNodes(nodes: readonly Omit<FileNode, 'position'>[], edges: readonly FileEdge[]): FileNode[] {
  const column = new Map<string, number>();
  const inputs = new Map<string, string[]>();
  for (const e of edges) inputs.set(e.target, [...(inputs.get(e.target) ?? []), e.source]);
  const rows = new Map<number, number>();
  return nodes.map((n) => {
    const c = Math.max(-1, ...(inputs.get(n.id) ?? []).map((s) => column.get(s) ?? 0)) + 1;
    column.set(n.id, c);
    const r = rows.get(c) ?? 0;
    rows.set(c, r + 1);
    return { ...n, position: { x: c * COLUMN, y: ROW + r * ROW } };
  });
}
