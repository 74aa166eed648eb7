/** Strings of the inspector, in English and Japanese. */
export const inspector = {} as const;
