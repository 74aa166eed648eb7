/** A text whose `backticked` parts are code, shown in <code> elements. */
export function CodeText({ text }: { readonly text: string }) {
  return (
    <>
      {text.split('`').map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part))}
    </>
  );
}
