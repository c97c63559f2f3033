import type { DiffPart } from '../contracts/press';

/** Above this many LCS cells the diff is computed line by line instead of word by word. */
const MAX_CELLS = 4_000_000;

function tokens(text: string, byLine: boolean): string[] {
  return byLine ? text.split(/(?<=\n)/) : (text.match(/\s+|[^\s]+/g) ?? []);
}

/**
 * Word-level diff (longest common subsequence) of two texts, as runs of equal / deleted /
 * inserted text: concatenating equal+delete gives `before`, equal+insert gives `after`.
 */
export function diffText(before: string, after: string): DiffPart[] {
  let a = tokens(before, false);
  let b = tokens(after, false);
  if (a.length * b.length > MAX_CELLS) {
    a = tokens(before, true);
    b = tokens(after, true);
  }
  const n = a.length;
  const m = b.length;
  // lcs[i][j]: LCS length of a[i..] and b[j..]
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i * width + j] = a[i] === b[j] ? lcs[(i + 1) * width + j + 1] + 1 : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
  const parts: DiffPart[] = [];
  const push = (op: DiffPart['op'], text: string) => {
    const last = parts.at(-1);
    if (last && last.op === op) last.text += text;
    else parts.push({ op, text });
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      push('equal', a[i]);
      i++;
      j++;
    } else if (lcs[(i + 1) * width + j] >= lcs[i * width + j + 1]) push('delete', a[i++]);
    else push('insert', b[j++]);
  }
  while (i < n) push('delete', a[i++]);
  while (j < m) push('insert', b[j++]);
  return parts;
}
