/** Strings of the shell, in English and Japanese. */
export const shell = {} as const;
