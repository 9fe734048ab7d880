/**
 * Renders the app icons (public/icons/) from the favicon's drawing: 192 and 512 px, and a
 * 512 px "maskable" one with the safe margin Android's round and squircle masks need.
 * Run once after changing public/favicon.svg: `node scripts/make-icons.mjs`.
 */
import { mkdir, readFile } from 'node:fs/promises';
import sharp from 'sharp';

const svg = await readFile('public/favicon.svg');
await mkdir('public/icons', { recursive: true });
for (const size of [192, 512]) {
  await sharp(svg, { density: (72 * size) / 64 })
    .resize(size, size)
    .png()
    .toFile(`public/icons/icon-${size}.png`);
}
// Maskable: the emblem in the middle 70 %, on the theme colour to the edges.
const inner = await sharp(svg, { density: 72 * 6 })
  .resize(358, 358)
  .png()
  .toBuffer();
await sharp({ create: { width: 512, height: 512, channels: 4, background: '#7a1f12' } })
  .composite([{ input: inner, gravity: 'centre' }])
  .png()
  .toFile('public/icons/icon-maskable-512.png');
console.log('public/icons: icon-192.png, icon-512.png, icon-maskable-512.png');
