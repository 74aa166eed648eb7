/** Strings of the palette, in English and Japanese. */
export const palette = {} as const;
