import { copySnapshot, type SessionSnapshot } from './session';

/** The read-only test API on `window.gradcanvas`: reads state, never changes it. */
export interface TestHook {
  /** A fresh deep copy of the node values and gradients; changing it changes nothing on the page. */
  snapshot(): SessionSnapshot;
}

declare global {
  interface Window {
    readonly gradcanvas?: TestHook;
  }
}

/** Defines `window.gradcanvas` once, frozen and non-writable, reading from `read`. */
export function installTestHook(target: object, read: () => SessionSnapshot): void {
  const hook: TestHook = Object.freeze({ snapshot: () => copySnapshot(read()) });
  Object.defineProperty(target, 'gradcanvas', { value: hook, writable: false, configurable: false, enumerable: false });
}
