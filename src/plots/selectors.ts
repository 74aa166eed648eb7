import { type OptimizerTrailPoint, optimizerTrailOf, type TrailPoint, trailOf } from '../session/runHistory';
import { curveOf } from '../session/Session';
import type { SessionState } from '../session/types';

// What the plots read of the session, as stable selectors for useSessionFrame.

/** The run counter: it moves whenever the program's values change in place (a run, a played update, a training frame). */
export const selectRunVersion = (s: SessionState): number => s.run.version;

/** The descent trail of the model's history (a running run's, ahead of the document). */
export const selectTrail = (s: SessionState): readonly TrailPoint[] => trailOf(curveOf(s));

/** The optimizer-state trail of the model's history. */
export const selectOptimizerTrail = (s: SessionState): readonly OptimizerTrailPoint[] => optimizerTrailOf(curveOf(s));
