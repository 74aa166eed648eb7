import type { NodeMark } from './types';

/** The mark on a node, if any; own entries only, since node ids are user text (`constructor` is an id like any other). */
export function markOf(marks: Readonly<Record<string, NodeMark>>, id: string): NodeMark | undefined {
  return Object.hasOwn(marks, id) ? marks[id] : undefined;
}
