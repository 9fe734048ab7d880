/** The sample tour as the benchmark sees it, and the baseline page's files. */
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Tour } from '../src/core/manifest/schema.ts';
import type { SceneInfo } from './pages.ts';

const TOUR_DIR = 'tours/demo';
/** The benchmark builds its own copy of the site (git-ignored), leaving dist/ to the tests. */
export const SITE = 'bench/tmp/site';

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

/** Builds the baseline page into <site>/bench/ with the original JPEGs and its nodes. */
export async function prepareBaseline(scenes: readonly SceneInfo[]): Promise<void> {
  execFileSync('npx', ['vite', 'build', '--config', 'bench/vite.config.ts'], { stdio: 'inherit' });
  const tour = await readTour();
  await mkdir(`${SITE}/bench/panoramas`, { recursive: true });
  const nodes = [];
  for (const scene of tour.scenes) {
    const source = scene.panorama.source;
    if (!source) throw new Error(`scene ${scene.id} has no equirectangular source`);
    const name = path.basename(source);
    await copyFile(path.join(TOUR_DIR, source), `${SITE}/bench/panoramas/${name}`);
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
  await writeFile(`${SITE}/bench/nodes.json`, JSON.stringify({ nodes, start }));
}

/**
 * Where the start scene's pixels come from on each page: its tile folder in our published
 * tour, its JPEG in the baseline (neighbours' preloads must not count as the start scene).
 */
export async function startPanoramaPrefixes(): Promise<Record<'ours' | 'baseline', string>> {
  const source = await readTour();
  const published = JSON.parse(await readFile(`${SITE}/tours/demo/tour.json`, 'utf8')) as Tour;
  const startId = source.startScene ?? source.scenes[0]?.id;
  const original = source.scenes.find((s) => s.id === startId)?.panorama.source ?? '';
  const preview = published.scenes.find((s) => s.id === startId)?.panorama.preview ?? '';
  return {
    ours: `/tours/demo/${path.posix.dirname(preview)}/`,
    baseline: `/bench/panoramas/${path.basename(original)}`,
  };
}
