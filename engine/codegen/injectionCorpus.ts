/**
 * Hostile text for the export tests: each entry tries to end a comment or a string
 * literal, or to change how Python decodes the file, and then run code. The code they try
 * to run prints `PWN` + `ED`, so the word PWNED appears in output only if it ran.
 */

/** Code that would print PWNED if it ever ran (the word itself is never in the source). */
const RUN = "print('PWN' + 'ED')";

/** Every kind of line break, quote, escape and odd code unit, alone and carrying code. */
export const INJECTION_CORPUS: readonly string[] = [
  `Demo\n${RUN}\n#`,
  '\n',
  '\r',
  `\r${RUN}`,
  `\r\n${RUN}\r\n#`,
  `\u2028${RUN}`,
  `\u2029${RUN}`,
  `\u0085${RUN}`,
  `\v${RUN}\f${RUN}`,
  `\x1c\x1d\x1e${RUN}`,
  "'",
  '"',
  `'); ${RUN}; ('`,
  `"); ${RUN}; ("`,
  '\\',
  'ends in a backslash\\',
  '\\n is not a newline',
  '\\u2028 \\x0a \\N{BULLET}',
  "'''",
  '"""',
  `"""\n${RUN}\n"""`,
  `'''\n${RUN}\n'''`,
  '#',
  `# ${RUN}`,
  '{epoch} {__import__("os").system("echo PWN" "ED")}',
  '\uD800',
  '\uDFFF',
  'a\uDBFFb',
  '\uDC00\uD800',
  '\0',
  `a\0${RUN}`,
  '\x1b[31mred\x1b[0m',
  '\u202Eevil\u202C \u2066x\u2069 \u200B \uFEFF',
  '😀 👨‍👩‍👧',
  '線形回帰　データ',
  '\u00A0\t tab and spaces ',
  'coding: unicode_escape',
  '-*- coding: raw_unicode_escape -*-',
  '__proto__',
  'toString',
  'constructor',
  'forward',
  'training',
  '__init__',
  'self',
  'torch',
  'data_x',
  `${'x'.repeat(5000)}\n${RUN}\n${'\u2028'.repeat(100)}`,
];
