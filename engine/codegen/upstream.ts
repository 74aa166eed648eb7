import type { Program } from '../exec/program';

/** Ids of the nodes `id` depends on, itself included; the walk stops at nodes in `stop`. */
export function upstream(program: Program, id: string, stop: ReadonlySet<string> = new Set()): Set<string> {
  const steps = new Map(program.steps.map((s) => [s.slot.id, s]));
  const seen = new Set([id]);
  const stack = [id];
  while (stack.length > 0) {
    const cur = stack.pop() as string;
    if (stop.has(cur)) continue;
    for (const inp of steps.get(cur)?.inputs ?? []) {
      if (inp.source && !seen.has(inp.source.id)) {
        seen.add(inp.source.id);
        stack.push(inp.source.id);
      }
    }
  }
  return seen;
}
