import { useMemo } from 'react';
import type { Program } from '../../engine';
import { useEditor, useRun } from '../store';
import { useTraining } from '../training/trainingStore';
import { compileCopy, loadParams, paramValuesOf } from './liveCopy';

/** A copy of the program holding the current parameters, run forward, and a tick that changes whenever they may have. */
export interface LiveCopy {
  readonly program: Program | null;
  readonly tick: number;
}

let ticks = 0;

/**
 * A compiled copy of the open graph, with the parameters of the latest training snapshot
 * while a run has a trail, else the editor's current ones. Views read it; the editor's
 * program is never touched.
 */
export function useLiveCopy(): LiveCopy {
  const doc = useEditor((s) => s.history.present);
  const program = useRun((s) => s.program);
  const version = useRun((s) => s.version);
  const latest = useTraining((s) => (s.status !== 'idle' && s.trail.length > 0 ? s.trail[s.trail.length - 1] : null));
  const copy = useMemo(() => compileCopy(doc), [doc]);
  return useMemo(() => {
    if (copy) {
      if (latest) loadParams(copy, latest.params);
      else if (program) loadParams(copy, paramValuesOf(program.params));
      try {
        copy.forward();
      } catch {
        // A runtime failure (a domain error) leaves the last values; the plots show what they can.
      }
    }
    ticks += 1;
    return { program: copy, tick: ticks };
    // version: the editor program's parameters may have changed in place (a step, a backward).
  }, [copy, latest, program, version]);
}
