/**
 * Large synthetic import sources, to measure `tour import` time and peak memory (issue 19:
 * "a 300 MB zip import stays under 500 MB of memory"). Too slow for CI: run by hand, then
 *
 *   /usr/bin/time -v node bin/tour.mjs import <source> --out /tmp/<id> --force
 *
 * and read "Maximum resident set size" and "Elapsed (wall clock) time".
 *
 *   npx tsx bench/import-sources.ts recut <dir> [--face 6144]   → <dir>/output/config.json
 *   npx tsx bench/import-sources.ts zip <file.zip> [--mb 300] [--deflate]
 *                                                   → a Marzipano Tool export zip (entries
 *                                                     stored, or deflated as most zip tools do)
 *
 * Tiles are noise (they neither compress in a zip nor shrink as JPEG), so sizes are real ones.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import sharp from 'sharp';

/** A noisy `side`×`side` JPEG (about 0.35 byte per pixel at quality 90, like a photo's detail). */
async function noiseTile(side: number, seed: number, quality = 90): Promise<Buffer> {
  const data = Buffer.alloc(side * side * 3);
  let state = seed * 2654435761;
  for (let i = 0; i < data.length; i++) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    // Noise over a gradient: the tile still shows where it sits when looked at.
    data[i] = ((state >> 16) & 0x7f) + ((i / 3) % side) / (side / 128);
  }
  return sharp(data, { raw: { width: side, height: side, channels: 3 } })
    .jpeg({ quality })
    .toBuffer();
}

/**
 * The top level of a Pannellum generate.py pyramid with `face`-px faces, 512-px tiles cut from
 * the top left (the last row and column short when `face` is no multiple of 512), as an
 * uneven pyramid's re-cut reads it. Lower levels are not written: the re-cut never reads them.
 */
async function recutSource(dir: string, face: number): Promise<void> {
  const tile = 512;
  const count = Math.ceil(face / tile);
  const maxLevel = Math.ceil(Math.log2(face / tile)) + 1;
  const last = face - (count - 1) * tile;
  const whole = await noiseTile(tile, 1);
  for (const side of 'fbudlr')
    for (let row = 0; row < count; row++)
      for (let col = 0; col < count; col++) {
        const file = join(dir, `output/${maxLevel}/${side}${row}_${col}.jpg`);
        await mkdir(dirname(file), { recursive: true });
        const width = col === count - 1 ? last : tile;
        const height = row === count - 1 ? last : tile;
        await (width === tile && height === tile
          ? writeFile(file, whole)
          : sharp(whole).extract({ left: 0, top: 0, width, height }).toFile(file));
      }
  await writeFile(
    join(dir, 'output/config.json'),
    JSON.stringify(
      {
        hfov: 100.0,
        type: 'multires',
        multiRes: {
          path: '/%l/%s%y_%x',
          fallbackPath: '/fallback/%s',
          extension: 'jpg',
          tileResolution: tile,
          maxLevel,
          cubeResolution: face,
        },
      },
      null,
      4,
    ),
  );
}

/**
 * A Marzipano Tool export (app-files/data.js, index.js, tiles/<id>/preview.jpg and levels 1–4,
 * no level 0 as the Tool writes) of as many 2048-px scenes as make `mb` megabytes, streamed
 * into a stored (uncompressed) zip so that it is never whole in this process's memory.
 */
async function marzipanoZip(file: string, mb: number, deflate = false): Promise<void> {
  const levels = [
    { tileSize: 256, size: 256, fallbackOnly: true },
    { tileSize: 512, size: 512 },
    { tileSize: 512, size: 1024 },
    { tileSize: 512, size: 2048 },
  ];
  const tiles = await Promise.all(Array.from({ length: 16 }, (_, i) => noiseTile(512, i + 1, 92)));
  const perScene = 6 * (1 + 4 + 16) * (tiles[0]!.length + 100);
  const count = Math.max(2, Math.ceil((mb * 1024 * 1024) / perScene));
  await mkdir(dirname(file), { recursive: true });
  const out = createWriteStream(file);
  const zip = new Zip((error, chunk, final) => {
    if (error) throw error;
    out.write(chunk);
    if (final) out.end();
  });
  const add = (name: string, data: Uint8Array) => {
    const entry = deflate ? new ZipDeflate(name, { level: 6 }) : new ZipPassThrough(name);
    zip.add(entry);
    entry.push(data, true);
  };
  const ids = Array.from({ length: count }, (_, i) => `${i}-phong-${i}`);
  const preview = await sharp(await noiseTile(256, 99))
    .resize(256, 1536)
    .jpeg()
    .toBuffer();
  let written = 0;
  for (const [s, id] of ids.entries()) {
    add(`app-files/tiles/${id}/preview.jpg`, preview);
    for (const [z, level] of levels.entries()) {
      if (level.fallbackOnly) continue;
      const n = level.size / level.tileSize;
      for (const face of 'bdflru')
        for (let y = 0; y < n; y++)
          for (let x = 0; x < n; x++) {
            // Tiles differ between scenes (a zip of one repeated tile would still be big, but
            // nothing real repeats): each is one of the 16, with a few bytes of its own after
            // the JPEG end marker, which decoders ignore.
            const base = tiles[(s * 7 + y * 4 + x) % tiles.length]!;
            const tail = Buffer.from(`${id}/${z}/${face}/${y}/${x}`);
            const tile = Buffer.concat([base, tail]);
            add(`app-files/tiles/${id}/${z}/${face}/${y}/${x}.jpg`, tile);
            written += tile.length;
          }
      // Let the file stream drain: the zip is written as it is made.
      if (out.writableLength > 64 * 1024 * 1024)
        await new Promise<void>((done) => out.once('drain', () => done()));
    }
  }
  const data = {
    scenes: ids.map((id, i) => ({
      id,
      name: `Phòng ${i}`,
      levels,
      faceSize: 2048,
      initialViewParameters: { yaw: 0, pitch: 0, fov: Math.PI / 2 },
      linkHotspots: [
        { yaw: 1, pitch: 0.1, rotation: 0, target: ids[(i + 1) % count] },
        { yaw: -1, pitch: 0.1, rotation: 0, target: ids[(i + count - 1) % count] },
      ],
      infoHotspots: [],
    })),
    name: 'Project Title',
    settings: {
      mouseViewMode: 'drag',
      autorotateEnabled: true,
      fullscreenButton: false,
      viewControlButtons: false,
    },
  };
  add('app-files/data.js', Buffer.from(`var APP_DATA = ${JSON.stringify(data, null, 2)};\n`));
  add(
    'app-files/index.js',
    Buffer.from(
      '  var limiter = Marzipano.RectilinearView.limit.traditional(data.faceSize, 100*Math.PI/180, 120*Math.PI/180);\n',
    ),
  );
  add('app-files/index.html', Buffer.from('<!doctype html>'));
  zip.end();
  await new Promise<void>((done) => out.once('close', () => done()));
  console.log(`${count} scenes, ${(written / 1024 / 1024).toFixed(1)} MB of tiles → ${file}`);
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    face: { type: 'string', default: '6144' },
    mb: { type: 'string', default: '300' },
    deflate: { type: 'boolean', default: false },
  },
});
const [what, where] = positionals;
if (what === 'recut' && where) await recutSource(where, Number(values.face));
else if (what === 'zip' && where) await marzipanoZip(where, Number(values.mb), values.deflate);
else {
  console.error(
    'usage: tsx bench/import-sources.ts recut <dir> [--face 6144] | zip <file> [--mb 300]',
  );
  process.exitCode = 2;
}
