/**
 * Marzipano Tool exports (`data.js` with `APP_DATA`, and `tiles/<scene>/{z}/{f}/{y}/{x}.jpg`)
 * as our manifest. Units: Marzipano angles are radians, its pitch grows downwards (ours up),
 * its fov is vertical like ours.
 */
import { problem } from '../manifest/problems.ts';
import { failure, type Result, success } from '../result.ts';
import {
  type ImportPlan,
  type ImportWarning,
  clampPitch,
  cleanId,
  htmlToMarkdown,
  normalizeYaw,
  radToDeg,
  warn,
  zoomForVerticalFov,
  isRecord,
  type Json,
  num,
  reportUnknown,
  str,
} from './common.ts';
import { readAssignedData } from './js-data.ts';

const SCENE_KEYS = new Set([
  'id',
  'name',
  'levels',
  'faceSize',
  'initialViewParameters',
  'linkHotspots',
  'infoHotspots',
]);
const LINK_KEYS = new Set(['yaw', 'pitch', 'rotation', 'target']);
const INFO_KEYS = new Set(['yaw', 'pitch', 'title', 'text']);
const FACES = ['l', 'f', 'r', 'b', 'u', 'd'] as const;

/**
 * The object assigned in data.js (`var APP_DATA = {…};`), read with a JavaScript parser as
 * data, never run: the file comes from elsewhere, and may have been re-formatted (Prettier's
 * single quotes, bare keys, trailing commas). `file` names data.js in the problem. What had to
 * be dropped (a function, an expression) comes back as warnings.
 */
export function parseMarzipanoData(
  text: string,
  file = 'data.js',
): Result<Json> & { warnings?: ImportWarning[] } {
  const read = readAssignedData(text);
  if (!read.ok && read.reason === 'syntax')
    return failure(problem('source-invalid-script', { path: file, detail: read.detail }, file));
  if (!read.ok) return failure(problem('not-marzipano', { path: file, reason: 'no-object' }, file));
  if (!Array.isArray(read.data.scenes))
    return failure(problem('not-marzipano', { path: file, reason: 'no-scenes' }, file));
  return { ...success(read.data), warnings: read.warnings };
}

/**
 * The view limits the Tool's index.js sets (`limit.traditional(data.faceSize, 100*Math.PI/180,
 * 120*Math.PI/180)`: most vertical and horizontal field of view, degrees), in any spacing.
 * Our viewer has no per-tour limits: they are reported, never lost silently.
 */
