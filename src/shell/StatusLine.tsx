import { useShallow } from 'zustand/react/shallow';
import { lastLoss } from '../session/runHistory';
import { curveOf } from '../session/Session';
import { useSession } from '../session/useSession';
import { phaseAt } from '../stepper/playback';
import { runErrorText } from '../i18n/problemText';
import { useT } from '../i18n/useT';
import { gradStatus } from './gradStatus';

/** The line at the bottom: graph size, and what the model is doing or holds right now. */
export function StatusLine() {
  const t = useT();
  const nodes = useSession((s) => s.history.present.nodes.length);
  const edges = useSession((s) => s.history.present.edges.length);
  const input = useSession(
    useShallow((s) => ({
      nodeCount: s.history.present.nodes.length,
      errorCount: s.compiled.problems.filter((p) => p.severity === 'error').length,
      hasProgram: s.compiled.program !== null,
      runError: s.run.runError,
      backwardCount: s.run.backwardCount,
      backwardFrom: s.run.backwardFrom,
      lastRun: s.run.lastRun,
      status: s.training.status,
      epoch: s.training.epoch,
      epochs: s.training.epochs,
      divergenceEpoch: s.training.divergence?.epoch ?? null,
      loss: s.training.status === 'idle' ? null : lastLoss(curveOf(s)),
      step: s.stepper.step,
      inProgress: s.stepper.events.length > 0 && !s.stepper.committed,
      phase: phaseAt(s.stepper),
      diverged: s.stepper.divergence !== null,
    })),
  );
  const status = gradStatus({
    ...input,
    runError: input.runError && { ...input.runError, message: runErrorText(t, input.runError) },
    training: { status: input.status, epoch: input.epoch, epochs: input.epochs, loss: input.loss, divergenceEpoch: input.divergenceEpoch },
    stepper: { step: input.step, inProgress: input.inProgress, phase: input.phase, diverged: input.diverged },
  });
  const vars = status.vars && 'phase' in status.vars ? { ...status.vars, phase: t(`stepper.phase.${status.vars.phase}`) } : status.vars;
  return (
    <footer className="status-line" aria-label={t('shell.status.label')}>
      <span className="status-size" data-testid="status.size">
        {t('shell.status.nodes', { nodes, edges })}
      </span>
      <span className="status-grad" role="status" data-testid="status.accumulation" title={status.title}>
        {t(status.key, vars)}
      </span>
    </footer>
  );
}
