// Draws build/icon.png (512×512): a rounded tile with three linked nodes, one green link and one red
// dashed link — the app's picture in miniature. Pure Node (zlib) so no image tool is needed;
// electron-builder derives the platform icon formats from this PNG. Run: node build/makeIcon.mjs
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const S = 512;
const px = Buffer.alloc(S * S * 4);
const nodes = [[150, 350], [362, 350], [256, 150]];
const links = [[0, 2, [47, 191, 113], false], [2, 1, [240, 82, 79], true], [0, 1, [110, 168, 254], false]];

function segDist(x, y, [ax, ay], [bx, by]) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return [Math.hypot(x - ax - t * dx, y - ay - t * dy), t * Math.hypot(dx, dy)];
}

for (let y = 0; y < S; y++) {
  for (let x = 0; x < S; x++) {
    // Rounded-square tile, radius 96.
    const r = 96, cx = Math.min(Math.max(x, r), S - r), cy = Math.min(Math.max(y, r), S - r);
    const inside = Math.hypot(x - cx, y - cy) <= r;
    let c = inside ? [15, 20, 25, 255] : [0, 0, 0, 0];
    for (const [a, b, color, dashed] of links) {
      const [d, along] = segDist(x, y, nodes[a], nodes[b]);
      if (inside && d < 14 && (!dashed || Math.floor(along / 34) % 2 === 0)) c = [...color, 255];
    }
    for (const [nx, ny] of nodes) {
      const d = Math.hypot(x - nx, y - ny);
      if (d < 58) c = d < 44 ? [230, 237, 243, 255] : [79, 143, 247, 255];
    }
    px.set(c, (y * S + x) * 4);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf) => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const c = Buffer.alloc(4); c.writeUInt32BE(crc(td));
  return Buffer.concat([len, td, c]);
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(S, 0); ihdr.writeUInt32BE(S, 4); ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
const raw = Buffer.alloc(S * (S * 4 + 1));
for (let y = 0; y < S; y++) px.copy(raw, y * (S * 4 + 1) + 1, y * S * 4, (y + 1) * S * 4);
const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
writeFileSync(join(dirname(fileURLToPath(import.meta.url)), 'icon.png'), png);
