/** The plots: loss curve, data and model, function and gradient, loss landscape, optimizer state. */
export function PlotsPanel() {
  return <div data-testid="plots">Plots</div>;
}
