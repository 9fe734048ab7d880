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

/** Marzipano's preview strip: faces b, d, f, l, r, u from top to bottom, each a flat colour. */
export const STRIP_COLOURS: Record<string, [number, number, number]> = {
  b: [200, 30, 30],
  d: [30, 200, 30],
  f: [30, 30, 200],
  l: [200, 200, 30],
  r: [30, 200, 200],
  u: [200, 30, 200],
};

async function previewStrip(side: number): Promise<Buffer> {
  const faces = await Promise.all(
    [...'bdflru'].map((face) => {
      const [r, g, b] = STRIP_COLOURS[face]!;
      return sharp({
        create: { width: side, height: side, channels: 3, background: { r, g, b } },
      })
        .png()
        .toBuffer();
    }),
  );
  return sharp({
    create: { width: side, height: side * 6, channels: 3, background: '#000' },
  })
    .composite(faces.map((input, i) => ({ input, left: 0, top: i * side })))
    .jpeg({ quality: 95 })
    .toBuffer();
}

/** Prettier's way with data.js: single quotes, bare keys, trailing commas, tabs. */
export function prettierScript(name: string, value: unknown): string {
  const write = (v: unknown, indent: string): string => {
    const inner = `${indent}\t`;
    if (Array.isArray(v))
      return v.length
        ? `[\n${v.map((x) => `${inner}${write(x, inner)},`).join('\n')}\n${indent}]`
        : '[]';
    if (v && typeof v === 'object') {
      const entries = Object.entries(v);
      if (!entries.length) return '{}';
      const key = (k: string) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : `'${k}'`);
      return `{\n${entries.map(([k, x]) => `${inner}${key(k)}: ${write(x, inner)},`).join('\n')}\n${indent}}`;
    }
    if (typeof v === 'string') return `'${v.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
    return String(v);
  };
  return `var ${name} = ${write(value, '')};\n`;
}

/**
 * A Marzipano Tool export zipped as the tool gives it: app-files/ with data.js and tiles/ —
 * and, as the real Tool does, no tiles for the fallback-only level 0 (its viewer draws that
 * level from preview.jpg). `prettier`: data.js re-formatted the way Prettier leaves it.
 */
export async function marzipanoZip(
  dir: string,
  options: {
    prettier?: boolean;
    /** The export's index.js (see marzipanoIndexJs); none by default. */
    indexJs?: string;
    /** initialViewParameters of the first scene, radians (Marzipano's pitch grows downwards). */
    view?: { yaw: number; pitch: number; fov: number };
    /** Arrow rotation of the first scene's link, radians. */
    rotation?: number;
  } = {},
): Promise<string> {
  const files: Record<string, Uint8Array> = {};
  const ids = ['0-san-dinh', '1-hau-cung'];
  for (const [s, id] of ids.entries()) {
    for (const [z, level] of MARZIPANO_LEVELS.entries())
      for (const face of 'bdflru')
        if (!('fallbackOnly' in level))
          for (let y = 0; y < level.size / level.tileSize; y++)
            for (let x = 0; x < level.size / level.tileSize; x++) {
              const file = join(dir, 'tmp.jpg');
              await picture(file, level.tileSize, level.tileSize, s * 100 + z * 10 + x + y);
              files[`app-files/tiles/${id}/${z}/${face}/${y}/${x}.jpg`] = new Uint8Array(
                await sharp(file).toBuffer(),
              );
            }
    files[`app-files/tiles/${id}/preview.jpg`] = new Uint8Array(await previewStrip(64));
  }
  const data = {
    scenes: [
      {
        id: ids[0],
        name: 'Sân đình',
        levels: MARZIPANO_LEVELS,
        faceSize: 128,
        initialViewParameters: options.view ?? { yaw: Math.PI / 2, pitch: 0.2, fov: Math.PI / 3 },
        linkHotspots: [
          { yaw: -Math.PI / 4, pitch: 0.1, rotation: options.rotation ?? 0.5, target: ids[1] },
        ],
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
    options.prettier
      ? prettierScript('APP_DATA', data)
      : `var APP_DATA = ${JSON.stringify(data, null, 2)};\n`,
  );
  files['app-files/index.html'] = new TextEncoder().encode('<!doctype html>');
  if (options.indexJs) files['app-files/index.js'] = new TextEncoder().encode(options.indexJs);
  const zip = join(dir, 'export.zip');
  await writeFile(zip, zipSync(files, { level: 0 }));
  return zip;
}

/**
 * The part of Marzipano Tool's index.js that sets the view (its scene loop, limiter and
 * autorotate), written after the Tool's file: `limiter` replaces the stock
 * `Marzipano.RectilinearView.limit.traditional(data.faceSize, 100*Math.PI/180, 120*Math.PI/180)`
 * (SHOWROOM-ALP edits it to 60° and 180°; Prettier spreads it over lines).
 */
export function marzipanoIndexJs(
  limiter = 'Marzipano.RectilinearView.limit.traditional(data.faceSize, 100*Math.PI/180, 120*Math.PI/180)',
): string {
  return `'use strict';

(function() {
  var Marzipano = window.Marzipano;
  var bowser = window.bowser;
  var screenfull = window.screenfull;
  var data = window.APP_DATA;

  // Grab elements from DOM.
  var panoElement = document.querySelector('#pano');
  var sceneNameElement = document.querySelector('#titleBar .sceneName');

  // Viewer options.
  var viewerOpts = {
    controls: {
      mouseViewMode: data.settings.mouseViewMode
    }
  };

  // Initialize viewer.
  var viewer = new Marzipano.Viewer(panoElement, viewerOpts);

  // Create scenes.
  var scenes = data.scenes.map(function(data) {
    var urlPrefix = "tiles";
    var source = Marzipano.ImageUrlSource.fromString(
      urlPrefix + "/" + data.id + "/{z}/{f}/{y}/{x}.jpg",
      { cubeMapPreviewUrl: urlPrefix + "/" + data.id + "/preview.jpg" });
    var geometry = new Marzipano.CubeGeometry(data.levels);

    var limiter = ${limiter};
    var view = new Marzipano.RectilinearView(data.initialViewParameters, limiter);

    var scene = viewer.createScene({
      source: source,
      geometry: geometry,
      view: view,
      pinFirstLevel: true
    });
    return { data: data, scene: scene, view: view };
  });

  // Set up autorotate, if enabled.
  var autorotate = Marzipano.autorotate({
    yawSpeed: 0.03,
    targetPitch: 0,
    targetFov: Math.PI/2
  });
  if (data.settings.autorotateEnabled) {
    autorotateToggleElement.classList.add('enabled');
  }

  function switchScene(scene) {
    stopAutorotate();
    scene.view.setParameters(scene.data.initialViewParameters);
    scene.scene.switchTo();
    startAutorotate();
  }

  switchScene(scenes[0]);
})();
`;
}

/** Pannellum's face letters, and a flat colour per face so that a re-cut face can be told apart. */
export const PANNELLUM_FACES = ['f', 'b', 'u', 'd', 'l', 'r'] as const;
export const FACE_COLOURS: Record<string, [number, number, number]> = {
  f: [220, 40, 40],
  b: [40, 220, 40],
  u: [40, 40, 220],
  d: [220, 220, 40],
  l: [40, 220, 220],
  r: [220, 40, 220],
};

/**
 * What Pannellum's generate.py writes for a `width`-px equirectangular picture: cube size
 * 8·int(width/π/8), `tile`-px tiles cut from the top left (so the last row and column are
 * short), level sizes halving with rounding down, `<level>/<face><row>_<col>.jpg`, fallback
 * faces, and its config.json. Each face is its colour with a white cross at its centre, so
 * seams of a bad stitch show. Returns the config and the level geometry used.
 */
export async function generatePyMultires(
  dir: string,
  width: number,
  options: { tile?: number; cube?: number } = {},
): Promise<{ config: string; cube: number; levels: Array<{ size: number; lastTile: number }> }> {
  const tile = options.tile ?? 512;
  // generate.py's rule, or its -c option.
  const cube = options.cube ?? 8 * Math.floor(width / 3.14159265 / 8);
  const maxLevel = Math.ceil(Math.log2(cube / Math.min(tile, cube))) + 1;
  const levels: Array<{ size: number; lastTile: number }> = [];
  for (const face of PANNELLUM_FACES) {
    const [r, g, b] = FACE_COLOURS[face]!;
    const bar = Math.max(2, Math.round(cube / 40));
    const from = Math.round((cube - bar) / 2);
    const pixels = Buffer.alloc(cube * cube * 3);
    for (let y = 0; y < cube; y++)
      for (let x = 0; x < cube; x++) {
        const white = (x >= from && x < from + bar) || (y >= from && y < from + bar);
        pixels.set(white ? [255, 255, 255] : [r, g, b], (y * cube + x) * 3);
      }
    const cross = await sharp(pixels, { raw: { width: cube, height: cube, channels: 3 } })
      .png()
      .toBuffer();
    let size = cube;
    for (let level = maxLevel; level >= 1; level--) {
      const scaled = await sharp(cross).resize(size, size).png().toBuffer();
      const count = Math.ceil(size / tile);
      if (face === 'f') levels.unshift({ size, lastTile: size - (count - 1) * tile });
      for (let row = 0; row < count; row++)
        for (let col = 0; col < count; col++) {
          const left = col * tile;
          const top = row * tile;
          const file = join(dir, `output/${level}/${face}${row}_${col}.jpg`);
          await mkdir(dirname(file), { recursive: true });
          await sharp(scaled)
            .extract({
              left,
              top,
              width: Math.min(tile, size - left),
              height: Math.min(tile, size - top),
            })
            .jpeg({ quality: 90 })
            .toFile(file);
        }
      size = Math.floor(size / 2);
    }
    await mkdir(join(dir, 'output/fallback'), { recursive: true });
    await sharp(cross)
      .resize(64, 64)
      .jpeg()
      .toFile(join(dir, `output/fallback/${face}.jpg`));
  }
  const config = join(dir, 'output/config.json');
  await writeFile(
    config,
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
          cubeResolution: cube,
        },
      },
      null,
      4,
    ),
  );
  return { config, cube, levels };
}

/**
 * A Pannellum tour the way real sites ship it: inside an inline `<script>` of a web page,
 * `pannellum.viewer('panorama', {…})` with single quotes, bare keys, comments, trailing commas,
 * a custom tooltip function (declared later) whose label is in createTooltipArgs, an inline
 * function, a scene linking to itself, a link without targetHfov and bold text with attributes.
 */
export async function pannellumPage(dir: string): Promise<string> {
  await picture(join(dir, 'img/san.jpg'), 256, 128, 7);
  await picture(join(dir, 'img/nha.jpg'), 256, 128, 8);
  const page = `<!doctype html>
<html><head><script src="https://cdn.jsdelivr.net/npm/pannellum@2.5.6/build/pannellum.js"></script></head>
<body><div id="panorama"></div>
<script type="text/javascript">
  let note = document.getElementById('note');
  var viewer = pannellum.viewer('panorama', {
    "default": { "firstScene": "san", "autoRotate": -2, sceneFadeDuration: 1000, },
    // "hotSpotDebug": true,
    scenes: {
      san: {
        title: 'Sân đình',
        hfov: 110,
        type: "equirectangular",
        panorama: \`img/san.jpg\`,
        hotSpots: [
          { pitch: -2, yaw: 30, type: 'scene', sceneId: 'nha', targetYaw: -23, targetPitch: 2,
            cssClass: 'custom-hotspot', createTooltipFunc: hotspot, createTooltipArgs: 'Vào nhà', },
          { pitch: -4, yaw: 150, cssClass: 'hotspot-info', createTooltipFunc: hotspot,
            createTooltipArgs: 'Giếng cổ', },
          { pitch: 1, yaw: -60, type: 'info', text: 'Bia <strong data-start="12">đá</strong> xanh dựng năm 1917 ghi công đức dân làng',
            clickHandlerFunc: function (event, args) { alert(args); }, },
        ],
      },
      nha: {
        title: 'Nhà hậu',
        hfov: 70,
        pitch: 5,
        yaw: -10,
        panorama: 'img/nha.jpg',
        hotSpots: [
          { pitch: 0, yaw: 180, type: 'scene', sceneId: 'san', text: 'Ra sân', },
          { pitch: 0, yaw: 90, type: 'scene', sceneId: 'nha', text: 'Lặp lại', },
        ],
      },
    },
  });
  function hotspot(hotSpotDiv, args) {
    hotSpotDiv.classList.add('custom-tooltip');
    var span = document.createElement('span');
    span.innerHTML = args;
    hotSpotDiv.appendChild(span);
  }
</script></body></html>
`;
  const file = join(dir, 'tour.html');
  await writeFile(file, page);
  return file;
}

/**
 * Pannellum's example-tour.json shape: one cubemap scene (faces in Pannellum's order f, r, b,
 * l, u, d, each its FACE_COLOURS colour) and one equirectangular scene, linked both ways.
 */
export async function pannellumMixed(dir: string): Promise<string> {
  const order = ['f', 'r', 'b', 'l', 'u', 'd'];
  await mkdir(join(dir, 'cube'), { recursive: true });
  for (const face of order) {
    const [r, g, b] = FACE_COLOURS[face]!;
    await sharp({ create: { width: 96, height: 96, channels: 3, background: { r, g, b } } })
      .jpeg({ quality: 95 })
      .toFile(join(dir, `cube/${face}.jpg`));
  }
  await picture(join(dir, 'pond.jpg'), 256, 128, 9);
  const file = join(dir, 'example-tour.json');
  await writeFile(
    file,
    `\uFEFF${JSON.stringify({
      default: { firstScene: 'pond', sceneFadeDuration: 2000 },
      scenes: {
        pondCube: {
          title: 'Jordan Pond (Cube)',
          type: 'cubemap',
          cubeMap: order.map((face) => `./cube/${face}.jpg`),
          hotSpots: [{ pitch: 0, yaw: -60, type: 'scene', text: 'Pond', sceneId: 'pond' }],
        },
        pond: {
          title: 'Jordan Pond',
          panorama: './pond.jpg',
          hotSpots: [{ pitch: 0, yaw: 100, type: 'scene', text: 'Cube', sceneId: 'pondCube' }],
        },
      },
    })}`,
  );
  return file;
}

/**
 * A Pannellum tour inside a larger script, as homeTour's script.js ships it: element lookups
 * first, then `let pano = pannellum.viewer(…)` whose config has keys at its top level beside
 * `default` and `scenes` (`autoLoad`, `hfov` — which Pannellum applies over every scene's own
 * — `firstScene`, `title`), a `//` comment and trailing commas inside the object.
 */
export async function pannellumScriptTour(dir: string): Promise<string> {
  await picture(join(dir, 'images/hall.jpg'), 256, 128, 11);
  await picture(join(dir, 'images/play.jpg'), 256, 128, 12);
  const script = `let videoB = document.getElementById('videoB');
let info = document.getElementById('info');

let pano = pannellum.viewer('panorama', {   
    "autoLoad": true,
   "hfov": 120,
   "title": "Nhà của chúng tôi",
   "firstScene": "play",
   "compass": true,
   //"hotSpotDebug": true,
    "default": { "firstScene": "hall", "sceneFadeDuration": 1000, },
    "scenes": {
        "hall": {
            "title": "Phòng khách",
            "hfov": 90,
            "yaw": 20,
            "type": "equirectangular",
            "panorama": "images/hall.jpg",
            "hotSpots": [
                { "pitch": -5, "yaw": 40, "type": "scene", "sceneId": "play", "targetHfov": 140,
                  "cssClass": "custom-hotspot", "createTooltipFunc": hotspot, "createTooltipArgs": "Play Room" },
            ]
        },
        "play": {
            "title": "Phòng chơi",
            "type": "equirectangular",
            "panorama": "images/play.jpg",
            "maxHfov": 100,
            "hotSpots": [
                { "pitch": 0, "yaw": 180, "type": "scene", "sceneId": "hall", "text": "Ra phòng khách" },
            ]
        },
    }
});

function hotspot(hotSpotDiv, args) {
    hotSpotDiv.classList.add('custom-tooltip');
}
`;
  const file = join(dir, 'script.js');
  await writeFile(file, script);
  return file;
}

/**
 * A Pannellum tour mixing a generate.py multires scene with 2:1 pictures, the shape of
 * PannellumImoDemo's index.html: `basePath: "output"`, the pyramid uneven (cube 600 px,
 * 512-px tiles: 2 levels, last tiles 88 px), equirectangular scenes beside it (theirs were on
 * pannellum.org; here local, as an importing user would have them), links with targetYaw.
 */
export async function pannellumMixedMultires(dir: string): Promise<string> {
  const { cube } = await generatePyMultires(dir, 0, { cube: 600 });
  await picture(join(dir, 'images/alma.jpg'), 256, 128, 13);
  await picture(join(dir, 'images/jfk.jpg'), 256, 128, 14);
  const maxLevel = Math.ceil(Math.log2(cube / 512)) + 1;
  const config = {
    default: { firstScene: 'bedroom1', sceneFadeDuration: 1000, autoLoad: true },
    scenes: {
      bedroom1: {
        title: 'Bedroom 1',
        hfov: 110,
        pitch: 3.34,
        yaw: 64.75,
        type: 'multires',
        multiRes: {
          basePath: 'output',
          path: '/%l/%s%y_%x',
          fallbackPath: '/fallback/%s',
          extension: 'jpg',
          tileResolution: 512,
          maxLevel,
          cubeResolution: cube,
        },
        hotSpots: [
          { pitch: 7.89, yaw: 33.14, type: 'info', text: 'Panorama are dimensiunea 10000x5000' },
          {
            pitch: 0.43,
            yaw: 91.36,
            type: 'scene',
            text: 'Sufragerie',
            sceneId: 'sufragerie',
            targetYaw: 73.99,
            targetPitch: 2.68,
          },
        ],
      },
      sufragerie: {
        title: 'Sufragerie',
        hfov: 110,
        pitch: 2.68,
        yaw: 73.99,
        type: 'equirectangular',
        panorama: 'images/alma.jpg',
        hotSpots: [
          {
            pitch: -1.54,
            yaw: 112.15,
            type: 'scene',
            text: 'Bedroom 2',
            sceneId: 'bedroom2',
            targetYaw: -117.53,
            targetPitch: -0.39,
          },
        ],
      },
      bedroom2: {
        title: 'Bedroom 2',
        hfov: 110,
        pitch: -0.39,
        yaw: -117.53,
        type: 'equirectangular',
        panorama: 'images/jfk.jpg',
        hotSpots: [
          {
            pitch: -0.93,
            yaw: -150.54,
            type: 'scene',
            text: 'Bedroom 1',
            sceneId: 'bedroom1',
            targetYaw: 64.75,
            targetPitch: 3.34,
          },
        ],
      },
    },
  };
  const file = join(dir, 'index.html');
  await writeFile(
    file,
    `<!DOCTYPE html>
<html>
<head>
    <script src="https://ajax.googleapis.com/ajax/libs/jquery/3.1.0/jquery.min.js"></script>
    <script type="text/javascript" src="pannellum/src/js/pannellum.js"></script>
    <script type="text/javascript">
    $(document).ready(function(){
        var pan = pannellum.viewer('panorama', ${JSON.stringify(config, null, 4)});
    });
    </script>
</head>
<body><div id="panorama"></div></body>
</html>
`,
  );
  return file;
}
