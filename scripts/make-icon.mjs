// Draws images/icon.png (128×128): three server-rack units with status lights on a dark blue tile.
// Run once by hand when the design changes: node scripts/make-icon.mjs
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

const W = 128,
  H = 128;
const px = Buffer.alloc(W * H * 4);
function rect(x0, y0, x1, y1, [r, g, b, a = 255]) {
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) {
      const i = (y * W + x) * 4;
      px[i] = r;
      px[i + 1] = g;
      px[i + 2] = b;
      px[i + 3] = a;
    }
}
function roundedTile() {
  const r = 18;
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const cx = x < r ? r : x >= W - r ? W - r - 1 : x;
      const cy = y < r ? r : y >= H - r ? H - r - 1 : y;
      if ((x - cx) ** 2 + (y - cy) ** 2 <= r * r) rect(x, y, x + 1, y + 1, [22, 48, 92]);
    }
}
roundedTile();
const units = [
  [24, 'ok'],
  [54, 'ok'],
  [84, 'warn'],
];
for (const [y, state] of units) {
  rect(18, y, 110, y + 22, [230, 236, 245]);
  rect(24, y + 8, 70, y + 14, [120, 135, 160]);
  rect(84, y + 7, 92, y + 15, state === 'ok' ? [46, 180, 90] : [240, 170, 30]);
  rect(96, y + 7, 104, y + 15, [46, 180, 90]);
}
const raw = Buffer.alloc((W * 4 + 1) * H);
for (let y = 0; y < H; y++) px.copy(raw, y * (W * 4 + 1) + 1, y * W * 4, (y + 1) * W * 4);
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const c = Buffer.alloc(4);
  c.writeUInt32BE(crc(td));
  return Buffer.concat([len, td, c]);
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(W, 0);
ihdr.writeUInt32BE(H, 4);
ihdr[8] = 8;
ihdr[9] = 6;
writeFileSync(
  'images/icon.png',
  Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]),
);
