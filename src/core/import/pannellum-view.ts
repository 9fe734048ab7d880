/**
 * Where Pannellum really opens a scene: its render loop clamps hfov to [minHfov, maxHfov]
 * (50° and 120° unless the config says otherwise), yaw to [minYaw, maxYaw] and pitch to
 * [minPitch, maxPitch] less half the view, every frame, the first one too. Our manifest has no
 * per-scene limits, so they are applied to the start and arrival views and the rest reported.
 * Pure: no files. (Pannellum's src/js/pannellum.js, `setHfov` and `render`.)
 */
import {
  type ImportWarning,
  type Json,
  clampPitch,
  normalizeYaw,
  num,
  round,
  warn,
  zoomForHorizontalFov,
} from './common.ts';

/** Keys that limit the view in a Pannellum scene config. */
export const LIMIT_KEYS = ['minHfov', 'maxHfov', 'minYaw', 'maxYaw', 'minPitch', 'maxPitch'];

/** Pannellum's defaults, and the 16:9 screen our conversions assume. */
const DEFAULT_HFOV = 100;
const MIN_HFOV = 50;
const MAX_HFOV = 120;
const ASPECT = 16 / 9;

export interface PannellumView {
  yaw: number;
  pitch: number;
  hfov: number;
}

/** The view Pannellum renders for `view` in a scene config (`scene`: the merged config). */
export function limitPannellumView(view: Partial<PannellumView>, scene: Json): PannellumView {
  let hfov = view.hfov ?? num(scene.hfov) ?? DEFAULT_HFOV;
  let yaw = view.yaw ?? num(scene.yaw) ?? 0;
  let pitch = view.pitch ?? num(scene.pitch) ?? 0;
  const minHfov = num(scene.minHfov) ?? MIN_HFOV;
  const maxHfov = num(scene.maxHfov) ?? MAX_HFOV;
  // Pannellum leaves hfov alone when the bounds make no sense (minHfov > maxHfov).
  if (minHfov <= maxHfov) hfov = Math.min(maxHfov, Math.max(minHfov, hfov));
  const minYaw = num(scene.minYaw) ?? -180;
  const maxYaw = num(scene.maxYaw) ?? 180;
  if (maxYaw - minYaw < 360) {
    let low = minYaw + hfov / 2;
    let high = maxYaw - hfov / 2;
    // Both ends seen at once: Pannellum locks the yaw between them.
    if (maxYaw - minYaw < hfov) low = high = (low + high) / 2;
    yaw = Math.max(low, Math.min(high, yaw));
  }
  const vfov = (2 * Math.atan(Math.tan((hfov * Math.PI) / 360) / ASPECT) * 180) / Math.PI;
  const minPitch = num(scene.minPitch);
  const maxPitch = num(scene.maxPitch);
  let low = minPitch === undefined ? -90 : minPitch + vfov / 2;
  let high = maxPitch === undefined ? 90 : maxPitch - vfov / 2;
  if (minPitch !== undefined && maxPitch !== undefined && maxPitch - minPitch < vfov)
    low = high = (low + high) / 2;
  pitch = Math.max(low, Math.min(high, pitch));
  return { yaw, pitch, hfov };
}

/** A Pannellum view as ours (zoom from the horizontal field of view at 16:9). */
export const asView = ({ yaw, pitch, hfov }: PannellumView): Json => ({
  yaw: normalizeYaw(yaw),
  pitch: clampPitch(pitch),
  zoom: zoomForHorizontalFov(hfov),
});

/**
 * The scene's start view as Pannellum opens it; when its limits changed what the config says,
 * or it has limits at all, a warning names them (visitors may look past them with us).
 */
export function startView(scene: Json, id: string, at: string, warnings: ImportWarning[]): Json {
  const given = {
    yaw: num(scene.yaw) ?? 0,
    pitch: num(scene.pitch) ?? 0,
    hfov: num(scene.hfov) ?? DEFAULT_HFOV,
  };
  const view = limitPannellumView(given, scene);
  const changes = (['hfov', 'yaw', 'pitch'] as const)
    .filter((key) => round(view[key]) !== round(given[key]))
    .map((key) => `${key} ${round(given[key])}° → ${round(view[key])}°`);
  if (changes.length)
    warnings.push(
      warn(
        at,
        `Hướng nhìn đầu của cảnh "${id}" đã được giới hạn như Pannellum làm: ${changes.join(', ')}.`,
        `Scene "${id}"'s start view was limited as Pannellum does: ${changes.join(', ')}.`,
      ),
    );
  const limits = LIMIT_KEYS.filter((key) => num(scene[key]) !== undefined);
  if (limits.length)
    warnings.push(
      warn(
        at,
        `Giới hạn ${limits.join(', ')} của cảnh "${id}" đã áp dụng cho hướng nhìn đầu và khi đến; khách vẫn nhìn mọi hướng và thu phóng trong 90°–30°: trình xem không có giới hạn riêng cho từng cảnh.`,
        `Limits ${limits.join(', ')} of scene "${id}" were applied to its start and arrival views; visitors still look anywhere and zoom within 90°–30°: our viewer has no per-scene limits.`,
      ),
    );
  return asView(view);
}
