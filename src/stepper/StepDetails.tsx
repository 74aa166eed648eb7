import { useLayoutEffect, useMemo, useRef } from 'react';
import { runErrorText } from '../i18n/problemText';
import { useT } from '../i18n/useT';
import { pytorchView } from '../session/pytorchView';
import { useSession, useSessionApi } from '../session/useSession';
import { Explanation } from './Explanation';
import { GradFnToggle } from './GradFnToggle';
import { revealLine } from './revealLine';
import { scriptLine } from './scriptLine';

/** The step panel once a step has started: the explanation of the current trace event and the PyTorch view with the current line lit. */
export function StepDetails() {
  return (
    <>
      <Explanation />
      <PytorchView />
    </>
  );
}

/** The exported PyTorch training step, with the line of the current event lit (its node's line, or its phase's), and the grad_fn toggle. */
function PytorchView() {
  const t = useT();
  const session = useSessionApi();
  // Re-read with the document; the session keeps the script while nothing it reads changed (moving a node does not regenerate it).
  useSession((s) => s.history.present);
  const exported = session.pytorchExport(pytorchView).result;
  const events = useSession((s) => s.stepper.events);
  const cursor = useSession((s) => s.stepper.cursor);
  const zeroGrad = useSession((s) => s.stepper.zeroGrad);
  const code = exported.ok ? exported.code : '';
  const lines = useMemo(() => code.split('\n'), [code]);
  const currentLine = !exported.ok || events.length === 0 ? 0 : scriptLine(exported, { events, cursor }, zeroGrad);
  const box = useRef<HTMLPreElement>(null);
  useLayoutEffect(() => {
    const el = box.current?.querySelector<HTMLElement>('.pytorch__line--current');
    // Two lines to spare around the lit line, in the code box and in the dock, never the page.
    if (el) revealLine(el, 30);
  }, [currentLine]);
  return (
    <section aria-labelledby="steppanel-pytorch">
      <h3 id="steppanel-pytorch">{t('stepper.panel.pytorch')}</h3>
      <GradFnToggle />
      {exported.ok ? (
        <pre className="pytorch" data-testid="pytorch.code" ref={box} tabIndex={0}>
          {lines.map((line, k) => (
            <code
              key={k}
              className={k + 1 === currentLine ? 'pytorch__line pytorch__line--current' : 'pytorch__line'}
              data-testid={k + 1 === currentLine ? 'pytorch.line.current' : undefined}
              data-line={k + 1}
              aria-current={k + 1 === currentLine ? 'step' : undefined}
            >
              {line || ' '}
            </code>
          ))}
        </pre>
      ) : (
        <p data-testid="pytorch.error">{t('stepper.panel.noExport', { message: runErrorText(t, exported) })}</p>
      )}
    </section>
  );
}
