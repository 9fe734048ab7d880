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
  isRecord,
  type Json,
  num,
  reportUnknown,
  str,
} from './common.ts';
import { CUBEMAP_ORDER, oneKind } from './pannellum-kinds.ts';
import { convertMultires } from './pannellum-multires.ts';
import { LIMIT_KEYS, asView, limitPannellumView, startView } from './pannellum-view.ts';

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
  ...LIMIT_KEYS,
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
  // Pannellum's mergeConfig: its defaults, then `default`, then the scene's own keys, then the
  // tour's top-level keys (beside `default` and `scenes`), which override every scene's own.
  // A top-level title names the tour (every scene keeping its own). Unknown keys are reported
  // where they are written.
  const top = isRecord(data.scenes) ? topLevel(data, plan.warnings) : {};
  const rawScenes: Array<[string, Json, string, Json]> = isRecord(data.scenes)
    ? Object.entries(data.scenes).flatMap(([id, scene]) =>
        isRecord(scene)
          ? [
              [id, { ...defaults, ...scene, ...top }, `scenes.${id}`, scene] as [
                string,
                Json,
                string,
                Json,
              ],
            ]
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
  completeArrivals(scenes, new Map(rawScenes.map(([rawId, scene]) => [ids.get(rawId), scene])));
  oneKind(scenes, plan);

  // Pannellum starts at the top-level firstScene, else default's.
  const first = str(top.firstScene) ?? str(defaults.firstScene);
  const title =
    str(data.title) ?? str(defaults.title) ?? str(rawScenes[0]?.[1].title) ?? options.tourId;
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
  return {
    id,
    title: { [lang]: str(scene.title) ?? id },
    panorama,
    startView: startView(scene, id, path || '(config)', plan.warnings),
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
  // Pannellum's degrees, for now: completeArrivals fills in and limits them as the target does.
  return {
    arrival: {
      ...(yaw !== undefined ? { yaw } : {}),
      ...(pitch !== undefined ? { pitch } : {}),
      ...(hfov ? { hfov } : {}),
    },
  };
}

/**
 * Pannellum opens the target at its own yaw, pitch and hfov for whatever the link leaves out,
 * and its render loop then clamps the view to the target's limits (pannellum-view.ts).
 */
function completeArrivals(scenes: Json[], configs: Map<string | undefined, Json>): void {
  for (const scene of scenes)
    for (const hotspot of scene.hotspots as Json[]) {
      if (!isRecord(hotspot.arrival)) continue;
      const target = configs.get(hotspot.target as string);
      if (target) hotspot.arrival = asView(limitPannellumView(hotspot.arrival, target));
      else delete hotspot.arrival;
    }
}

/**
 * A tour's keys beside `default` and `scenes`: those we carry apply to every scene (as
 * Pannellum applies them, after the scene's own), every other one is reported by name.
 */
function topLevel(data: Json, warnings: ImportWarning[]): Json {
  const top: Json = {};
  for (const [key, value] of Object.entries(data)) {
    if (key === 'default' || key === 'scenes' || key === 'title') continue;
    if (!SCENE_KEYS.has(key)) {
      reportUnknown({ [key]: value }, SCENE_KEYS, '', warnings);
      continue;
    }
    top[key] = value;
    if (key !== 'firstScene')
      warnings.push(
        warn(
          key,
          `"${key}" ở ngoài cùng áp dụng cho mọi cảnh, thay giá trị riêng của cảnh, như Pannellum làm.`,
          `Top-level "${key}" applies to every scene, over the scene's own, as in Pannellum.`,
        ),
      );
  }
  return top;
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
