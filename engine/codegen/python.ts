import { EngineError } from '../exec/program';
import { pyNumber } from '../ops/binary';
import { toNested, type Tensor } from '../tensor/tensor';

/**
 * Names an exported script cannot give a node: Python's keywords, the names the script
 * itself defines or calls, and nn.Module's own attributes (a parameter called `forward` or
 * `training` would collide with them on `self`), including a few newer PyTorch versions add.
 */
const TAKEN = new Set(
  ('False None True and as assert async await break class continue def del elif else except finally for from global if import in is ' +
    'lambda nonlocal not or pass raise return try while with yield torch nn F net criterion optimizer loss outputs labels epoch epochs ' +
    'epoch_loss order idx total start batch_size rows rng name p self print range len float int list tuple repr super sum max min abs ' +
    'next iter permutation Mulberry32 Net device ' +
    // The divergence rule's names (divergenceBlock.ts) and the modules it imports.
    'copy math sys trainable divergence_factor short divergence snapshot first_loss problem before_previous before_this net_state ' +
    'optimizer_state back all factor_text non_finite joined ' +
    // The accuracy and validation parts (measureBlock.ts).
    'correct validate finite_parameters hits epoch_acc val_loss val_acc bool ' +
    'T_destination add_module apply bfloat16 buffers children cpu cuda double dump_patches eval extra_repr forward get_buffer ' +
    'get_extra_state get_parameter get_submodule half ipu load_state_dict modules named_buffers named_children named_modules ' +
    'named_parameters parameters register_backward_hook register_buffer register_forward_hook register_forward_pre_hook ' +
    'register_full_backward_hook register_load_state_dict_post_hook register_module register_parameter requires_grad_ ' +
    'set_extra_state share_memory state_dict to to_empty train training type xpu zero_grad call_super_init compile mtia ' +
    'set_submodule register_state_dict_pre_hook register_state_dict_post_hook register_load_state_dict_pre_hook').split(' '),
);

/** The longest identifier kept from an id; a long id still gets a unique, readable name. */
const MAX_IDENTIFIER = 64;

/**
 * A Python identifier for `hint`, unique among `used` (which it joins): ASCII letters,
 * digits and `_` only, whatever the hint holds. Names never start with `_`, so none can
 * clash with nn.Module internals or be name-mangled inside the class.
 */
export function pythonName(hint: string, used: Set<string>): string {
  let base = hint.replace(/[^A-Za-z0-9_]/g, '_').slice(0, MAX_IDENTIFIER);
  if (base.startsWith('_')) base = `n${base}`;
  else if (!/^[A-Za-z]/.test(base)) base = `n_${base}`;
  if (TAKEN.has(base)) base = `${base}_`;
  let name = base;
  for (let k = 2; used.has(name); k++) name = `${base}_${k}`;
  used.add(name);
  return name;
}

/** Turns node ids into unique Python identifiers (`my-node` → `my_node`). */
export function pythonNames(ids: readonly string[], used: Set<string> = new Set()): Map<string, string> {
  return new Map(ids.map((id) => [id, pythonName(id, used)]));
}

/** A Python float literal of any value, even one that is not a number at run time (it becomes nan). */
export function pyFloat(v: unknown): string {
  return pyNumber(typeof v === 'number' ? v : NaN);
}

/** A Python int literal; anything but a safe integer is refused rather than written into code. */
export function pyInt(v: unknown, what: string): string {
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw new EngineError('runtime', `${what} must be an integer, got ${String(v)}`);
  return String(v);
}

/** A nested Python list literal of a tensor's values. */
export function pyList(t: Tensor): string {
  const render = (v: unknown): string => (Array.isArray(v) ? `[${v.map(render).join(', ')}]` : pyFloat(v));
  return render(toNested(t));
}

/** `torch.tensor(…)` of a tensor's exact values. */
export function pyTensor(t: Tensor): string {
  return `torch.tensor(${pyList(t)})`;
}
