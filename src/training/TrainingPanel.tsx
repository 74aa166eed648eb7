/** The training panel: optimizer, epochs, batch, Train / Pause / Resume / Reset and progress. */
export function TrainingPanel() {
  return <div data-testid="training">Training</div>;
}
