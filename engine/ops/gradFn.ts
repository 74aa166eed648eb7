import { resolveAttrs } from './attrs';
import type { AnyOpDef } from './types';

/** PyTorch's grad_fn name of a node of this op with these attributes (defaults filled in), as make_dot labels it. */
export function gradFnName(def: AnyOpDef, attrs: Readonly<Record<string, unknown>> | undefined): string {
  return def.gradFnOf ? def.gradFnOf(resolveAttrs(def.attrs, attrs).attrs) : def.gradFn;
}
