import type { SessionSnapshot } from './session';

/** What the gradients hold right now, in words: the message under the toolbar. */
export function describeGradState(s: SessionSnapshot): string {
  const loss = s.loss ?? 'the loss';
  if (!s.hasGrad) return `Forward pass done. Press Backward to run ${loss}.backward(); until then every .grad is None.`;
  const n = s.backwardsSinceZero;
  if (n === 0) return 'Gradients zeroed: every leaf .grad is 0 until the next Backward.';
  if (n === 1) return `Backward ran once: each .grad holds ∂${loss}/∂node.`;
  return (
    `Backward ran ${n} times without zeroing: leaf gradients have accumulated to ${n}× ∂${loss}/∂x, ` +
    'because PyTorch adds each backward into .grad until you zero it.'
  );
}
