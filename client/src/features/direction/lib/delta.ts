/** `+3`, `−2`, `=`: a counter's change since the previous point (as in the PDF). */
export function formatDelta(delta: number): string {
  if (delta === 0) return '=';
  return delta > 0 ? `+${delta}` : `−${-delta}`;
}
