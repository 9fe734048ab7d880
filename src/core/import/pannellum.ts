/**
 * Pannellum configurations (a tour: `default` + `scenes`, or one scene's config) as our
 * manifest. Units: Pannellum angles are degrees (yaw to the right, pitch up, as ours); its
 * field of view is horizontal. See Pannellum's doc/json-config-parameters.md.
 */
import {
  type ImportPlan,
  type ImportWarning,
  clampPitch,
  cleanId,
  htmlToMarkdown,
  localPath,
  normalizeYaw,
  warn,
  zoomForHorizontalFov,
  isRecord,
  type Json,
  num,
  reportUnknown,
  str,
} from './common.ts';
import { CUBEMAP_ORDER, oneKind } from './pannellum-kinds.ts';

/** Scene keys we carry over; every other key is reported. */
const SCENE_KEYS = new Set([
  'type',
  'title',
  'author',
  'authorURL',
  'basePath',
  'yaw',
  'pitch',
  'hfov',
  'panorama',
  'cubeMap',
  'multiRes',
  'hotSpots',
  'firstScene',
]);
const HOTSPOT_KEYS = new Set([
  'pitch',
  'yaw',
  'type',
  'text',
  'URL',
  'sceneId',
  'targetPitch',
  'targetYaw',
  'targetHfov',
  'id',
  'createTooltipArgs',
]);
const MULTIRES_KEYS = new Set([
  'basePath',
  'path',
  'extension',
  'tileResolution',
  'maxLevel',
  'cubeResolution',
]);

export interface ImportOptions {
  lang: string;
  tourId: string;
}

/** True when the JSON looks like a Pannellum tour or scene configuration. */
export function isPannellumConfig(data: unknown): boolean {
  if (!isRecord(data)) return false;
  if (isRecord(data.scenes) && !Array.isArray(data.scenes)) return true;
  return ['panorama', 'cubeMap', 'multiRes'].some((key) => key in data);
}

export function importPannellum(data: unknown, options: ImportOptions): ImportPlan {
  const plan: ImportPlan = {
    manifest: {},
    copies: [],
    stripes: [],
    cuts: [],
    recuts: [],
    warnings: [],
  };
  if (!isRecord(data)) throw new Error('not a Pannellum configuration');
  const defaults = isRecord(data.default) ? data.default : {};
  // Pannellum applies `default` to every scene; unknown keys are reported where they are written.
  const rawScenes: Array<[string, Json, string, Json]> = isRecord(data.scenes)
    ? Object.entries(data.scenes).flatMap(([id, scene]) =>
        isRecord(scene)
          ? [[id, { ...defaults, ...scene }, `scenes.${id}`, scene] as [string, Json, string, Json]]
          : [],
      )
    : [['scene', data, '', data]];
  if (isRecord(data.scenes)) reportUnknown(defaults, SCENE_KEYS, 'default', plan.warnings);

  const taken = new Set<string>();
  const ids = new Map(rawScenes.map(([id]) => [id, cleanId(id, taken)]));
  const scenes = rawScenes.flatMap(([rawId, scene, path, own]) => {
    reportUnknown(own, SCENE_KEYS, path, plan.warnings);
    const converted = convertScene(ids.get(rawId)!, scene, path, ids, options.lang, plan);
    return converted ? [converted] : [];
  });
  const kept = new Set(scenes.map((scene) => scene.id as string));
  for (const scene of scenes) dropDanglingLinks(scene, kept, plan.warnings);
  completeArrivals(scenes);
  oneKind(scenes, plan);

  const first = str(defaults.firstScene);
  const title =
    str(defaults.title) ?? str(data.title) ?? str(rawScenes[0]?.[1].title) ?? options.tourId;
  plan.manifest = {
    title: { [options.lang]: title },
    ...(first && ids.has(first) && kept.has(ids.get(first)!) ? { startScene: ids.get(first) } : {}),
    scenes,
  };
  return plan;
}

