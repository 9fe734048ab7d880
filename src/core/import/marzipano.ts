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
  round,
  warn,
  zoomForVerticalFov,
  isRecord,
  type Json,
  num,
  reportUnknown,
  str,
} from './common.ts';
import { readAssignedData } from './js-data.ts';
import { type ViewLimits, hasViewLimits, limitView } from './marzipano-limits.ts';

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

/** More tiles than this in one scene is no real export (a 4096-px level set has 516). */
export const MAX_TILES_PER_SCENE = 50_000;

export function importMarzipano(
  data: Json,
  options: { lang: string; tourId: string; limits?: ViewLimits },
): ImportPlan {
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
  const limited: ImportWarning[] = [];
  const scenes = raw.flatMap((scene, i) => {
    const converted = convertScene(scene, `scenes[${i}]`, ids, { ...options, limited }, plan);
    return converted ? [converted] : [];
  });
  plan.warnings.push(...summarise(limited));
  plan.manifest = { title: { [options.lang]: str(data.name) ?? options.tourId }, scenes };
  return plan;
}

function convertScene(
  scene: Json,
  path: string,
  ids: Map<string, string>,
  { lang, limits, limited }: { lang: string; limits?: ViewLimits; limited: ImportWarning[] },
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
  const view = startView(scene, `${path}.initialViewParameters`, limits, limited);
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
    startView: view,
    hotspots,
  };
}

/**
 * The scene's initial view (Marzipano's default fov is π/4) through index.js's limiter, as
 * Marzipano passes it; a view the limits changed is reported.
 */
function startView(
  scene: Json,
  path: string,
  limits: ViewLimits | undefined,
  warnings: ImportWarning[],
): Json {
  const raw = isRecord(scene.initialViewParameters) ? scene.initialViewParameters : {};
  const given = { ...angles(raw), fov: radToDeg(num(raw.fov) ?? Math.PI / 4) };
  const view = hasViewLimits(limits) ? limitView(given, limits) : given;
  const zoom = zoomForVerticalFov(view.fov);
  const changes = { vi: [] as string[], en: [] as string[] };
  if (zoom !== zoomForVerticalFov(given.fov)) {
    changes.vi.push(`góc nhìn ${round(given.fov)}° → ${round(view.fov)}° (mức phóng ${zoom})`);
    changes.en.push(`field of view ${round(given.fov)}° → ${round(view.fov)}° (zoom ${zoom})`);
  }
  for (const key of ['pitch', 'yaw'] as const)
    if (round(view[key]) !== round(given[key])) {
      changes.vi.push(
        `${key === 'pitch' ? 'góc ngẩng' : 'hướng'} ${given[key]}° → ${round(view[key])}°`,
      );
      changes.en.push(`${key} ${given[key]}° → ${round(view[key])}°`);
    }
  if (changes.en.length)
    warnings.push(
      warn(
        path,
        `Hướng nhìn đầu của cảnh "${String(scene.id)}" đã được giới hạn như index.js làm: ${changes.vi.join(', ')}.`,
        `Scene "${String(scene.id)}"'s start view was limited as index.js does: ${changes.en.join(', ')}.`,
      ),
    );
  return { yaw: normalizeYaw(view.yaw), pitch: clampPitch(view.pitch), zoom };
}

/**
 * One warning per scene whose start view the limits changed; past three (a 72-scene export
 * with the stock limiter changes every 90° view), one for all, naming the first.
 */
function summarise(limited: ImportWarning[]): ImportWarning[] {
  if (limited.length <= 3) return limited;
  const [first] = limited;
  return [
    warn(
      'index.js',
      `Hướng nhìn đầu của ${limited.length} cảnh đã được giới hạn như index.js làm; cảnh đầu: ${first!.message.vi}`,
      `The start views of ${limited.length} scenes were limited as index.js does; the first: ${first!.message.en}`,
    ),
  ];
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
  // Marzipano turns the link's arrow picture by `rotation` (clockwise, radians). Our viewer
  // draws every link with the same marker, unturned: said plainly, unless the turn is none
  // (0, or SHOWROOM-ALP's 2π: a whole turn).
  const turn = ((round(radToDeg(num(raw.rotation) ?? 0)) % 360) + 360) % 360 || 0;
  if (turn !== 0)
    warnings.push(
      warn(
        `${path}.rotation`,
        `Mũi tên của lối này xoay ${turn}° trong Marzipano; trình xem vẽ mọi lối bằng cùng một dấu ➜, không xoay: hướng của lối chỉ thấy qua vị trí của nó.`,
        `This link's arrow is turned ${turn}° in Marzipano; our viewer draws every link with the same ➜ marker, unturned: the link's direction shows only by where it sits.`,
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
