/** True when the element scrolls its content vertically. */
function scrolls(el: HTMLElement): boolean {
  const overflow = getComputedStyle(el).overflowY;
  return (overflow === 'auto' || overflow === 'scroll') && el.scrollHeight > el.clientHeight;
}

/**
 * The bottom of whatever sticks to the top of `box` over `el`: sticky earlier siblings of
 * `el`'s ancestors inside `box` (a tab list). `el`'s own siblings are the other code lines.
 */
function stickyBottom(el: HTMLElement, box: HTMLElement): number {
  let bottom = -Infinity;
  for (let a: Element | null = el.parentElement; a && a !== box; a = a.parentElement) {
    for (let s = a.previousElementSibling; s; s = s.previousElementSibling) {
      if (getComputedStyle(s).position === 'sticky') bottom = Math.max(bottom, s.getBoundingClientRect().bottom);
    }
  }
  return bottom;
}

/**
 * Scrolls every box around `line` that scrolls its content (the code, the dock) so that the
 * line lies wholly inside each one's visible part, below anything sticky, with `margin`
 * pixels to spare where there is room: the innermost box centres it, outer boxes move as
 * little as shows it. The page itself (whose overflow is not a scrolling box) is left alone.
 */
export function revealLine(line: HTMLElement, margin: number): void {
  for (let box = line.parentElement; box; box = box.parentElement) {
    if (scrolls(box)) {
      const view = box.getBoundingClientRect();
      const top = Math.max(view.top + box.clientTop, stickyBottom(line, box)) + margin;
      const bottom = view.top + box.clientTop + box.clientHeight - margin;
      const r = line.getBoundingClientRect();
      if (r.top < top || r.bottom > bottom) {
        // The innermost box (the code) centres the line; outer boxes move by as little as shows it.
        const delta = box === line.parentElement ? (r.top + r.bottom) / 2 - (top + bottom) / 2 : r.top < top ? r.top - top : r.bottom - bottom;
        box.scrollTop += delta;
      }
    }
  }
}
