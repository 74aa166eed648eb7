import { useEffect, useRef, useState } from 'react';
import type { StoreApi } from 'zustand';
import type { SessionState } from '../session/types';
import { useSessionApi } from '../session/useSession';
import { FrameCoalescer, pageFrames } from './frameCoalescer';

/** The views reading a store once per frame, and its subscription while there are any. */
interface FrameReaders {
  readonly readers: Set<() => void>;
  unsubscribe: () => void;
}

const byStore = new WeakMap<StoreApi<SessionState>, FrameReaders>();

/**
 * Adds a view's read to the store's frame: every change books one animation frame, in which
 * all the views read together, so React draws them in one render.
 */
function addReader(store: StoreApi<SessionState>, read: () => void): () => void {
  let r = byStore.get(store);
  if (!r) {
    const frames = new FrameCoalescer(pageFrames());
    const readers = new Set<() => void>();
    const unsubscribe = store.subscribe(() =>
      frames.request(() => {
        for (const each of readers) each();
      }),
    );
    r = {
      readers,
      unsubscribe: () => {
        unsubscribe();
        frames.cancel();
      },
    };
    byStore.set(store, r);
  }
  r.readers.add(read);
  const own = r;
  return () => {
    own.readers.delete(read);
    if (own.readers.size > 0) return;
    own.unsubscribe();
    byStore.delete(store);
  };
}

/**
 * Reads the session's state through a selector, as `useSession` does, but re-renders at most
 * once per animation frame: however many updates a frame brings (a training frame's curve,
 * parameters and write-back), the plots redraw once, together, with the latest. The selector
 * should read only the state (it is called again at each frame).
 */
export function useSessionFrame<T>(selector: (state: SessionState) => T): T {
  const store = useSessionApi().store;
  const [value, setValue] = useState(() => selector(store.getState()));
  const latest = useRef(selector);
  latest.current = selector;
  useEffect(() => {
    const read = () => setValue(() => latest.current(store.getState()));
    // What changed between the first drawing and now.
    read();
    return addReader(store, read);
  }, [store]);
  return value;
}