function convertScene(
  id: string,
  scene: Json,
  path: string,
  ids: Map<string, string>,
  lang: string,
  plan: ImportPlan,
): Json | undefined {
  const at = (key: string) => (path ? `${path}.${key}` : key);
  const panorama = convertPanorama(id, scene, at, plan);
  if (!panorama) return undefined;
  const author = str(scene.author);
  if (author) {
    // Pannellum names no licence, and visitors must never read a made-up one ("unknown"): the
    // credit is left for the author to write, with the name found here in the warning.
    const name = htmlToMarkdown(author).text;
    plan.warnings.push(
      warn(
        at('author'),
        `Tác giả ảnh "${name}" chưa được ghi: Pannellum không cho biết giấy phép. Hãy thêm "credit": {"author": "${name}", "license": "…"} vào panorama của cảnh "${id}".`,
        `Photo author "${name}" not credited yet: Pannellum gives no licence. Add "credit": {"author": "${name}", "license": "…"} to scene "${id}"'s panorama.`,
      ),
    );
  }
  const hotspots = (Array.isArray(scene.hotSpots) ? scene.hotSpots : []).flatMap((hotspot, i) => {
    const converted = convertHotspot(hotspot, `${at('hotSpots')}[${i}]`, ids, lang, plan.warnings);
    return converted ? [converted] : [];
  });
  const hotspotIds = new Set<string>();
  for (const hotspot of hotspots) hotspot.id = cleanId(String(hotspot.id), hotspotIds, 'hotspot');
  const hfov = num(scene.hfov);
  return {
    id,
    title: { [lang]: str(scene.title) ?? id },
    panorama,
    startView: {
      yaw: normalizeYaw(num(scene.yaw) ?? 0),
      pitch: clampPitch(num(scene.pitch) ?? 0),
      zoom: zoomForHorizontalFov(hfov ?? 100),
    },
    hotspots,
  };
}

function convertPanorama(
  id: string,
  scene: Json,
  at: (key: string) => string,
  plan: ImportPlan,
): Json | undefined {
  const type = str(scene.type) ?? 'equirectangular';
  const base = str(scene.basePath);
  const skip = (vi: string, en: string) => {
    plan.warnings.push(warn(at('type'), `Bỏ cảnh "${id}": ${vi}`, `Scene "${id}" left out: ${en}`));
    return undefined;
  };
  if (scene.dynamic === true) return skip('video chưa được hỗ trợ.', 'video is not supported.');
  if (type === 'equirectangular') {
    const source = str(scene.panorama) && localPath(base, str(scene.panorama));
    if (!source)
      return skip(
        'ảnh toàn cảnh là địa chỉ web hoặc trống; hãy tải ảnh về cạnh tệp cấu hình.',
        'its panorama is a web address or empty; download it next to the configuration.',
      );
    for (const key of ['haov', 'vaov', 'vOffset'] as const)
      if (key in scene && num(scene[key]) !== (key === 'haov' ? 360 : key === 'vaov' ? 180 : 0))
        plan.warnings.push(
          warn(
            at(key),
            'Ảnh không phủ đủ 360°×180°: hãy bù ảnh thành 2:1.',
            'The picture does not cover 360°×180°: pad it to a full 2:1 panorama.',
          ),
        );
    const to = `panoramas/${id}${extension(source)}`;
    plan.copies.push({ from: source, to });
    return { source: to };
  }
  if (type === 'cubemap') {
    const faces = Array.isArray(scene.cubeMap) ? scene.cubeMap : [];
    const paths = CUBEMAP_ORDER.map((_, i) =>
      typeof faces[i] === 'string' ? localPath(base, faces[i] as string) : undefined,
    );
    if (paths.some((p) => !p))
      return skip(
        'thiếu mặt khối lập phương hoặc mặt là địa chỉ web.',
        'a cube face is missing or a web address.',
      );
    // One tile per face: the cube-tiles adapter takes Pannellum's face orientation (flipped).
    paths.forEach((from, i) =>
      plan.copies.push({
        from: from!,
        to: `tiles/${id}/0/${CUBEMAP_ORDER[i]}0_0${extension(from!)}`,
      }),
    );
    return {
      cubeTiles: {
        path: `tiles/${id}/{level}/{face}{row}_{col}${extension(paths[0]!)}`,
        levels: [{ faceSize: 0, nbTiles: 1 }],
        flipTopBottom: true,
      },
    };
  }
  if (type === 'multires') return convertMultires(id, scene, at, plan, skip);
  return skip(`kiểu "${type}" không được hỗ trợ.`, `type "${type}" is not supported.`);
}

