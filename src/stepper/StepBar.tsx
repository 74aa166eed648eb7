/** The step bar: Step, Step phase, Step training step, Play/Pause, Back, Reset, and the phase loop. */
export function StepBar() {
  return null;
}
