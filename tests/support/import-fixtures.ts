/**
 * Small Pannellum and Marzipano Tool sources, written from their documented formats, with
 * generated pictures (a gradient with noise: it looks "drawn" to the canvas checks).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { zipSync } from 'fflate';
import sharp from 'sharp';

export async function picture(
  file: string,
  width: number,
  height: number,
  seed = 1,
): Promise<void> {
  const data = Buffer.alloc(width * height * 3);
  let state = seed;
  for (let i = 0; i < width * height; i++) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    const x = i % width;
    const y = Math.floor(i / width);
    data[i * 3] = (x * 255) / width;
    data[i * 3 + 1] = (y * 255) / height;
    data[i * 3 + 2] = state % 256;
  }
  await mkdir(dirname(file), { recursive: true });
  await sharp(data, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 80 })
    .toFile(file);
}

/** A Pannellum tour: two equirectangular scenes linked both ways, info and link hotspots. */
export async function pannellumTour(dir: string): Promise<string> {
  await picture(join(dir, 'img/gate.jpg'), 256, 128, 1);
  await picture(join(dir, 'img/hall.jpg'), 256, 128, 2);
  const config = {
    default: {
      firstScene: 'hall',
      author: 'Nguyễn Văn A',
      sceneFadeDuration: 1000,
      autoLoad: true,
    },
    scenes: {
      'Cổng Đền': {
        title: 'Cổng đền',
        hfov: 110,
        pitch: -3,
        yaw: 117,
        type: 'equirectangular',
        panorama: 'img/gate.jpg',
        hotSpots: [
          {
            pitch: -2.1,
            yaw: 132.9,
            type: 'scene',
            text: 'Vào đền',
            sceneId: 'hall',
            targetYaw: -23,
            targetPitch: 2,
            targetHfov: 90,
          },
          {
            pitch: 14.1,
            yaw: 190,
            type: 'info',
            text: 'Bia <b>đá</b> năm 1917<script>x</script>',
            cssClass: 'custom',
          },
          {
            pitch: 5,
            yaw: -40,
            type: 'info',
            text: 'Trang web',
            URL: 'https://example.org/',
            clickHandlerFunc: 'f',
          },
        ],
      },
      hall: {
        title: 'Hậu cung',
        panorama: 'img/hall.jpg',
        hotSpots: [
          {
            pitch: 0,
            yaw: 180,
            type: 'scene',
            text: 'Ra cổng',
            sceneId: 'Cổng Đền',
            targetYaw: 'sameAzimuth',
          },
          { pitch: 0, yaw: 10, type: 'scene', sceneId: 'nowhere' },
        ],
      },
    },
  };
  const file = join(dir, 'tour.json');
  await writeFile(file, JSON.stringify(config, null, 2));
  return file;
}

/** A single Pannellum cubemap scene (faces in Pannellum's order: front, right, back, left, up, down). */
export async function pannellumCube(dir: string): Promise<string> {
  const names = ['f', 'r', 'b', 'l', 'u', 'd'];
  await Promise.all(
    names.map((face, i) => picture(join(dir, `cube/${face}.jpg`), 128, 128, i + 3)),
  );
  const file = join(dir, 'cube.json');
  await writeFile(
    file,
    JSON.stringify({
      type: 'cubemap',
      title: 'Sân',
      cubeMap: names.map((f) => `cube/${f}.jpg`),
      yaw: 10,
      hfov: 100,
    }),
  );
  return file;
}

export const MARZIPANO_LEVELS = [
  { tileSize: 64, size: 64, fallbackOnly: true },
  { tileSize: 64, size: 128 },
];

/** A Marzipano Tool export zipped as the tool gives it: app-files/ with data.js and tiles/. */
export async function marzipanoZip(dir: string): Promise<string> {
  const files: Record<string, Uint8Array> = {};
  const ids = ['0-san-dinh', '1-hau-cung'];
  for (const [s, id] of ids.entries()) {
    for (const [z, level] of MARZIPANO_LEVELS.entries())
      for (const face of 'bdflru')
        for (let y = 0; y < level.size / level.tileSize; y++)
          for (let x = 0; x < level.size / level.tileSize; x++) {
            const file = join(dir, 'tmp.jpg');
            await picture(file, level.tileSize, level.tileSize, s * 100 + z * 10 + x + y);
            files[`app-files/tiles/${id}/${z}/${face}/${y}/${x}.jpg`] = new Uint8Array(
              await sharp(file).toBuffer(),
            );
          }
    await picture(join(dir, 'preview.jpg'), 16, 96, s);
    files[`app-files/tiles/${id}/preview.jpg`] = new Uint8Array(
      await sharp(join(dir, 'preview.jpg')).toBuffer(),
    );
  }
  const data = {
    scenes: [
      {
        id: ids[0],
        name: 'Sân đình',
        levels: MARZIPANO_LEVELS,
        faceSize: 128,
        initialViewParameters: { yaw: Math.PI / 2, pitch: 0.2, fov: Math.PI / 3 },
        linkHotspots: [{ yaw: -Math.PI / 4, pitch: 0.1, rotation: 0.5, target: ids[1] }],
        infoHotspots: [
          {
            yaw: Math.PI,
            pitch: -0.3,
            title: 'Bia <em>đá</em>',
            text: '<p>Dựng năm 1917.</p><iframe src="x"></iframe>',
          },
        ],
      },
      {
        id: ids[1],
        name: 'Hậu cung',
        levels: MARZIPANO_LEVELS,
        faceSize: 128,
        initialViewParameters: { yaw: 0, pitch: 0, fov: Math.PI / 2 },
        linkHotspots: [{ yaw: Math.PI, pitch: 0, rotation: 0, target: ids[0] }],
        infoHotspots: [],
      },
    ],
    name: 'Đình làng',
    settings: {
      mouseViewMode: 'drag',
      autorotateEnabled: true,
      fullscreenButton: false,
      viewControlButtons: false,
    },
  };
  files['app-files/data.js'] = new TextEncoder().encode(
    `var APP_DATA = ${JSON.stringify(data, null, 2)};\n`,
  );
  files['app-files/index.html'] = new TextEncoder().encode('<!doctype html>');
  const zip = join(dir, 'export.zip');
  await writeFile(zip, zipSync(files, { level: 0 }));
  return zip;
}
