import { compile, type Program } from '../../engine';
import { fileToGraph } from '../../engine/format/convert';
import type { GraphFile } from '../../engine/format/schema';
import type { ParamValues } from '../training/trainingStore';

/** A compiled copy of the document for plots and checks to run freely, or null when the graph does not compile whole. */
export function compileCopy(doc: GraphFile): Program | null {
  try {
    return compile(fileToGraph(doc)).program;
  } catch {
    return null;
  }
}

/** Trainable values keyed `node.name`, copied out of a program. */
export function paramValuesOf(params: Program['params']): ParamValues {
  const out: Record<string, number[]> = {};
  for (const p of params) out[`${p.node}.${p.name}`] = Array.from(p.value);
  return out;
}

/** Writes the given values (keyed `node.name`) into the copy's parameters; tensors missing or of another size are left alone. */
export function loadParams(copy: Program, values: ParamValues): void {
  for (const p of copy.params) {
    const v = values[`${p.node}.${p.name}`];
    if (v && v.length === p.value.length) p.value.set(v);
  }
}
