/** Strings of the canvas, in English and Japanese. */
export const canvas = {} as const;
