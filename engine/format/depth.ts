/**
 * How deep a JSON text nests, found by one pass over its brackets outside strings, so a
 * hostile file nested 200,000 levels deep is refused before JSON.parse (or anything
 * recursive) ever sees it. Returns the 1-based line where nesting first goes past `max`,
 * or null when it never does.
 */
export function lineWhereNestingExceeds(text: string, max: number): number | null {
  let depth = 0;
  let line = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash escapes the next character, quotes included
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x0a) line++;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return line;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return null;
}
