import type { Clip } from '../store/edits';

/** How far each paste shifts the copied nodes, so copies never hide exactly under their originals. */
export const PASTE_STEP = 40;

// The canvas clipboard lives in the page: nodes are not text, and the system clipboard
// would need permission prompts for a feature that only ever pastes back into this page.
let clip: Clip | null = null;
let pastes = 0;

/** Puts nodes on the clipboard; the next paste lands one step away from them. */
export function setClip(next: Clip): void {
  clip = next;
  pastes = 0;
}

/** The clipboard and where this paste goes (each paste one step further), or null when empty. */
export function nextPaste(): { clip: Clip; offset: { x: number; y: number } } | null {
  if (!clip || clip.nodes.length === 0) return null;
  pastes += 1;
  return { clip, offset: { x: PASTE_STEP * pastes, y: PASTE_STEP * pastes } };
}
