import { useMemo } from 'react';
import { plainMath } from '../../engine';
import { useT } from '../i18n/useT';
import { useSession, useSessionApi } from '../session/useSession';
import { explain, focusOf } from './explain';
import { MathText } from './MathText';

/** What the current event did, in words, in symbols, and with the engine's numbers, at the followed element (element 0 unless the learner picked one). */
export function Explanation() {
  const t = useT();
  const session = useSessionApi();
  const doc = useSession((s) => s.history.present);
  const events = useSession((s) => s.stepper.events);
  const cursor = useSession((s) => s.stepper.cursor);
  const epoch = useSession((s) => s.stepper.step);
  const zeroGrad = useSession((s) => s.stepper.zeroGrad);
  const followed = useSession((s) => s.stepper.followed);
  const lr = doc.training.optimizer.lr;
  const lines = useMemo(() => explain({ events, cursor, doc, lr, optimizer: doc.training.optimizer, followed }), [events, cursor, doc, lr, followed]);
  const focus = useMemo(() => focusOf({ events, doc, followed }), [events, doc, followed]);
  const ev = events[cursor];
  const hasUpdate = events.some((e) => e.type === 'update');
  return (
    <section aria-labelledby="steppanel-explain">
      <h3 id="steppanel-explain">{t('stepper.panel.explain')}</h3>
      <p className="steppanel__focus" data-testid="step.explain.focus" data-element={focus.name ?? ''}>
        {focus.name === null ? t('stepper.follow.default') : t('stepper.follow.chosen', { element: focus.name })}
        {focus.name !== null && (
          <button type="button" className="steppanel__unfollow" data-testid="step.explain.unfollow" onClick={() => session.follow(null)}>
            {t('stepper.follow.reset')}
          </button>
        )}
      </p>
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
            <div className="steppanel__numbers" data-testid="step.explain.numbers" data-plain={plainMath(l.numbers)}>
              <MathText text={l.numbers} />
            </div>
            {l.note && <div className="steppanel__hint">{t(l.note.key, l.note.vars)}</div>}
          </div>
        ))}
        {epoch > 0 && !hasUpdate && ev?.phase === 'backward' && cursor === events.length - 1 && <p className="steppanel__line">{t('stepper.panel.noUpdate')}</p>}
      </div>
    </section>
  );
}
