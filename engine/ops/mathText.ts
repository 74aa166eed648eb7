// Math text: the formulas of an explanation as plain strings with one structure, the fraction,
// marked by three private-use characters so substituted numbers and names can never collide
// with it. The explanation panel stacks a fraction; `plainMath` writes it on one line.

const OPEN = '\u{E000}';
const BAR = '\u{E001}';
const CLOSE = '\u{E002}';

/** A fraction in math text: the explanation panel stacks `num` over `den`; `plainMath` writes `(num) / den`. */
export function frac(num: string, den: string): string {
  return `${OPEN}${num}${BAR}${den}${CLOSE}`;
}

/** A piece of math text: a plain run, or a fraction of two pieces. */
export type MathPart = string | { readonly num: readonly MathPart[]; readonly den: readonly MathPart[] };

/** Math text split into plain runs and (nested) fractions; a marker without its partners is dropped. */
export function parseMath(text: string): MathPart[] {
  let k = 0;
  // Reads parts until `stop` (a bar or a close at this depth) or the end.
  const parts = (stop: string | null): MathPart[] => {
    const out: MathPart[] = [];
    let run = '';
    while (k < text.length) {
      const c = text[k];
      if (c === BAR || c === CLOSE) {
        if (c === stop || stop !== null) break;
        k++; // a stray bar or close at the top level
        continue;
      }
      k++;
      if (c !== OPEN) {
        run += c;
        continue;
      }
      const num = parts(BAR);
      if (text[k] !== BAR) {
        run += flat(num);
        continue;
      }
      k++;
      const den = parts(CLOSE);
      if (text[k] === CLOSE) k++;
      if (run) out.push(run);
      run = '';
      out.push({ num, den });
    }
    if (run) out.push(run);
    return out;
  };
  return parts(null);
}

/** Math text on one line: a fraction as `num / den`, a side of more than one term in parentheses, and the fraction too where something is written right against it. */
export function plainMath(text: string): string {
  return flat(parseMath(text));
}

function flat(parts: readonly MathPart[]): string {
  let out = '';
  parts.forEach((p, i) => {
    if (typeof p === 'string') {
      out += p;
      return;
    }
    const side = (q: readonly MathPart[]) => (oneTerm(q) ? flat(q) : `(${flat(q)})`);
    const inner = `${side(p.num)} / ${side(p.den)}`;
    out += touches(parts, i) ? `(${inner})` : inner;
  });
  return out;
}

/** True when something is written right against the fraction at `parts[i]` (`…·1`), so on one line it needs parentheses. */
export function touches(parts: readonly MathPart[], i: number): boolean {
  const prev = parts[i - 1];
  const next = parts[i + 1];
  return (typeof prev === 'string' ? /\S$/.test(prev) : prev !== undefined) || (typeof next === 'string' ? /^\S/.test(next) : next !== undefined);
}

/** True when a fraction's side is one term (no space, product or division outside brackets), so on one line it needs no parentheses. */
export function oneTerm(parts: readonly MathPart[]): boolean {
  if (parts.some((p) => typeof p !== 'string')) return false;
  return !/[\s·/]/.test(parts.join('').replace(/\[[^\]]*\]/g, ''));
}

/** A number or a name (with its index) that needs no parentheses: `4`, `1.5e-5`, `x[3]`, `lin.weight[0, 1]`, `?`. */
const ATOM = String.raw`(?:\d+(?:\.\d+)?(?:e[+-]?\d+)?|nan|inf|\?|[\p{L}_][\p{L}\p{N}_.]*(?:\[[\d, ]+\])?)`;
const BARE = new RegExp(String.raw`(^|[\s(·+−=/^,${OPEN}${BAR}])\((${ATOM})\)`, 'gu');
const DOUBLED = new RegExp(String.raw`\(\((−${ATOM})\)\)`, 'gu');
const ARGUMENT = new RegExp(String.raw`(\(|, )\((−${ATOM})\)(?=[),])`, 'gu');

/**
 * Substituted math text tidied the way it is typeset: parentheses around a single non-negative
 * number or name dropped (`2·(4)·(1)` → `2·4·1`), a negative number keeping exactly one pair
 * (`((−2))²` → `(−2)²`) and none as a whole function argument (`max(0, (−2))` → `max(0, −2)`).
 */
export function tidyMath(text: string): string {
  let out = text;
  for (let previous = ''; previous !== out; ) {
    previous = out;
    out = out.replace(DOUBLED, '($1)').replace(BARE, '$1$2');
  }
  return out.replace(ARGUMENT, '$1$2');
}
