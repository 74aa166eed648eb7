/** The gradient check: autodiff beside central differences for a chosen leaf. */
export function GradCheckPanel() {
  return <div data-testid="gradcheck">Gradient check</div>;
}
