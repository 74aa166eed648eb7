/** The explanation of the current trace event and the PyTorch view with the current line lit. */
export function StepPanel() {
  return <div data-testid="stepper.panel">Step-through</div>;
}
