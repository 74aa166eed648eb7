import type { Program } from '../../engine';

/** Every buffer a program runs on: node values and gradients, and the parameters an op owns. */
export function buffersOf(program: Program): Float64Array[] {
  const seen = new Set<Float64Array>();
  for (const s of program.slots) {
    seen.add(s.value);
    if (s.grad) seen.add(s.grad);
  }
  for (const p of program.params) {
    seen.add(p.value);
    seen.add(p.grad);
  }
  return [...seen];
}

/** Every gradient buffer of a program (each node's and each parameter's). */
export function gradBuffersOf(program: Program): Float64Array[] {
  const seen = new Set<Float64Array>();
  for (const s of program.slots) if (s.grad) seen.add(s.grad);
  for (const p of program.params) seen.add(p.grad);
  return [...seen];
}

/** Copies of some buffers, to put back later. */
export function copyBuffers(buffers: readonly Float64Array[]): Float64Array[] {
  return buffers.map((b) => b.slice());
}

/** Puts saved copies back into their buffers. */
export function restoreBuffers(buffers: readonly Float64Array[], saved: readonly Float64Array[]): void {
  buffers.forEach((b, i) => b.set(saved[i]));
}

/**
 * Runs `use` on the program and then puts every buffer back as it was: plots that sweep a
 * parameter, a decision grid and the gradient check work on the session's one program
 * without changing what any other view shows.
 */
export function withRestoredBuffers<T>(program: Program, use: (p: Program) => T): T {
  const buffers = buffersOf(program);
  const saved = copyBuffers(buffers);
  try {
    return use(program);
  } finally {
    restoreBuffers(buffers, saved);
  }
}
