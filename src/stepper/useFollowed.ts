import { useSession } from '../session/useSession';
import { correspondingIndex } from './element';

/** The element of node `id`'s output that goes with the followed element (see correspondingIndex); null when none is followed or none corresponds. */
export function useFollowedIndex(id: string): number | null {
  return useSession((s) => {
    const f = s.stepper.followed;
    const from = f ? s.compiled.shapes.get(f.node) : undefined;
    const to = s.compiled.shapes.get(id);
    if (!f || !from || !to) return null;
    return correspondingIndex(from, f.index, to);
  });
}
