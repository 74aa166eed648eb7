import { useLayoutEffect, useMemo, useRef } from 'react';
import { useT } from '../i18n/useT';
import { useSession, useSessionApi } from '../session/useSession';
import { explain } from './explain';
import { revealLine } from './revealLine';
import { scriptLine } from './scriptLine';
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

/** What the current event did, in words, in symbols, and with the engine's numbers. */
function Explanation() {
  const t = useT();
  const doc = useSession((s) => s.history.present);
  const events = useSession((s) => s.stepper.events);
  const cursor = useSession((s) => s.stepper.cursor);
  const epoch = useSession((s) => s.stepper.step);
  const zeroGrad = useSession((s) => s.stepper.zeroGrad);
  const lr = doc.training.optimizer.lr;
  const lines = useMemo(() => explain({ events, cursor, doc, lr, optimizer: doc.training.optimizer }), [events, cursor, doc, lr]);
  const ev = events[cursor];
  const hasUpdate = events.some((e) => e.type === 'update');
  return (
    <section aria-labelledby="steppanel-explain">
      <h3 id="steppanel-explain">{t('stepper.panel.explain')}</h3>
      <div data-testid="step.explain" aria-live="polite">
        {epoch > 0 && cursor < 0 && <p className="steppanel__line">{t(zeroGrad ? 'stepper.panel.start' : 'stepper.panel.startNoZero', { n: epoch })}</p>}
        {ev && (
          <p className="steppanel__line" data-testid="step.explain.event">
            {t('stepper.panel.event', { i: cursor + 1, n: events.length, phase: t(`stepper.phase.${ev.phase}`) })}
          </p>
        )}
        {lines.map((l, k) => (
          <div key={k} className="steppanel__line" data-testid="step.explain.line">
            <div>{t(l.words.key, l.words.vars)}</div>
            {l.rule && <div className="steppanel__rule">{l.rule}</div>}
            <div className="steppanel__numbers" data-testid="step.explain.numbers">
              {l.numbers}
            </div>
            {l.note && <div className="steppanel__hint">{t(l.note.key, l.note.vars)}</div>}
          </div>
        ))}
        {epoch > 0 && !hasUpdate && ev?.phase === 'backward' && cursor === events.length - 1 && <p className="steppanel__line">{t('stepper.panel.noUpdate')}</p>}
      </div>
    </section>
  );
}

/** The exported PyTorch training step, with the line of the current event lit (its node's line, or its phase's), and the grad_fn toggle. */
function PytorchView() {
  const t = useT();
  const session = useSessionApi();
  // Re-read with the document; the session keeps the script while nothing it reads changed (moving a node does not regenerate it).
  useSession((s) => s.history.present);
  const exported = session.pytorchExport().result;
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
        <p data-testid="pytorch.error">{t('stepper.panel.noExport', { message: exported.message })}</p>
      )}
    </section>
  );
}
