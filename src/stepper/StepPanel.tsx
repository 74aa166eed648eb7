import { useLayoutEffect, useRef } from 'react';
import { useT } from '../i18n/useT';
import { useSession, useSessionApi } from '../session/useSession';
import { Explanation } from './Explanation';
import { phaseAt } from './playback';
import './stepper.css';

/** The explanation of the current trace event and the PyTorch view with the current line lit. */
export function StepPanel() {
  const t = useT();
  // Until the first step the panel stays one line, leaving the canvas its room (and exports nothing).
  const started = useSession((s) => s.stepper.events.length > 0);
  if (!started) {
    return (
      <div className="steppanel steppanel--idle" data-testid="stepper.panel">
        <span>{t('stepper.panel.idle')}</span>
        <GradFnToggle />
      </div>
    );
  }
  return (
    <div className="steppanel" data-testid="stepper.panel">
      <Explanation />
      <PytorchView />
    </div>
  );
}

/** Labels nodes with PyTorch's backward function names, as make_dot draws them. */
function GradFnToggle() {
  const t = useT();
  const session = useSessionApi();
  const on = useSession((s) => s.stepper.gradFnLabels);
  return (
    <label className="stepbar__check" title={t('stepper.gradFnLabels.title')}>
      <input type="checkbox" data-testid="step.gradFnLabels" checked={on} onChange={(e) => session.setGradFnLabels(e.target.checked)} />
      {t('stepper.gradFnLabels')}
    </label>
  );
}

/** The exported PyTorch training step, with the line of the current phase lit, and the grad_fn toggle. */
function PytorchView() {
  const t = useT();
  const session = useSessionApi();
  // Re-read with the document; the session keeps the script while nothing it reads changed (moving a node does not regenerate it).
  useSession((s) => s.history.present);
  const exported = session.pytorchExport().result;
  const phase = useSession((s) => phaseAt(s.stepper));
  const started = useSession((s) => s.stepper.events.length > 0);
  const zeroGrad = useSession((s) => s.stepper.zeroGrad);
  const lines = exported.ok ? exported.code.split('\n') : [];
  const currentLine = !exported.ok || !started ? 0 : phase === null ? (zeroGrad ? exported.phaseLines.zeroGrad : 0) : exported.phaseLines[phase];
  const box = useRef<HTMLPreElement>(null);
  useLayoutEffect(() => {
    const el = box.current?.querySelector<HTMLElement>('.pytorch__line--current');
    const pre = box.current;
    if (!el || !pre) return;
    // Scroll the code box only, never the page.
    if (el.offsetTop < pre.scrollTop || el.offsetTop + el.offsetHeight > pre.scrollTop + pre.clientHeight) pre.scrollTop = el.offsetTop - pre.clientHeight / 2;
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
        <p data-testid="pytorch.error">{t('stepper.panel.noExport', { message: exported.message })}</p>
      )}
    </section>
  );
}
