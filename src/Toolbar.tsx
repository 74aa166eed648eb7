/** The Backward and Zero grad buttons. */
export function Toolbar({ onBackward, onZeroGrad }: { onBackward: () => void; onZeroGrad: () => void }) {
  return (
    <div className="toolbar" role="toolbar" aria-label="Gradient actions">
      <button type="button" data-testid="toolbar.backward" title="z.backward(): add ∂z/∂node into every gradient" onClick={onBackward}>
        Backward
      </button>
      <button type="button" data-testid="toolbar.zeroGrad" title="x.grad.zero_(): set every leaf gradient to 0" onClick={onZeroGrad}>
        Zero grad
      </button>
    </div>
  );
}