/** Beyond these no real multires config goes (pannellum.org's largest: 8432 px, maxLevel 6). */
export const MAX_CUBE_RESOLUTION = 16_384;
export const MAX_SOURCE_TILES = 50_000;
/** Side of the tiles an uneven pyramid is cut again into (at most). */
const RECUT_TILE = 512;

/**
 * An even pyramid for a face of `faceSize` px: the top level has a power-of-two number of
 * tiles per side, each at most RECUT_TILE and all the same size; each level below halves both.
 */
export function evenPyramid(faceSize: number): Array<{ faceSize: number; nbTiles: number }> {
  const top = 2 ** Math.max(0, Math.ceil(Math.log2(faceSize / RECUT_TILE)));
  const tile = Math.floor(faceSize / top);
  const levels = [];
  for (let n = 1; n <= top; n *= 2) levels.push({ faceSize: tile * n, nbTiles: n });
  return levels;
}

/**
 * Multires tiles are copied when every level cuts into equal tiles in a power-of-two grid
 * (what our viewer's cube-tiles adapter needs); Pannellum's levels count from 1, ours from 0.
 * generate.py's pyramids never do (cube size 8·int(width/π/8), last tiles cut short): their
 * top level is stitched and cut again (a RecutTask, carried out with sharp).
 */