export function indexJsLimits(text: string): ImportWarning[] {
  const angle = String.raw`\s*(\d+(?:\.\d+)?)\s*\*\s*Math\.PI\s*\/\s*180\s*`;
  const limit = new RegExp(
    String.raw`limit\.traditional\(\s*[\w$.]*faceSize\s*,${angle},${angle}\)`,
  ).exec(text);
  const warnings: ImportWarning[] = [];
  if (limit)
    warnings.push(
      warn(
        'index.js',
        `Giới hạn góc nhìn của index.js (dọc tối đa ${limit[1]}°, ngang tối đa ${limit[2]}°) không được chuyển: trình xem dùng giới hạn riêng.`,
        `The view limits of index.js (at most ${limit[1]}° high, ${limit[2]}° wide) are not carried over: our viewer has its own.`,
      ),
    );
  const yawSpeed = /autorotate\(\s*\{[^}]*yawSpeed\s*:\s*([\d.]+)/.exec(text);
  if (yawSpeed)
    warnings.push(
      warn(
        'index.js',
        `Tốc độ tự xoay của index.js (${yawSpeed[1]} rad/s) không được chuyển: trình xem tự xoay chậm khi không ai dùng.`,
        `The autorotate speed of index.js (${yawSpeed[1]} rad/s) is not carried over: our viewer turns slowly by itself when idle.`,
      ),
    );
  return warnings;
}

/** More tiles than this in one scene is no real export (a 4096-px level set has 516). */
export const MAX_TILES_PER_SCENE = 50_000;

export function importMarzipano(data: Json, options: { lang: string; tourId: string }): ImportPlan {
  const plan: ImportPlan = {
    manifest: {},
    copies: [],
    stripes: [],
    cuts: [],
    recuts: [],
    warnings: [],
  };
  for (const key of Object.keys(data))
    if (key !== 'scenes' && key !== 'name' && key !== 'settings')
      plan.warnings.push(
        warn(key, `Thiết lập "${key}" không được chuyển.`, `Setting "${key}" is not carried over.`),
      );
  if (isRecord(data.settings))
    for (const key of Object.keys(data.settings))
      plan.warnings.push(
        warn(
          `settings.${key}`,
          `Thiết lập trình xem "${key}" không được chuyển.`,
          `Viewer setting "${key}" is not carried over.`,
        ),
      );
  const raw = (data.scenes as unknown[]).filter(isRecord);
  const taken = new Set<string>();
  const ids = new Map(
    raw.map((scene, i) => [
      String(scene.id ?? i),
      cleanId(String(scene.id ?? `scene-${i}`), taken),
    ]),
  );
  const scenes = raw.flatMap((scene, i) => {
    const converted = convertScene(scene, `scenes[${i}]`, ids, options.lang, plan);
    return converted ? [converted] : [];
  });
  plan.manifest = { title: { [options.lang]: str(data.name) ?? options.tourId }, scenes };
  return plan;
}

function convertScene(
  scene: Json,
  path: string,
  ids: Map<string, string>,
  lang: string,
  plan: ImportPlan,
): Json | undefined {
  reportUnknown(scene, SCENE_KEYS, path, plan.warnings);
  const sourceId = String(scene.id);
  const id = ids.get(sourceId)!;
  const source = (Array.isArray(scene.levels) ? scene.levels : []).filter(isRecord);
  const levels = source.map((level) => {
    const size = num(level.size) ?? 0;
    const tileSize = num(level.tileSize) ?? 0;
    return { faceSize: size, nbTiles: tileSize > 0 ? size / tileSize : 0 };
  });
  const bad = levels.find(
    ({ faceSize, nbTiles }) =>
      faceSize < 16 || !Number.isInteger(nbTiles) || nbTiles < 1 || (nbTiles & (nbTiles - 1)) !== 0,
  );
  if (levels.length === 0 || bad) {
    plan.warnings.push(
      warn(
        `${path}.levels`,
        `Bỏ cảnh "${sourceId}": các mức mảnh ảnh không đọc được.`,
        `Scene "${sourceId}" left out: its tile levels cannot be read.`,
      ),
    );
    return undefined;
  }
  // Counted before any list is made: `size 16384, tileSize 1` would be 1.6 billion tiles.
  const count = levels.reduce((n, { nbTiles }) => n + 6 * nbTiles * nbTiles, 0);
  if (count > MAX_TILES_PER_SCENE) {
    plan.warnings.push(
      warn(
        `${path}.levels`,
        `Bỏ cảnh "${sourceId}": các mức cần ${count} mảnh ảnh (tối đa ${MAX_TILES_PER_SCENE}); bản xuất thật không có số mảnh như vậy — hãy xuất lại từ Marzipano Tool.`,
        `Scene "${sourceId}" left out: its levels need ${count} tiles (at most ${MAX_TILES_PER_SCENE}); no real export has that many — export it again from Marzipano Tool.`,
      ),
    );
    return undefined;
  }
  // Marzipano's {z} counts every level from 0, fallback-only ones included: so does our {level}.
  levels.forEach(({ nbTiles, faceSize }, z) => {
    // The Tool writes no tiles for a fallback-only level: its viewer draws it from preview.jpg
    // (a strip of six faces), so its faces are cut from there, one tile per face.
    if (source[z]?.fallbackOnly === true && nbTiles === 1) {
      plan.cuts.push({
        from: `tiles/${sourceId}/preview.jpg`,
        to: `tiles/${id}/${z}/{face}/0/0.jpg`,
        order: 'bdflru',
        size: faceSize,
      });
      return;
    }
    for (const face of FACES)
      for (let row = 0; row < nbTiles; row++)
        for (let col = 0; col < nbTiles; col++)
          plan.copies.push({
            from: `tiles/${sourceId}/${z}/${face}/${row}/${col}.jpg`,
            to: `tiles/${id}/${z}/${face}/${row}/${col}.jpg`,
          });
  });
  plan.stripes.push({
    from: `tiles/${sourceId}/preview.jpg`,
    to: `tiles/${id}/preview.jpg`,
    order: 'bdflru',
  });
  const view = isRecord(scene.initialViewParameters) ? scene.initialViewParameters : {};
  const hotspots = [
    ...list(scene.linkHotspots).flatMap((raw, i) =>
      link(raw, `${path}.linkHotspots[${i}]`, ids, plan.warnings, id),
    ),
    ...list(scene.infoHotspots).flatMap((raw, i) =>
      info(raw, `${path}.infoHotspots[${i}]`, lang, plan.warnings),
    ),
  ];
  return {
    id,
    title: { [lang]: str(scene.name) ?? id },
    panorama: {
      cubeTiles: {
        path: `tiles/${id}/{level}/{face}/{row}/{col}.jpg`,
        levels,
        flipTopBottom: true,
      },
      preview: `tiles/${id}/preview.jpg`,
    },
    startView: {
      ...angles(view),
      zoom: zoomForVerticalFov(radToDeg(num(view.fov) ?? Math.PI / 2)),
    },
    hotspots,
  };
}

const list = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isRecord) : []);

