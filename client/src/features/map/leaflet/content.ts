/**
 * Tooltip and popup contents built as DOM nodes with textContent: incident titles and feature
 * labels are user input, and Leaflet would otherwise set them as innerHTML.
 */
export function infoBox(title: string, lines: readonly (string | null | undefined)[]): HTMLElement {
  const box = document.createElement('div');
  box.className = 'vigie-map-info';
  const strong = document.createElement('strong');
  strong.textContent = title;
  box.append(strong);
  for (const line of lines) {
    if (!line) continue;
    const div = document.createElement('div');
    div.textContent = line;
    box.append(div);
  }
  return box;
}