function convertMultires(
  id: string,
  scene: Json,
  at: (key: string) => string,
  plan: ImportPlan,
  skip: (vi: string, en: string) => undefined,
): Json | undefined {
  const multi = isRecord(scene.multiRes) ? scene.multiRes : {};
  reportUnknown(multi, MULTIRES_KEYS, at('multiRes'), plan.warnings);
  const tile = num(multi.tileResolution);
  const maxLevel = num(multi.maxLevel);
  const cube = num(multi.cubeResolution);
  const template = str(multi.path);
  const ext = str(multi.extension) ?? 'jpg';
  if (!tile || !maxLevel || !cube || !template)
    return skip(
      'multiRes thiếu path, tileResolution, maxLevel hoặc cubeResolution.',
      'multiRes lacks path, tileResolution, maxLevel or cubeResolution.',
    );
  // Checked before anything is listed: `cubeResolution 2^30, tileResolution 1` is 10^18 tiles.
  const topTiles = Math.ceil(cube / tile);
  if (
    cube > MAX_CUBE_RESOLUTION ||
    6 * topTiles * topTiles > MAX_SOURCE_TILES ||
    !Number.isInteger(maxLevel) ||
    maxLevel < 1 ||
    maxLevel > 16 ||
    !Number.isInteger(cube) ||
    tile < 16
  )
    return skip(
      `multiRes đòi ${cube} px mỗi mặt, mảnh ${tile} px, ${maxLevel} mức — quá lớn hoặc không hợp lệ (tối đa ${MAX_CUBE_RESOLUTION} px, ${MAX_SOURCE_TILES} mảnh); hãy tạo lại mảnh bằng generate.py.`,
      `multiRes asks for ${cube} px faces, ${tile} px tiles, ${maxLevel} levels — too large or invalid (at most ${MAX_CUBE_RESOLUTION} px, ${MAX_SOURCE_TILES} tiles); tile it again with generate.py.`,
    );
  const levels = [];
  let even = true;
  for (let level = 1; level <= maxLevel; level++) {
    const faceSize = Math.floor(cube / 2 ** (maxLevel - level));
    const nbTiles = Math.ceil(faceSize / tile);
    // Pannellum cuts at tileResolution from the top left: the tiles are all equal (what the
    // cube-tiles adapter assumes) only when the face is a whole number of them.
    if ((nbTiles > 1 && faceSize !== nbTiles * tile) || (nbTiles & (nbTiles - 1)) !== 0)
      even = false;
    levels.push({ faceSize, nbTiles });
  }
  const root = localPath(str(scene.basePath), str(multi.basePath));
  if (root === undefined)
    return skip('đường dẫn mảnh là địa chỉ web.', 'its tiles are at a web address.');
  const name = (level: number, face: string, row: number | string, col: number | string) =>
    localPath(
      root,
      `${template
        .replaceAll('%l', String(level))
        .replaceAll('%s', face)
        .replaceAll('%x', String(col))
        .replaceAll('%y', String(row))}.${ext}`,
    )!;
  const path = `tiles/${id}/{level}/{face}{row}_{col}.${even ? ext : 'jpg'}`;
  if (!even) {
    const pyramid = evenPyramid(cube);
    plan.recuts.push({
      from: name(maxLevel, '{face}', '{row}', '{col}'),
      tileSize: tile,
      faceSize: cube,
      to: path,
      levels: pyramid,
      faces: CUBEMAP_ORDER,
    });
    plan.warnings.push(
      warn(
        at('multiRes'),
        `Mảnh của cảnh "${id}" không đều (${cube} px / ${tile} px): đã ghép từng mặt và cắt lại thành ${pyramid.length} mức.`,
        `Scene "${id}"'s tiles are uneven (${cube} px / ${tile} px): each face was stitched and cut again into ${pyramid.length} levels.`,
      ),
    );
    return { cubeTiles: { path, levels: pyramid, flipTopBottom: true } };
  }
  levels.forEach(({ nbTiles }, index) => {
    for (const face of CUBEMAP_ORDER)
      for (let row = 0; row < nbTiles; row++)
        for (let col = 0; col < nbTiles; col++)
          plan.copies.push({
            from: name(index + 1, face, row, col),
            to: `tiles/${id}/${index}/${face}${row}_${col}.${ext}`,
          });
  });
  return { cubeTiles: { path, levels, flipTopBottom: true } };
}

