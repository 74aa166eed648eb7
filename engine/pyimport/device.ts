import type { SyntaxNode } from '@lezer/common';
import { stringLiteral } from './callParts';
import { type CallArgs, evaluate, fail, type PyValue, type Scope, text, type TorchDtype } from './expressions';

/** The devices a script may name. GradCanvas computes on the CPU; a script run on a GPU computes the same numbers there. */
const DEVICE_NAMES = new Set(['cpu', 'cuda']);

/** The course's choice of device, spaces left out and quotes made double: a GPU when there is one, else the CPU. */
const CONDITIONAL = '"cuda"iftorch.cuda.is_available()else"cpu"';

/** `torch.device("cpu")`, `torch.device("cuda")`, `torch.device("cuda" if torch.cuda.is_available() else "cpu")` (or of a device). */
export function deviceCall(scope: Scope, a: CallArgs, what: string, list: SyntaxNode): PyValue {
  const [arg] = a.positional;
  if (a.positional.length !== 1 || a.keywords.size > 0 || !isDevice(scope, arg)) fail('arguments', { what, expected: 'device' }, arg ?? list);
  return { kind: 'device' };
}

/** Whether an argument is a device: the string "cpu" or "cuda", the course's conditional, or an expression that is one (`device`, `torch.device(...)`). */
export function isDevice(scope: Scope, node: SyntaxNode): boolean {
  return deviceName(scope, node) ?? evaluate(scope, node).kind === 'device';
}

/** Whether a string or the conditional names a device; undefined for any other expression. */
function deviceName(scope: Scope, node: SyntaxNode): boolean | undefined {
  if (node.name === 'String') return DEVICE_NAMES.has(stringLiteral(scope.code, node) ?? '');
  if (node.name === 'ConditionalExpression') return text(scope, node).replace(/\s+/g, '').replace(/'/g, '"') === CONDITIONAL;
  return undefined;
}

/**
 * What `x.to(arg)` converts to: a number type (`torch.float64`, `y.dtype`), or `'device'` for a
 * device, which changes nothing in the graph. Anything else fails with what `.to` takes.
 */
export function toTarget(scope: Scope, arg: SyntaxNode, what: string): TorchDtype | 'device' {
  const named = deviceName(scope, arg);
  if (named === true) return 'device';
  const v = named === undefined ? evaluate(scope, arg) : null;
  if (v?.kind === 'dtype') return v.dtype;
  if (v?.kind === 'device') return 'device';
  return fail('toArgument', { what, got: text(scope, arg) }, arg);
}
