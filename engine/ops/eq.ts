import { comparison } from './compare';

/** `eq`: y = 1 where a = b, else 0 (NaN equals nothing), as torch.eq; no gradient. */
export const eq = comparison('eq', '=', (a, b) => a === b, '1 if equal, else 0');
