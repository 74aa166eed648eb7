import type { ScriptPart } from './pytorch';

/** The languages an exported notebook's explanations are written in. */
export type NotebookLang = 'en' | 'ja';

/** What the explanations say about the graph; every user text in it is already Markdown-escaped. */
export interface NotebookFacts {
  /** The graph's title, escaped. */
  readonly title: string;
  /** Whether a criterion computes the loss in the training loop (otherwise forward() returns it). */
  readonly criterion: boolean;
  /** Whether the model has trainable tensors, and so an optimizer. */
  readonly optimizer: boolean;
  /** The learning rate, as a plain number. */
  readonly lr: string;
}

/** The Markdown cells' texts: an introduction, one explanation per part of the script, and the plot's. */
export interface NotebookText {
  readonly intro: (f: NotebookFacts) => string;
  readonly parts: Readonly<Record<ScriptPart, (f: NotebookFacts) => string>>;
  readonly plot: string;
}

/** The explanations in English and in Japanese, with the course's terms. */
export const NOTEBOOK_TEXT: Readonly<Record<NotebookLang, NotebookText>> = {
  en: {
    intro: (f) =>
      `# ${f.title}\n\nA notebook exported from GradCanvas. Run the cells from top to bottom: they train the same model as GradCanvas and print the same log (epoch, loss, …) and final parameters as GradCanvas's command line \`train\`. It uses a GPU when there is one.`,
    parts: {
      setup: () => '## Setup\n\nImports PyTorch, sets the number type GradCanvas computes in, and picks the device: a GPU (`cuda`) when there is one, otherwise the CPU.',
      data: () => "## Data\n\nThe graph's datasets and inputs as tensors on the device. The comment on each line names the node it computes.",
      model: () =>
        "## Model\n\n`Net` is an `nn.Module` holding the graph's parameters (weights and biases) at their current values. `forward()` is the forward pass: one line per node of the computation graph.",
      loss: (f) =>
        f.criterion
          ? "## Loss\n\nThe loss function (`criterion`) compares the model's outputs with the targets."
          : "## Loss\n\nThe graph computes its loss inside `forward()`, so the model's output is the loss.",
      optimizer: (f) =>
        f.optimizer
          ? `## Optimizer\n\nThe optimizer updates the weights and biases from their gradients, with learning rate ${f.lr}.`
          : '## Optimizer\n\nThe graph has no trainable parameters, so there is no optimizer.',
      training: () =>
        "## Training loop\n\nEach epoch zeroes the gradients, runs the forward pass, computes the loss, runs the backward pass and updates the parameters. It prints the same `epoch,loss` lines as GradCanvas's command line `train`, then the final parameters.",
    },
    plot: '## Loss curve\n\nThe loss of every epoch, plotted with matplotlib.',
  },
  ja: {
    intro: (f) =>
      `# ${f.title}\n\nGradCanvas から書き出したノートブックです。上のセルから順に実行すると、GradCanvas と同じモデルを学習し、GradCanvas のコマンドラインの \`train\` と同じログ（エポック、損失…）と最後のパラメータを表示します。GPU があれば GPU を使います。`,
    parts: {
      setup: () => '## 準備\n\nPyTorch を読み込み、GradCanvas が計算に使う数値型を設定し、デバイスを選びます。GPU（`cuda`）があれば GPU、なければ CPU です。',
      data: () => '## データ\n\nグラフのデータセットと入力をテンソルにして、デバイスに置きます。各行のコメントは、その行が計算するノードの名前です。',
      model: () =>
        '## モデル\n\n`Net` は、グラフのパラメータ（重みとバイアス）を今の値で持つ `nn.Module` です。`forward()` が順伝播で、計算グラフの 1 ノードが 1 行です。',
      loss: (f) =>
        f.criterion
          ? '## 損失関数\n\n損失関数（`criterion`）が、モデルの出力と正解を比べて損失を計算します。'
          : '## 損失関数\n\nこのグラフは損失を `forward()` の中で計算するので、モデルの出力が損失です。',
      optimizer: (f) =>
        f.optimizer
          ? `## 最適化手法\n\n最適化手法（optimizer）が、勾配を使って重みとバイアスを更新します。学習率は ${f.lr} です。`
          : '## 最適化手法\n\n学習するパラメータがないので、最適化手法はありません。',
      training: () =>
        '## 学習ループ\n\n各エポックで、勾配を 0 にし、順伝播、損失の計算、逆伝播、パラメータの更新を行います。GradCanvas のコマンドラインの `train` と同じ `epoch,loss` の行と、最後のパラメータを表示します。',
    },
    plot: '## 損失の推移\n\nエポックごとの損失を matplotlib でグラフにします。',
  },
};
