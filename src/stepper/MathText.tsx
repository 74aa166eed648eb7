import type { ReactNode } from 'react';
import { type MathPart, oneTerm, parseMath, touches } from '../../engine';

/**
 * Math text as the explanation panel typesets it: fractions stacked, numerator over
 * denominator. The one-line reading (`(a) / b`, exactly as engine `plainMath` writes it) is
 * kept in visually hidden text, so a screen reader and the page's text read it on one line.
 */
export function MathText({ text }: { readonly text: string }) {
  return <>{render(parseMath(text))}</>;
}

function render(parts: readonly MathPart[]): ReactNode[] {
  return parts.map((p, i) => {
    if (typeof p === 'string') return p;
    const wrap = touches(parts, i);
    return (
      <span key={i} className="math-frac">
        {wrap && <Hidden text="(" />}
        <span className="math-frac__num">
          <Side parts={p.num} />
        </span>
        <Hidden text=" / " />
        <span className="math-frac__den">
          <Side parts={p.den} />
        </span>
        {wrap && <Hidden text=")" />}
      </span>
    );
  });
}

/** One side of a fraction, in hidden parentheses when it is more than one term. */
function Side({ parts }: { readonly parts: readonly MathPart[] }) {
  const wrap = !oneTerm(parts);
  return (
    <>
      {wrap && <Hidden text="(" />}
      {render(parts)}
      {wrap && <Hidden text=")" />}
    </>
  );
}

/** Text for the one-line reading only. */
function Hidden({ text }: { readonly text: string }) {
  return <span className="math-hidden">{text}</span>;
}
