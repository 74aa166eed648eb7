import { useEffect, useRef, useState } from 'react';
import type { SessionState } from '../session/types';
import { useSessionApi } from '../session/useSession';
import { FrameCoalescer, pageFrames } from './frameCoalescer';

/**
 * Reads the session's state through a selector, as `useSession` does, but re-renders at most
 * once per animation frame: however many updates a frame brings (a training frame's curve,
 * parameters and write-back), a plot redraws once, with the latest.
 */
export function useSessionFrame<T>(selector: (state: SessionState) => T): T {
  const store = useSessionApi().store;
  const [value, setValue] = useState(() => selector(store.getState()));
  const latest = useRef(selector);
  latest.current = selector;
  useEffect(() => {
    const frames = new FrameCoalescer(pageFrames());
    const read = () => setValue(() => latest.current(store.getState()));
    // What changed between the first drawing and now.
    read();
    const unsubscribe = store.subscribe(() => frames.request(read));
    return () => {
      unsubscribe();
      frames.cancel();
    };
  }, [store]);
  return value;
}
