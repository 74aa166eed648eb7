import type { LogColumn } from '../train/log';

/** What the exported training loop measures besides the loss, and where it reads it. */
export interface MeasureOptions {
  readonly columns: readonly LogColumn[];
  /** The predicted classes of `outputs` (from the loss op's `prediction` rule); null without accuracy. */
  readonly predict: ((outputs: string) => string) | null;
  /** The training labels of one forward pass, as the criterion takes them (`T[idx].long()`). */
  readonly labels: string;
  /** How many predictions an epoch makes: the element count of the whole training target. */
  readonly predictions: string;
  /** The model on the validation data: `net(X_val)`, and its labels, or null without a split. */
  readonly validation: { readonly call: string; readonly labels: string | null; readonly predictions: string | null; readonly criterion: boolean } | null;
}

/** The pieces of the exported loop that measure accuracy and validate, as GradCanvas's MeasuredTraining does. */
export interface MeasureBlock {
  /** Function definitions before the loop. */
  readonly setup: string[];
  /** At the start of an epoch, before its batches. */
  readonly epochStart: string[];
  /** After each optimizer step (each batch's), counting the predictions of the forward pass just made. */
  readonly afterStep: string[];
  /** After `epoch_loss` is known: the epoch's accuracy and the validation pass. */
  readonly epochEnd: string[];
  /** The header line's print statement. */
  readonly header: string;
  /** The log line's print statement. */
  readonly logLine: string;
}

/** The Python variable holding each log column. */
const VARIABLE: Readonly<Record<LogColumn, string>> = { epoch: 'epoch', loss: 'epoch_loss', acc: 'epoch_acc', val_loss: 'val_loss', val_acc: 'val_acc' };

/** The accuracy and validation parts of the exported training loop. */
export function measureBlock(o: MeasureOptions): MeasureBlock {
  const accuracy = o.predict !== null && o.columns.includes('acc');
  const setup: string[] = [];
  if (o.predict) {
    setup.push(
      '',
      '',
      'def correct(outputs, labels):',
      '    """How many predicted classes equal their labels, as the course counts them."""',
      `    return (${o.predict('outputs')} == labels).sum().item()`,
    );
  }
  const v = o.validation;
  if (v) {
    const measured = accuracy && v.labels !== null && v.criterion;
    const body = v.criterion
      ? ['        outputs = ' + v.call, `        loss = criterion(outputs, ${v.labels})`, measured ? `        return loss.item(), correct(outputs, ${v.labels}) / ${v.predictions}` : '        return loss.item()']
      : [`        return ${v.call}.item()`];
    setup.push(
      '',
      '',
      'def validate():',
      '    """The loss (and accuracy) on the validation split, with the parameters as they are now."""',
      '    with torch.no_grad():',
      ...body,
      '',
      '',
      'def finite_parameters():',
      '    """Whether every parameter is finite: an update that made one inf or nan is not validated."""',
      '    return all(bool(p.isfinite().all()) for _name, _node, p in trainable)',
    );
  }
  const epochStart = accuracy ? ['    hits = 0'] : [];
  const afterStep = accuracy ? [`hits += correct(outputs, ${o.labels})`] : [];
  const epochEnd: string[] = [];
  if (accuracy) epochEnd.push(`    epoch_acc = hits / ${o.predictions}`);
  if (v) {
    const both = o.columns.includes('val_acc');
    epochEnd.push(both ? '    val_loss, val_acc = validate() if finite_parameters() else (math.nan, math.nan)' : '    val_loss = validate() if finite_parameters() else math.nan');
  }
  const header = `print(${JSON.stringify(o.columns.join(','))})`;
  const logLine = `print(f"${o.columns.map((c) => (c === 'epoch' ? `{${VARIABLE[c]}}` : `{${VARIABLE[c]}!r}`)).join(',')}")`;
  return { setup, epochStart, afterStep, epochEnd, header, logLine };
}
