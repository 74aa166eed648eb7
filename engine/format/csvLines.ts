/**
 * Turns character offsets of a text into 1-based physical line numbers, as an editor counts
 * them (a line ends at \n, \r\n or a lone \r). Offsets must be asked in increasing order, so
 * the whole file is scanned once however many rows it has.
 */
export function lineCounter(text: string): (offset: number) => number {
  let pos = 0;
  let line = 1;
  return (offset: number) => {
    const end = Math.min(offset, text.length);
    for (; pos < end; pos++) {
      const c = text.charCodeAt(pos);
      if (c === 0x0a || (c === 0x0d && text.charCodeAt(pos + 1) !== 0x0a)) line++;
    }
    return line;
  };
}

/** The delimiters a CSV file may use: comma, semicolon (spreadsheets in decimal-comma locales) and tab. */
const DELIMITERS = [',', ';', '\t'] as const;

/**
 * The delimiter of a CSV text, read from its first non-empty line (the header of names): the
 * candidate found most often outside quotes, a comma when none is. Guessing from the header
 * keeps a decimal comma in the data ("3,14" in a ;-separated file) from looking like a delimiter.
 */
export function headerDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let inQuotes = false;
  let seen = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === '\n' || c === '\r')) {
      if (seen) break;
    } else if (!inQuotes && counts.has(c)) counts.set(c, (counts.get(c) as number) + 1);
    if (c.trim() !== '') seen = true;
  }
  let best: string = DELIMITERS[0];
  for (const d of DELIMITERS) if ((counts.get(d) as number) > (counts.get(best) as number)) best = d;
  return best;
}
