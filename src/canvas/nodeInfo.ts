import { type AttrSpec, type AttrValue, attrDefault, type FileNode, lookupOp, type PortSpec, resolveAttrs } from '../../engine';
import { formatNumber } from '../format';

/** The input ports of an op (none for leaves and unknown ops). */
export function portsOf(op: string): readonly PortSpec[] {
  const def = lookupOp(op);
  return def?.kind === 'op' ? def.inputs : [];
}

/** The formula an op shows (`y = x²`; leaves `x`, `θ`, `c`), or '' for an unknown op. */
export function formulaOf(op: string): string {
  return lookupOp(op)?.formula ?? '';
}

/** The attribute an unconnected port falls back to, with its value: `c = 2`, or null. */
export function portFallback(port: PortSpec, op: string, attrs: FileNode['attrs']): string | null {
  if (!port.fallbackAttr) return null;
  const spec = attrSpecs(op).find((a) => a.name === port.fallbackAttr);
  const v = attrs?.[port.fallbackAttr] ?? (spec && attrDefault(spec));
  return `${port.fallbackAttr} = ${formatAttr(v ?? null)}`;
}

/**
 * The attributes worth a line on the node: the op's own one-line summary when it has one
 * (`linear` as `in → out`, the way nn.Linear(2, 1) is written); otherwise numbers always (k,
 * p, axis), switches and choices only when not at their default, fallback constants never
 * (their port shows them).
 */
export function attrSummary(op: string, attrs: FileNode['attrs']): string {
  const def = lookupOp(op);
  if (def?.kind === 'op' && def.attrSummary) {
    const resolved = resolveAttrs(def.attrs, attrs);
    // Attributes that do not check out are listed one by one, as they are.
    if (resolved.errors.length === 0) return def.attrSummary(resolved.attrs);
  }
  const fallbacks = new Set(portsOf(op).map((p) => p.fallbackAttr));
  const parts: string[] = [];
  for (const spec of attrSpecs(op)) {
    if (fallbacks.has(spec.name)) continue;
    const v = attrs?.[spec.name] ?? attrDefault(spec);
    const numeric = spec.type === 'number' || spec.type === 'integer' || spec.type === 'shape';
    if (v === null || (!numeric && v === spec.default)) continue;
    parts.push(`${spec.name} = ${formatAttr(v)}`);
  }
  return parts.join(', ');
}

/** Where a leaf's value comes from, in a few characters: `arange(-2, 2.1, 0.25)`, `iris[x1, x2]`, `init 0`. */
export function leafSummary(node: Pick<FileNode, 'op' | 'value' | 'init' | 'params'>): string {
  const v = node.value;
  if (node.op === 'parameter') {
    if (node.params?.value) return '';
    const init = node.init;
    if (!init) return '';
    switch (init.type) {
      case 'constant':
        return `init ${formatNumber(init.value)}`;
      case 'uniform':
        return `U(${formatNumber(init.low)}, ${formatNumber(init.high)})`;
      case 'normal':
        return `N(${formatNumber(init.mean)}, ${formatNumber(init.std)}²)`;
      case 'default':
        return 'init default';
    }
  }
  if (!v) return '';
  switch (v.type) {
    case 'arange':
      return `arange(${formatNumber(v.start)}, ${formatNumber(v.end)}, ${formatNumber(v.step)})`;
    case 'columns':
      return `${v.dataset}[${v.columns.join(', ')}]`;
    case 'tensor':
      return '';
  }
}

function attrSpecs(op: string): readonly AttrSpec[] {
  const def = lookupOp(op);
  return def?.kind === 'op' ? def.attrs : [];
}

function formatAttr(v: AttrValue): string {
  if (v === null) return 'None';
  if (Array.isArray(v)) return `[${v.join(', ')}]`;
  return typeof v === 'number' ? formatNumber(v) : String(v);
}
