/** What one pass over a JSON text's structure found, before anything parses it. */
export interface TextStructure {
  /** The 1-based line where nesting first goes past the limit, or null when it never does. */
  readonly deepLine: number | null;
  /** Commas outside strings: every value of a list or object but the first follows one, so this bounds the values parsing would build. */
  readonly commas: number;
}

/**
 * How deep a JSON text nests and how many values it holds, found by one pass over its
 * brackets and commas outside strings, so a hostile file nested 200,000 levels deep, or one
 * that would build tens of millions of values, is refused before JSON.parse (or anything
 * recursive) ever sees it. Stops at the first line nested past `maxDepth`.
 */
export function scanStructure(text: string, maxDepth: number): TextStructure {
  let depth = 0;
  let line = 1;
  let commas = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash escapes the next character, quotes included
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x2c) commas++;
    else if (c === 0x0a) line++;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > maxDepth) return { deepLine: line, commas };
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return { deepLine: null, commas };
}
