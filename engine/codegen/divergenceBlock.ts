import { EngineError } from '../exec/program';
import { type DivergenceSetting, NEVER_STOP } from '../train/divergence';
import { formatFactor } from '../train/divergenceText';
import { pyString } from './escape';
import { pyFloat } from './python';

/**
 * The exported script's copy of GradCanvas's divergence rule (engine/train/divergence.ts),
 * in the pieces the training loop is assembled from. It stops at the same epoch, goes back
 * to the same parameters and prints the same lines as the CLI's `train`, then exits 1.
 */
export interface DivergenceBlock {
  /** Definitions before the header line's print: the factor, the check, the snapshot, the loop's starting state. */
  readonly setup: string[];
  /** The first line of each epoch: what the previous epoch and this one started from. */
  readonly epochStart: string[];
  /** After `epoch_loss` is known: the check, the log line, and going back on a divergence. */
  readonly epochEnd: string[];
  /** After the final parameters are printed: the message on stderr and exit status 1. */
  readonly finish: string[];
}

/** What the block needs from the export: the settings and the loop's shape. */
export interface DivergenceBlockOptions {
  /** The growth factor (null: only inf and nan stop training; `"never"`: nothing stops it). */
  readonly factor: DivergenceSetting;
  /** The learning rate the message suggests lowering, written as the CLI writes it. */
  readonly lr: number;
  /** `epoch % logEvery == 0 or epoch == lastEpoch` decides which epochs are logged. */
  readonly logEvery: string;
  readonly lastEpoch: number;
  /** The print statement of a log line (`print(f"{epoch},{epoch_loss!r}")`). */
  readonly logLine: string;
  /** Whether the script has an optimizer, and so parameters and state to put back. */
  readonly restores: boolean;
}

/** A factor as a Python number a learner reads easily: `1_000_000`, or the exact float. */
function factorLiteral(factor: number | null): string {
  if (factor === null) return 'None';
  if (!Number.isFinite(factor) || factor <= 1) throw new EngineError('runtime', `the divergence factor must be a number above 1, got ${String(factor)}`);
  return Number.isSafeInteger(factor) ? factor.toLocaleString('en-US').replace(/,/g, '_') : pyFloat(factor);
}

/** The divergence rule as lines of the exported script. */
export function divergenceBlock(o: DivergenceBlockOptions): DivergenceBlock {
  if (o.factor === NEVER_STOP) return neverStops(o);
  return stopping({ ...o, factor: o.factor });
}

/** With divergence stopping off: every epoch runs and logs, through inf and nan, as a plain PyTorch loop does. */
function neverStops(o: DivergenceBlockOptions): DivergenceBlock {
  return {
    setup: ['# Divergence stopping is off (divergenceFactor "never"): every epoch runs, through inf and nan.', ''],
    epochStart: [],
    epochEnd: [`    if epoch % ${o.logEvery} == 0 or epoch == ${o.lastEpoch}:`, `        ${o.logLine}`],
    finish: [],
  };
}

/** The rule with a factor (or none): the check, the log line, going back and the message. */
function stopping(o: DivergenceBlockOptions & { readonly factor: number | null }): DivergenceBlock {
  const lr = String(o.lr);
  if (!/^[0-9.e+-]+$/.test(lr)) throw new EngineError('runtime', `the learning rate must be a finite number, got ${lr}`);
  const setup = [
    "# GradCanvas's divergence rule: training stops at the first epoch whose loss, gradients or",
    "# parameters hold inf or nan, or whose loss exceeds |first epoch's loss| × divergence_factor",
    ...(o.restores
      ? ['# (None: only inf and nan stop it). The parameters and the optimizer state then go back to', '# where the last good epoch started, and the script exits with status 1.']
      : ['# (None: only inf and nan stop it). The script then exits with status 1.']),
    `divergence_factor = ${factorLiteral(o.factor)}${o.factor === null ? '  # the growth rule is off: only inf and nan stop training' : ''}`,
    ...(o.factor === null ? [] : [`factor_text = ${pyString(formatFactor(o.factor))}  # as GradCanvas writes it in messages`]),
    '',
    '',
    'def short(v):',
    '    """A number as GradCanvas\'s messages write it: 3 significant digits."""',
    '    if math.isfinite(v) and v != 0 and not 1e-3 <= abs(v) < 1e5:',
    '        mantissa, exponent = f"{v:.2e}".split("e")',
    '        return f"{float(mantissa):g}e{int(exponent)}"',
    '    return f"{float(f\'{v:.3g}\'):g}"',
    '',
    '',
    'def divergence(loss, first_loss):',
    '    """Which part of the rule this epoch breaks (checked in this order), or None."""',
    '    if not math.isfinite(loss):',
    '        return f"the loss became {short(loss)}"',
    '    if divergence_factor is not None and first_loss and loss > abs(first_loss) * divergence_factor:',
    '        return f"the loss {short(loss)} grew past {factor_text} × the first loss ({short(first_loss)})"',
    '    nodes, value = non_finite(lambda p: p.grad)',
    '    if nodes:',
    '        return f"the gradient of {joined(nodes)} became {short(value)}"',
    '    nodes, value = non_finite(lambda p: p.detach())',
    '    if nodes:',
    '        return f"the update made the parameters of {joined(nodes)} {short(value)}"',
    '    return None',
    '',
    '',
    'def non_finite(tensor_of):',
    '    """The nodes whose tensors hold inf or nan, in order, and the first such value."""',
    '    nodes, value = [], None',
    '    for _name, node, p in trainable:',
    '        t = tensor_of(p)',
    '        if t is None or t.isfinite().all():',
    '            continue',
    '        if value is None:',
    '            value = t[~t.isfinite()].flatten()[0].item()',
    '        if node not in nodes:',
    '            nodes.append(node)',
    '    return nodes, value',
    '',
    '',
    'def joined(nodes):',
    '    return ", ".join(nodes)',
  ];
  if (o.restores) {
    setup.push(
      '',
      '',
      'def snapshot():',
      '    """Copies of the parameters and the optimizer state, to go back to."""',
      '    return copy.deepcopy(net.state_dict()), copy.deepcopy(optimizer.state_dict())',
    );
  }
  setup.push('', '', o.restores ? 'first_loss = problem = before_this = None' : 'first_loss = problem = None');
  const epochStart = o.restores
    ? ['    # What the previous epoch and this one start from: a divergence goes back to one of them.', '    before_previous, before_this = before_this, snapshot()']
    : [];
  const epochEnd = [
    '    if epoch == 0:',
    '        first_loss = epoch_loss',
    '    problem = divergence(epoch_loss, first_loss)',
    `    if epoch % ${o.logEvery} == 0 or epoch == ${o.lastEpoch} or problem:`,
    `        ${o.logLine}`,
    '    if problem:',
  ];
  if (o.restores) {
    epochEnd.push(
      '        # The bad loss came from the parameters this epoch started with: go back to where the',
      '        # previous epoch (at epoch 0: this run) started.',
      '        net_state, optimizer_state = before_previous if epoch > 0 else before_this',
      '        net.load_state_dict(net_state)',
      '        optimizer.load_state_dict(optimizer_state)',
    );
  }
  epochEnd.push('        break');
  const finish = [
    'if problem:',
    '    back = f"epoch {epoch - 1}\'s values" if epoch > 0 else "their values before this run"',
    `    print(f"Training stopped at epoch {epoch}: {problem}. The parameters are back to {back}. Try a smaller learning rate (now ${lr}).", file=sys.stderr)`,
    '    sys.exit(1)',
  ];
  return { setup, epochStart, epochEnd, finish };
}

