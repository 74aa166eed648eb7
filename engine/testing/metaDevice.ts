/** The line both exported training scripts pick their device with. */
export const DEVICE_LINE = 'device = torch.device("cuda" if torch.cuda.is_available() else "cpu")';

/**
 * Reads a meta tensor's numbers as zeros (and its truth as true), so a script on the meta device
 * runs to its end; every other tensor reads as before. Patched once per Python process.
 */
const PRELUDE = `import torch as _torch
if not getattr(_torch.Tensor, '_reads_meta', False):
    def _reading(real, meta):
        return lambda t: meta(t) if t.is_meta else real(t)
    _torch.Tensor.item = _reading(_torch.Tensor.item, lambda t: 0.0)
    _torch.Tensor.tolist = _reading(_torch.Tensor.tolist, lambda t: [0.0] * t.numel())
    _torch.Tensor.__bool__ = _reading(_torch.Tensor.__bool__, lambda t: True)
    _torch.Tensor._reads_meta = True
`;

/**
 * An exported script moved to PyTorch's meta device: a device that holds shapes but no numbers
 * and, as a GPU does, refuses to compute with a tensor left on the CPU ("Expected all tensors to
 * be on the same device"). Run to its end, it shows that every tensor and the model follow
 * `device`, so the script trains on a GPU machine unchanged; what it prints means nothing.
 */
export function onMetaDevice(code: string): string {
  if (code.split(DEVICE_LINE).length !== 2) throw new Error('the script does not pick its device exactly once');
  return PRELUDE + code.replace(DEVICE_LINE, 'device = torch.device("meta")');
}
