/**
 * Shelf packing of boxes into rows of a target width: what places a lane's connected components
 * (each laid out by ELK) and its unconnected boxes, so ELK only ever sees small graphs.
 */

export interface Box {
  readonly id: string;
  readonly width: number;
  readonly height: number;
}

/** Top-left corners for `boxes`, tallest first, rows no wider than `maxWidth` (a wider box gets its own row). */
export function packBoxes(boxes: readonly Box[], maxWidth: number, gap: number): { at: Map<string, { x: number; y: number }>; width: number; height: number } {
  const order = [...boxes].sort((a, b) => b.height - a.height || a.id.localeCompare(b.id));
  const at = new Map<string, { x: number; y: number }>();
  let x = 0, y = 0, rowH = 0, width = 0;
  for (const b of order) {
    if (x > 0 && x + b.width > maxWidth) {
      y += rowH + gap;
      x = 0;
      rowH = 0;
    }
    at.set(b.id, { x, y });
    x += b.width + gap;
    rowH = Math.max(rowH, b.height);
    width = Math.max(width, x - gap);
  }
  return { at, width, height: order.length ? y + rowH : 0 };
}

/** A row width that makes a roughly 2.5:1 block of this total area (never narrower than the widest box). */
export function targetWidth(boxes: readonly Box[]): number {
  const area = boxes.reduce((a, b) => a + b.width * b.height, 0);
  return Math.max(Math.sqrt(area * 2.5), ...boxes.map((b) => b.width), 600);
}
