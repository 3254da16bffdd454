/**
 * Fitting text into a terminal width: truncation with an ellipsis and word wrapping. Measured in
 * code points, which is what a terminal shows for the ASCII/Latin text our reports contain.
 */

/** Length in code points (an ellipsis counts as one column). */
export function visibleLength(text: string): number {
  return [...text].length;
}

/** Cut to `max` columns, ending with `…` when something was cut. */
export function truncate(text: string, max: number): string {
  if (max <= 0) return '';
  const chars = [...text];
  if (chars.length <= max) return text;
  return chars.slice(0, Math.max(0, max - 1)).join('') + '…';
}

/** Pad with spaces to `width` columns (never cuts). */
export function padEnd(text: string, width: number): string {
  const n = visibleLength(text);
  return n >= width ? text : text + ' '.repeat(width - n);
}

/** Word-wrap `text` into lines of at most `width` columns, each prefixed by `indent`. */
export function wrapText(text: string, width: number, indent: string): string[] {
  const room = Math.max(10, width - visibleLength(indent));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    // A word longer than the room (an ARM id) is cut into pieces rather than overflowing.
    let w = word;
    while (visibleLength(w) > room) {
      if (line) { lines.push(line); line = ''; }
      lines.push([...w].slice(0, room).join(''));
      w = [...w].slice(room).join('');
    }
    if (!line) line = w;
    else if (visibleLength(line) + 1 + visibleLength(w) <= room) line += ` ${w}`;
    else { lines.push(line); line = w; }
  }
  if (line) lines.push(line);
  return lines.map((l) => indent + l);
}
