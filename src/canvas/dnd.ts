/** The dataTransfer type the palette writes an op name under, and the canvas reads on drop. */
export const PALETTE_MIME = 'application/gradcanvas-op';

/** Whether a drag carries a palette op (during dragover only the types are readable, not the data). */
export function carriesOp(types: readonly string[]): boolean {
  return types.includes(PALETTE_MIME);
}

/**
 * The drop effect to announce for a palette drag: 'copy' when the source allows it, else
 * 'move'. A drop effect the source did not allow makes the browser cancel the drop.
 */
export function dropEffectFor(effectAllowed: string): 'copy' | 'move' {
  return ['copy', 'copyMove', 'copyLink', 'all', 'uninitialized'].includes(effectAllowed) ? 'copy' : 'move';
}
