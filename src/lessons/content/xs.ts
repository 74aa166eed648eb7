/** x = arange(-2, 2.1, 0.25): the 17 points the course's first examples use. */
export const XS: readonly number[] = Array.from({ length: 17 }, (_, i) => -2 + 0.25 * i);
