import { useT } from '../i18n/useT';
import { useSession } from '../session/useSession';
import { lazyPanel } from '../shell/lazyPanel';
import { GradFnToggle } from './GradFnToggle';
import './stepper.css';

// The explanation and the PyTorch view (with the code that writes the script) download when the first step
// starts, or earlier when a pointer or the keyboard reaches the step bar.
const details = lazyPanel(() => import('./StepDetails').then((m) => m.StepDetails));

/** Starts downloading the step panel's explanation and PyTorch view, so the first step shows them at once. */
export const preloadStepDetails: () => Promise<void> = details.preload;

/** The explanation of the current trace event and the PyTorch view with the current line lit; one line until the first step. */
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
      <details.Panel />
    </div>
  );
}
