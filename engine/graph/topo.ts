import type { GraphEdge } from './types';

/**
 * Kahn's algorithm, iterative so a 100,000-node chain needs no deep stack. Returns the
 * ids in topological order (ties in the given node order) and the ids left on cycles.
 */
export function topologicalOrder(ids: readonly string[], edges: readonly GraphEdge[]): { order: string[]; cyclic: string[] } {
  const index = new Map(ids.map((id, i) => [id, i]));
  const indegree = new Int32Array(ids.length);
  const out: number[][] = ids.map(() => []);
  for (const e of edges) {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s === undefined || t === undefined) continue;
    out[s].push(t);
    indegree[t]++;
  }
  const queue: number[] = [];
  for (let i = 0; i < ids.length; i++) if (indegree[i] === 0) queue.push(i);
  const order: string[] = [];
  for (let head = 0; head < queue.length; head++) {
    const i = queue[head];
    order.push(ids[i]);
    for (const t of out[i]) if (--indegree[t] === 0) queue.push(t);
  }
  const cyclic = ids.filter((_, i) => indegree[i] > 0);
  return { order, cyclic };
}

/** One cycle among nodes that Kahn's algorithm could not order, as a closed path of ids. */
export function findCycle(cyclic: readonly string[], edges: readonly GraphEdge[]): string[] {
  const inCycle = new Set(cyclic);
  const pred = new Map<string, string>();
  for (const e of edges) if (inCycle.has(e.source) && inCycle.has(e.target)) pred.set(e.target, e.source);
  // Every node left by Kahn's algorithm has a predecessor also left, so walking back must repeat.
  const seen = new Map<string, number>();
  const path: string[] = [];
  let cur = cyclic[0];
  while (!seen.has(cur)) {
    seen.set(cur, path.length);
    path.push(cur);
    cur = pred.get(cur) as string;
  }
  const cycle = path.slice(seen.get(cur)).reverse();
  return [...cycle, cycle[0]];
}

/** Whether adding the edge source → target would close a cycle (checked at connect time). */
export function wouldCreateCycle(edges: readonly GraphEdge[], source: string, target: string): boolean {
  if (source === target) return true;
  const out = new Map<string, string[]>();
  for (const e of edges) {
    const list = out.get(e.source);
    if (list) list.push(e.target);
    else out.set(e.source, [e.target]);
  }
  const stack = [target];
  const seen = new Set(stack);
  while (stack.length > 0) {
    const n = stack.pop() as string;
    if (n === source) return true;
    for (const t of out.get(n) ?? []) {
      if (!seen.has(t)) {
        seen.add(t);
        stack.push(t);
      }
    }
  }
  return false;
}
