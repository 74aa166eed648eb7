/** Strings of a training run that the first screen shows (its notices, the divergence line), in English and Japanese; the training panel's own strings load with it (training.ts). */
export const trainingRun = {
  'train.cannot': { en: 'Cannot train: {reason}', ja: '学習できません: {reason}' },
  'train.noLoss': { en: 'the graph has no loss node', ja: 'グラフに損失ノードがありません' },
  'train.hasErrors': { en: 'the graph has errors', ja: 'グラフにエラーがあります' },
  'train.noWorker': { en: 'this page cannot start a training worker', ja: 'このページでは学習用のワーカーを開始できません' },
  'train.error': { en: 'Training stopped: {message}', ja: '学習が止まりました: {message}' },
  'train.diverged': {
    en: 'Training stopped at epoch {epoch}: {reason}. {restored} Try a smaller learning rate (now {lr}).',
    ja: 'エポック {epoch} で学習を止めました: {reason}。{restored}学習率を小さくしてください(現在 {lr})。',
  },
  'train.diverged.nonfinite-loss': { en: 'the loss became {value} (it first appeared at {nodes})', ja: '損失が {value} になりました(最初に現れたのは {nodes})' },
  'train.diverged.loss-growth': { en: 'the loss {value} grew past {factor} × the first loss ({first})', ja: '損失 {value} が最初の損失 ({first}) の {factor} 倍を超えました' },
  'train.diverged.nonfinite-grad': { en: 'the gradient of {nodes} became {value}', ja: '{nodes} の勾配が {value} になりました' },
  'train.diverged.nonfinite-param': { en: 'the update made the parameters of {nodes} {value}', ja: '更新で {nodes} のパラメータが {value} になりました' },
  'train.diverged.restored': { en: 'The parameters are back to epoch {epoch}’s values.', ja: 'パラメータはエポック {epoch} の値に戻しました。' },
  'train.diverged.restoredStart': { en: 'The parameters are back to their values before this run.', ja: 'パラメータは学習前の値に戻しました。' },
  'train.workerFailed': { en: 'the training worker stopped unexpectedly', ja: '学習を実行するワーカーが予期せず止まりました' },
} as const;
