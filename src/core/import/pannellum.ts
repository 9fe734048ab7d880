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
]);
const MULTIRES_KEYS = new Set([
  'basePath',
  'path',
  'extension',
  'tileResolution',
  'maxLevel',
  'cubeResolution',
]);
/** Pannellum's face letters in its `cubeMap` order, and ours for them. */
const CUBEMAP_ORDER = ['f', 'r', 'b', 'l', 'u', 'd'] as const;

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
  const plan: ImportPlan = { manifest: {}, copies: [], stripes: [], warnings: [] };
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
    panorama.credit = {
      author: htmlToMarkdown(author).text,
      license: 'unknown',
      ...(str(scene.authorURL)?.match(/^https?:\/\//) ? { url: str(scene.authorURL) } : {}),
    };
    plan.warnings.push(
      warn(
        at('author'),
        `Tác giả "${author}" đã chép; hãy điền giấy phép ảnh (credit.license).`,
        `Author "${author}" carried over; fill in the photo licence (credit.license).`,
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

/**
 * Multires tiles are copied when every level cuts into equal tiles in a power-of-two grid
 * (what our viewer's cube-tiles adapter needs); Pannellum's levels count from 1, ours from 0.
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
  const levels = [];
  for (let level = 1; level <= maxLevel; level++) {
    const faceSize = Math.floor(cube / 2 ** (maxLevel - level));
    const nbTiles = Math.ceil(faceSize / tile);
    if (faceSize % nbTiles !== 0 || (nbTiles & (nbTiles - 1)) !== 0 || faceSize / nbTiles > tile)
      return skip(
        `mức ${level} có mảnh không đều (${faceSize} px / ${tile} px); hãy tạo lại mảnh với cubeResolution = tileResolution × 2^k.`,
        `level ${level} has uneven tiles (${faceSize} px / ${tile} px); re-tile with cubeResolution = tileResolution × 2^k.`,
      );
    levels.push({ faceSize, nbTiles });
  }
  const root = localPath(str(scene.basePath), str(multi.basePath));
  if (root === undefined)
    return skip('đường dẫn mảnh là địa chỉ web.', 'its tiles are at a web address.');
  levels.forEach(({ nbTiles }, index) => {
    for (const face of CUBEMAP_ORDER)
      for (let row = 0; row < nbTiles; row++)
        for (let col = 0; col < nbTiles; col++) {
          const name = template
            .replaceAll('%l', String(index + 1))
            .replaceAll('%s', face)
            .replaceAll('%x', String(col))
            .replaceAll('%y', String(row));
          plan.copies.push({
            from: localPath(root, `${name}.${ext}`)!,
            to: `tiles/${id}/${index}/${face}${row}_${col}.${ext}`,
          });
        }
  });
  return {
    cubeTiles: {
      path: `tiles/${id}/{level}/{face}{row}_{col}.${ext}`,
      levels,
      flipTopBottom: true,
    },
  };
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
  const text = str(raw.text) ? htmlToMarkdown(str(raw.text)!) : undefined;
  if (text?.droppedTags.length)
    warnings.push(
      warn(
        `${path}.text`,
        `Bỏ thẻ HTML: ${text.droppedTags.join(', ')}.`,
        `HTML tags dropped: ${text.droppedTags.join(', ')}.`,
      ),
    );
  const id = str(raw.id) ?? `hotspot-${path.match(/\[(\d+)\]$/)?.[1] ?? '0'}`;
  const title = text?.text ? { [lang]: text.text } : undefined;
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
  return { id, type: 'info', position, title };
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
  return {
    arrival: {
      yaw: normalizeYaw(yaw ?? 0),
      pitch: clampPitch(pitch ?? 0),
      ...(hfov ? { zoom: zoomForHorizontalFov(hfov) } : {}),
    },
  };
}

function dropDanglingLinks(scene: Json, kept: Set<string>, warnings: ImportWarning[]): void {
  const hotspots = scene.hotspots as Json[];
  scene.hotspots = hotspots.filter((hotspot) => {
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
