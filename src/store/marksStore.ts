import { create } from 'zustand';

/** Why a node is marked on the canvas: where training broke the divergence rule (inf, nan, or a loss that blew up). */
export interface NodeMark {
  readonly kind: 'diverged';
  readonly message: string;
}

/** Marks that panels put on canvas nodes; the canvas draws them (red outline and the message). */
export const useMarks = create<{ marks: Readonly<Record<string, NodeMark>>; setMarks(marks: Record<string, NodeMark>): void }>()((set) => ({
  marks: {},
  setMarks: (marks) => set({ marks }),
}));

/** The mark on a node, if any; own entries only, since node ids are user text (`constructor` is an id like any other). */
export function markOf(marks: Readonly<Record<string, NodeMark>>, id: string): NodeMark | undefined {
  return Object.hasOwn(marks, id) ? marks[id] : undefined;
}
