import { comparison } from './compare';

/** `gt`: y = 1 where a > b, else 0 (false for NaN), as torch.gt; no gradient. */
export const gt = comparison('gt', '>', (a, b) => a > b, '1 if greater, else 0');