function convertHotspot(
  raw: unknown,
  path: string,
  ids: Map<string, string>,
  lang: string,
  warnings: ImportWarning[],
): Json | undefined {
  if (!isRecord(raw)) return undefined;
  reportUnknown(raw, HOTSPOT_KEYS, path, warnings);
  const position = { yaw: normalizeYaw(num(raw.yaw) ?? 0), pitch: clampPitch(num(raw.pitch) ?? 0) };
  // A custom tooltip (createTooltipFunc, dropped) often gets its label as createTooltipArgs.
  const label = str(raw.text) ?? str(raw.createTooltipArgs);
  const text = label ? htmlToMarkdown(label) : undefined;
  if (text?.droppedTags.length)
    warnings.push(
      warn(
        `${path}.text`,
        `Bỏ thẻ HTML: ${text.droppedTags.join(', ')}.`,
        `HTML tags dropped: ${text.droppedTags.join(', ')}.`,
      ),
    );
  const id = str(raw.id) ?? `hotspot-${path.match(/\[(\d+)\]$/)?.[1] ?? '0'}`;
  // Titles are plain text (a label on the panorama); the formatted text goes to an info body.
  const plain = text?.text.replace(/\*+/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
  const title = plain ? { [lang]: plain } : undefined;
  const type = str(raw.type) ?? 'info';
  if (type === 'scene') {
    const target = str(raw.sceneId);
    if (!target || !ids.has(target)) {
      warnings.push(
        warn(
          `${path}.sceneId`,
          `Bỏ lối sang cảnh không có: "${target ?? ''}".`,
          `Link to a missing scene "${target ?? ''}" left out.`,
        ),
      );
      return undefined;
    }
    return {
      id,
      type: 'scene',
      target: ids.get(target),
      position,
      ...(title ? { title } : {}),
      ...arrival(raw, path, warnings),
    };
  }
  if (type !== 'info') {
    warnings.push(
      warn(`${path}.type`, `Bỏ điểm nóng kiểu "${type}".`, `Hotspot of type "${type}" left out.`),
    );
    return undefined;
  }
  const url = str(raw.URL);
  if (url && /^https?:\/\//.test(url))
    return { id, type: 'link', position, title: title ?? { [lang]: url }, url };
  if (!title) {
    warnings.push(
      warn(path, 'Bỏ điểm thông tin không có chữ.', 'Info hotspot without text left out.'),
    );
    return undefined;
  }
  const body = text && text.text !== plain ? { body: { [lang]: text.text } } : {};
  return { id, type: 'info', position, title, ...body };
}

function arrival(raw: Json, path: string, warnings: ImportWarning[]): Json {
  for (const key of ['targetYaw', 'targetPitch', 'targetHfov'])
    if (typeof raw[key] === 'string')
      warnings.push(
        warn(
          `${path}.${key}`,
          `"${raw[key] as string}" không chuyển được: dùng hướng nhìn đầu của cảnh đích.`,
          `"${raw[key] as string}" is not carried: the target scene's start view is used.`,
        ),
      );
  const yaw = num(raw.targetYaw);
  const pitch = num(raw.targetPitch);
  const hfov = num(raw.targetHfov);
  if (yaw === undefined && pitch === undefined && hfov === undefined) return {};
  // What is not given comes from the target's start view (completeArrivals), as in Pannellum.
  return {
    arrival: {
      ...(yaw !== undefined ? { yaw: normalizeYaw(yaw) } : {}),
      ...(pitch !== undefined ? { pitch: clampPitch(pitch) } : {}),
      ...(hfov ? { zoom: zoomForHorizontalFov(hfov) } : {}),
    },
  };
}

/** Pannellum opens a scene at its own yaw, pitch and hfov for whatever the link leaves out. */
function completeArrivals(scenes: Json[]): void {
  const starts = new Map(scenes.map((scene) => [scene.id, scene.startView as Json]));
  for (const scene of scenes)
    for (const hotspot of scene.hotspots as Json[]) {
      const start = starts.get(hotspot.target);
      if (!isRecord(hotspot.arrival) || !start) continue;
      hotspot.arrival = {
        yaw: hotspot.arrival.yaw ?? start.yaw,
        pitch: hotspot.arrival.pitch ?? start.pitch,
        zoom: hotspot.arrival.zoom ?? start.zoom,
      };
    }
}

/** Links to left-out scenes, and links of a scene to itself (which break a tour), are dropped. */
function dropDanglingLinks(scene: Json, kept: Set<string>, warnings: ImportWarning[]): void {
  const hotspots = scene.hotspots as Json[];
  scene.hotspots = hotspots.filter((hotspot) => {
    if (hotspot.type === 'scene' && hotspot.target === scene.id) {
      warnings.push(
        warn(
          `${String(scene.id)}.${String(hotspot.id)}`,
          `Bỏ lối của cảnh "${String(scene.id)}" dẫn về chính nó.`,
          `Link of scene "${String(scene.id)}" to itself removed.`,
        ),
      );
      return false;
    }
    if (hotspot.type !== 'scene' || kept.has(hotspot.target as string)) return true;
    warnings.push(
      warn(
        `${String(scene.id)}.${String(hotspot.id)}`,
        `Bỏ lối sang cảnh đã bỏ "${String(hotspot.target)}".`,
        `Link to the left-out scene "${String(hotspot.target)}" removed.`,
      ),
    );
    return false;
  });
}

function extension(path: string): string {
  return path.match(/\.[a-z0-9]+$/i)?.[0]?.toLowerCase() ?? '.jpg';
}
