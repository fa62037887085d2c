// Draws the add-in's icons (assets/icon-{16,32,64,80,128}.png): a young person beside a
// euro coin on a teal tile. Shapes are signed-distance functions, supersampled 4×4, written
// as PNG with Node's zlib, so no image tool is needed. Run: node scripts/draw-icons.js
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const TEAL = [15, 110, 110];
const WHITE = [255, 255, 255];
const GOLD = [242, 182, 50];
const DARK = [120, 80, 10];

const roundedBox = (x, y, cx, cy, hw, hh, r) => {
  const qx = Math.abs(x - cx) - hw + r, qy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
const circle = (x, y, cx, cy, r) => Math.hypot(x - cx, y - cy) - r;

// Layers in unit coordinates (0..1), painted in order; each returns a distance (<0 inside).
const layers = [
  [TEAL, (x, y) => roundedBox(x, y, 0.5, 0.5, 0.5, 0.5, 0.18)],
  [WHITE, (x, y) => circle(x, y, 0.36, 0.3, 0.13)], // head
  [WHITE, (x, y) => Math.max(circle(x, y, 0.36, 0.86, 0.3), y - 0.84)], // shoulders
  [GOLD, (x, y) => circle(x, y, 0.72, 0.68, 0.2)], // coin
  [DARK, (x, y) => Math.max(Math.abs(circle(x, y, 0.76, 0.68, 0.1)) - 0.025, x - 0.8)], // euro arc
  [DARK, (x, y) => roundedBox(x, y, 0.68, 0.65, 0.07, 0.014, 0.005)], // euro bars
  [DARK, (x, y) => roundedBox(x, y, 0.68, 0.71, 0.07, 0.014, 0.005)],
];

function pixel(size, px, py) {
  const rgba = [0, 0, 0, 0];
  const n = 4;
  for (let sy = 0; sy < n; sy++)
    for (let sx = 0; sx < n; sx++) {
      const x = (px + (sx + 0.5) / n) / size, y = (py + (sy + 0.5) / n) / size;
      let c = null;
      for (const [color, sdf] of layers) if (sdf(x, y) < 0) c = color;
      if (c) { rgba[0] += c[0]; rgba[1] += c[1]; rgba[2] += c[2]; rgba[3] += 255; }
    }
  const covered = rgba[3] / 255;
  return covered ? [rgba[0] / covered, rgba[1] / covered, rgba[2] / covered, rgba[3] / (n * n)].map(Math.round) : [0, 0, 0, 0];
}

function crc32(buf) {
  let c, crc = 0xffffffff;
  for (let i = 0; i < buf.length; i++) {
    c = (crc ^ buf[i]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) Buffer.from(pixel(size, x, y)).copy(raw, y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4); ihdr[8] = 8; ihdr[9] = 6;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", ihdr), chunk("IDAT", zlib.deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}

for (const size of [16, 32, 64, 80, 128]) fs.writeFileSync(path.join(__dirname, "..", "assets", `icon-${size}.png`), png(size));
fs.writeFileSync(path.join(__dirname, "..", "assets", "logo-filled.png"), png(300));
