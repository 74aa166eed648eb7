import type { SyntaxNode } from '@lezer/common';
import type { Dataset, InitSpec } from '../graph/types';
import type { OptimizerSettings } from '../optim/types';

/** A layer a model's `__init__` made: `nn.Linear(in, out)` or an activation module (`nn.ReLU()`). */
export interface Layer {
  /** The attribute it is held by (`l1` in `self.l1`), which names its node. */
  readonly name: string;
  /** The op the layer is: `linear`, or `relu`, `sigmoid`, `tanh`. */
  readonly op: string;
  readonly inFeatures: number;
  readonly outFeatures: number;
  /** How its weight and bias start when the code does not set them. */
  readonly init: InitSpec;
  /** Values the code set (`copy_`, `fill_`, `nn.init.constant_`), by parameter name. */
  readonly set: Map<'weight' | 'bias', number[]>;
  /** The node forward made for it (a layer runs once in the graph), null before. */
  node: string | null;
}

/** A model instance: its class's forward and the layers its `__init__` made. */
export interface Model {
  readonly className: string;
  readonly forward: SyntaxNode;
  readonly layers: Map<string, Layer>;
  /** Whether forward has run (the graph holds one forward pass). */
  called: boolean;
  /** The tensors forward ran on (node ids), for a validation pass to mirror. */
  args: readonly string[];
  /** Whether `super().__init__()` has run (attributes need it first, as in PyTorch). */
  initialised: boolean;
}

/** Columns of a dataset the code read: a DataFrame, a NumPy array, or a selection of their columns. */
export interface DataColumns {
  readonly dataset: string;
  /** The columns selected, or null for every column of the table. */
  readonly columns: readonly string[] | null;
  /** One column as a vector (`df["x"]`, `data[:, 0]`) rather than a table of columns. */
  readonly vector: boolean;
  /** How its columns are selected: by name (pandas) or by index (NumPy). */
  readonly by: 'name' | 'index';
}

/** The Python objects of a training script, as the importer holds them in its variables. */
export type ObjectValue =
  | { readonly kind: 'class'; readonly name: string; readonly init: SyntaxNode; readonly forward: SyntaxNode }
  | { readonly kind: 'model'; readonly model: Model }
  /** `self` inside `__init__` and `forward`. */
  | { readonly kind: 'self'; readonly model: Model }
  | { readonly kind: 'layer'; readonly layer: Layer }
  /** `net.l1.weight`: a layer's parameter, for in-place initialisation. */
  | { readonly kind: 'weight'; readonly layer: Layer; readonly name: 'weight' | 'bias'; readonly data: boolean }
  | { readonly kind: 'criterion'; readonly op: string; readonly reduction: 'mean' | 'sum' }
  | { readonly kind: 'optimizer'; readonly settings: OptimizerSettings }
  | { readonly kind: 'data'; readonly data: DataColumns }
  /** The model run on the validation data in the loop (`outputs_test = net(inputs_test)`): measured, not part of the graph. */
  | { readonly kind: 'validationOutputs' }
  /** The criterion on the validation outputs (`loss_test = criterion(outputs_test, labels_test)`). */
  | { readonly kind: 'validationLoss' }
  /** Predicted classes (`torch.where(outputs < 0.5, 0, 1)`, `torch.max(outputs, 1)[1]`): of the training outputs, or the validation ones. */
  | { readonly kind: 'prediction'; readonly of: string | 'validation'; readonly rule: string }
  /** A number the loop measures (an accuracy, `loss.item()`): printed, not part of the graph. */
  | { readonly kind: 'measured' };

/** Where a script's data comes from: datasets by name, and (in the CLI) CSV files read from disk. */
export interface DataSources {
  /** Datasets the script may name: the current document's and those GradCanvas ships. */
  readonly datasets?: Readonly<Record<string, Dataset>>;
  /** Reads a CSV file named in the code (relative to the script); a string is why it cannot. */
  readonly readCsv?: (path: string) => Dataset | string;
}
