/**
 * Draws the toolbar icon (a lens over a tooth outline) as PNGs in public/icon/. Run once when the design
 * changes: `npx tsx scripts/make-icons.ts`. No image library needed: pixels, zlib and a PNG header.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf: Buffer) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type: string, data: Buffer) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** Signed distance to a rounded box centred at 0.5,0.5. */
const roundedBox = (x: number, y: number, half: number, r: number) => {
  const qx = Math.abs(x - 0.5) - half + r;
  const qy = Math.abs(y - 0.5) - half + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};

function pixel(x: number, y: number, px: number): [number, number, number, number] {
  const cover = (d: number) => Math.max(0, Math.min(1, 0.5 - d / px));
  const bg = cover(roundedBox(x, y, 0.48, 0.16));
  const lens = Math.hypot(x - 0.44, y - 0.44);
  const ring = cover(Math.abs(lens - 0.24) - 0.055);
  const handle = cover(Math.abs((x - y) / Math.SQRT2) - 0.05) * cover(Math.max(0.62 - (x + y) / 2, (x + y) / 2 - 0.84));
  const white = Math.max(ring, handle);
  const tooth = cover(Math.max(Math.abs(x - 0.44) - 0.1, Math.abs(y - 0.44) - 0.11)) * 0.9;
  const r = 11 + (255 - 11) * white + (180 - 11) * tooth * (1 - white);
  const g = 92 + (255 - 92) * white + (220 - 92) * tooth * (1 - white);
  const b = 173 + (255 - 173) * white + (255 - 173) * tooth * (1 - white);
  return [r, g, b, 255 * bg];
}

function png(size: number): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const p = pixel((x + 0.5) / size, (y + 0.5) / size, 1 / size);
      for (let k = 0; k < 4; k++) raw[y * (size * 4 + 1) + 1 + x * 4 + k] = Math.round(p[k]);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync('public/icon', { recursive: true });
for (const size of [16, 32, 48, 96, 128]) writeFileSync(`public/icon/${size}.png`, png(size));
console.log('icons written to public/icon/');
