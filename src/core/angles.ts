/** Manifests and links speak degrees; Photo Sphere Viewer speaks radians. */
import type { LinkView } from './links/deep-link.ts';

const DEG = Math.PI / 180;

export const toRadians = (degrees: number): number => degrees * DEG;
export const toDegrees = (radians: number): number => radians / DEG;

export interface SphericalPosition {
  yaw: number;
  pitch: number;
}

export function positionToRadians(position: SphericalPosition): SphericalPosition {
  return { yaw: toRadians(position.yaw), pitch: toRadians(position.pitch) };
}

/** Yaw in [0, 360), pitch in [-90, 90], rounded to 0.1° (what a link can carry). */
export function viewFromRadians(yaw: number, pitch: number, zoom: number): LinkView {
  const round = (value: number) => Math.round(value * 10) / 10;
  const yawDeg = round((((toDegrees(yaw) % 360) + 360) % 360) % 360);
  return {
    yaw: yawDeg === 360 ? 0 : yawDeg,
    pitch: round(toDegrees(pitch)),
    zoom: Math.round(zoom),
  };
}
