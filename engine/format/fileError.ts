/** One thing wrong with a file: where (a JSON path like `nodes[3].op`, empty for the whole file) and why. */
export interface FileError {
  readonly path: string;
  readonly message: string;
}

/** The longest a key is written in a path; a file's own names must never flood a message. */
const PATH_KEY_CHARS = 40;

/** Keys written after a dot; any other key (empty, with dots, brackets, quotes or spaces) is written in brackets. */
const PLAIN_KEY = /^[^.[\]"\s]+$/;

/** `nodes[3].op` from ['nodes', 3, 'op']; `datasets["my data"]` for a key that is not plain; long keys cut short. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`;
    const name = String(key);
    const short = name.length > PATH_KEY_CHARS ? `${name.slice(0, PATH_KEY_CHARS)}…` : name;
    if (!PLAIN_KEY.test(name)) return `${acc}[${JSON.stringify(short)}]`;
    return acc ? `${acc}.${short}` : short;
  }, '');
}

/** `nodes[3].op: unknown op 'sqaure'`. */
export function formatFileError(e: FileError): string {
  return e.path ? `${e.path}: ${e.message}` : e.message;
}

/** The most errors one load reports: past that, a count says how many more there were. */
export const MAX_FILE_ERRORS = 100;

/** The first MAX_FILE_ERRORS errors, then one line counting the rest. */
export function capErrors(errors: readonly FileError[]): FileError[] {
  if (errors.length <= MAX_FILE_ERRORS) return [...errors];
  return [...errors.slice(0, MAX_FILE_ERRORS), { path: '', message: `and ${errors.length - MAX_FILE_ERRORS} more errors` }];
}
