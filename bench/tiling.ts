/** Time to tile an 8192×4096 panorama (the sample's Louvre, upscaled), in this process. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { tilePanorama } from '../src/node/tiles/tile-panorama.ts';

export async function measureTiling(runs: number): Promise<number[]> {
  const source = await sharp('tours/demo/panoramas/louvre.jpg')
    .resize(8192, 4096)
    .jpeg({ quality: 90 })
    .toBuffer();
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-tiles-'));
    const start = performance.now();
    await tilePanorama(source, dir);
    times.push(Math.round(performance.now() - start));
    await rm(dir, { recursive: true, force: true });
  }
  return times;
}
