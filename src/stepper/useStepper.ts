import { useEditor } from '../store';
import { createStepperStore } from './stepperStore';

/** The app's step-through store, following the open document. */
export const useStepper = createStepperStore();

useStepper.getState().sync(useEditor.getState().history.present);
useEditor.subscribe((s, prev) => {
  if (s.history.present !== prev.history.present) useStepper.getState().sync(s.history.present);
});