const angles = (raw: Json) => ({
  yaw: normalizeYaw(radToDeg(num(raw.yaw) ?? 0)),
  pitch: clampPitch(-radToDeg(num(raw.pitch) ?? 0)),
});

function link(
  raw: Json,
  path: string,
  ids: Map<string, string>,
  warnings: ImportWarning[],
  own: string,
): Json[] {
  reportUnknown(raw, LINK_KEYS, path, warnings);
  const target = ids.get(String(raw.target));
  // A scene linking to itself stops the viewer's tour plugin: never carried over.
  if (target === own) {
    warnings.push(
      warn(
        `${path}.target`,
        `Bỏ lối của cảnh "${own}" dẫn về chính nó.`,
        `Link of scene "${own}" to itself removed.`,
      ),
    );
    return [];
  }
  if (!target) {
    warnings.push(
      warn(
        `${path}.target`,
        `Bỏ lối sang cảnh không có "${String(raw.target)}".`,
        `Link to a missing scene "${String(raw.target)}" left out.`,
      ),
    );
    return [];
  }
  if (num(raw.rotation))
    warnings.push(
      warn(
        `${path}.rotation`,
        'Hướng xoay của mũi tên không được chuyển.',
        'The arrow rotation is not carried over.',
      ),
    );
  return [
    {
      id: `link-${path.match(/\[(\d+)\]$/)?.[1] ?? '0'}`,
      type: 'scene',
      target,
      position: angles(raw),
    },
  ];
}

function info(raw: Json, path: string, lang: string, warnings: ImportWarning[]): Json[] {
  reportUnknown(raw, INFO_KEYS, path, warnings);
  const title = htmlToMarkdown(str(raw.title) ?? '');
  const body = htmlToMarkdown(str(raw.text) ?? '');
  const dropped = [...title.droppedTags, ...body.droppedTags];
  if (dropped.length)
    warnings.push(
      warn(
        path,
        `Bỏ thẻ HTML: ${dropped.join(', ')}.`,
        `HTML tags dropped: ${dropped.join(', ')}.`,
      ),
    );
  const heading = title.text.replace(/\*+/g, '') || body.text.slice(0, 60);
  if (!heading) {
    warnings.push(
      warn(path, 'Bỏ điểm thông tin không có chữ.', 'Info hotspot without text left out.'),
    );
    return [];
  }
  return [
    {
      id: `info-${path.match(/\[(\d+)\]$/)?.[1] ?? '0'}`,
      type: 'info',
      position: angles(raw),
      title: { [lang]: heading },
      ...(body.text ? { body: { [lang]: body.text } } : {}),
    },
  ];
}
