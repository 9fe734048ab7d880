/** The sample tour as the benchmark sees it, and the baseline page's files. */
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Tour } from '../src/manifest/schema.ts';
import type { SceneInfo } from './pages.ts';

const TOUR_DIR = 'tours/demo';

async function readTour(): Promise<Tour> {
  return JSON.parse(await readFile(`${TOUR_DIR}/tour.json`, 'utf8')) as Tour;
}

export async function readScenes(): Promise<SceneInfo[]> {
  const tour = await readTour();
  return tour.scenes.map((scene) => ({
    id: scene.id,
    title: scene.title[tour.defaultLanguage] ?? scene.id,
    links: scene.hotspots.flatMap((h) => (h.type === 'scene' ? [h.target] : [])),
  }));
}

/** Builds the baseline page into dist/bench/ with the original JPEGs and its nodes. */
export async function prepareBaseline(scenes: readonly SceneInfo[]): Promise<void> {
  execFileSync('npx', ['vite', 'build', '--config', 'bench/vite.config.ts'], { stdio: 'inherit' });
  const tour = await readTour();
  await mkdir('dist/bench/panoramas', { recursive: true });
  const nodes = [];
  for (const scene of tour.scenes) {
    const source = scene.panorama.source;
    if (!source) throw new Error(`scene ${scene.id} has no equirectangular source`);
    const name = path.basename(source);
    await copyFile(path.join(TOUR_DIR, source), `dist/bench/panoramas/${name}`);
    nodes.push({
      id: scene.id,
      panorama: `panoramas/${name}`,
      name: scene.id,
      links: scene.hotspots.flatMap((h) =>
        h.type === 'scene'
          ? [
              {
                nodeId: h.target,
                position: { yaw: `${h.position.yaw}deg`, pitch: `${h.position.pitch}deg` },
              },
            ]
          : [],
      ),
    });
  }
  const start = tour.startScene ?? scenes[0]?.id;
  await writeFile('dist/bench/nodes.json', JSON.stringify({ nodes, start }));
}
