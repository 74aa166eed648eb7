/** Undo labels the session writes for the model's changes, in English and Japanese. */
export const session = {
  'session.step': { en: 'Step {n}', ja: 'ステップ {n}' },
  'session.stepDiverged': { en: 'Step {n} (diverged)', ja: 'ステップ {n}(発散)' },
  'session.train': { en: 'Train {n} epochs', ja: '{n} エポック学習' },
  'session.train.one': { en: 'Train 1 epoch', ja: '1 エポック学習' },
} as const;
