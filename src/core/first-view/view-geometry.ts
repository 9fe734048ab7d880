/**
 * The camera of Photo Sphere Viewer 5, in plain numbers: which direction of the panorama each
 * pixel of a screen shows for a start view. PSV's camera is a three.js perspective camera
 * (rectilinear projection, no roll, `up` = +Y) whose vertical field of view comes from the
 * zoom level: `vFov = maxFov + zoom / 100 × (minFov − maxFov)` (`zoomLevelToFov`, defaults
 * minFov 30°, maxFov 90°, defaultZoomLvl 50); the horizontal one follows from the aspect ratio.
 *
 * Conventions (PSV's): yaw 0 is the centre column of the equirectangular picture and grows to
 * the right; pitch 0 is the horizon, +90° straight up. Angles here are degrees unless a name
 * says radians.
 */

/** Where the camera looks: the manifest's `startView` (zoom 0 = widest, 100 = closest). */
export interface StartView {
  yaw: number;
  pitch: number;
  zoom?: number;
}

export interface Size {
  width: number;
  height: number;
}

/** PSV's `minFov` / `maxFov`: the vertical field of view at zoom 100 and at zoom 0. */
export interface FovLimits {
  minFov: number;
  maxFov: number;
}

/** PSV 5's defaults, which the viewer (src/web/viewer/psv-port.ts) keeps. */
export const PSV_FOV: Readonly<FovLimits> = { minFov: 30, maxFov: 90 };

/** PSV's `defaultZoomLvl`, and the viewer's `zoomTo` when a view names no zoom. */
export const DEFAULT_ZOOM = 50;

const DEG = Math.PI / 180;

/** Vertical field of view (degrees) at a zoom level, as PSV's `zoomLevelToFov`. */
export function verticalFov(zoom: number = DEFAULT_ZOOM, limits: FovLimits = PSV_FOV): number {
  const level = Math.min(100, Math.max(0, zoom));
  return limits.maxFov + (level / 100) * (limits.minFov - limits.maxFov);
}

/** Horizontal field of view (degrees) for a vertical one and a width/height ratio. */
export function horizontalFov(vFov: number, aspect: number): number {
  return (2 * Math.atan(Math.tan((vFov * DEG) / 2) * aspect)) / DEG;
}

/** A direction in radians. */
export interface Direction {
  yaw: number;
  pitch: number;
}

/**
 * The camera of one view on one screen. `ray(x, y)` gives the direction through a point of
 * the screen in pixel units (the centre of pixel (i, j) is (i + 0.5, j + 0.5)).
 */
export interface Camera {
  vFov: number;
  hFov: number;
  /** Direction (radians) through the point (x, y) of the screen, in pixels. */
  ray(x: number, y: number): Direction;
}

export function camera(view: StartView, size: Size, limits: FovLimits = PSV_FOV): Camera {
  const vFov = verticalFov(view.zoom, limits);
  const aspect = size.width / size.height;
  const tanV = Math.tan((vFov * DEG) / 2);
  const tanH = tanV * aspect;
  const yaw = view.yaw * DEG;
  const pitch = view.pitch * DEG;
  // World axes: x to the right of yaw 0, y up, z towards yaw 0 on the horizon.
  const cy = Math.cos(yaw);
  const sy = Math.sin(yaw);
  const cp = Math.cos(pitch);
  const sp = Math.sin(pitch);
  const forward = [cp * sy, sp, cp * cy] as const;
  const right = [cy, 0, -sy] as const;
  const up = [-sp * sy, cp, -sp * cy] as const;
  return {
    vFov,
    hFov: horizontalFov(vFov, aspect),
    ray(x, y) {
      const sx = ((2 * x) / size.width - 1) * tanH;
      const syScreen = (1 - (2 * y) / size.height) * tanV;
      const dx = forward[0] + sx * right[0] + syScreen * up[0];
      const dy = forward[1] + sx * right[1] + syScreen * up[1];
      const dz = forward[2] + sx * right[2] + syScreen * up[2];
      // sqrt, not Math.hypot: several times faster, and no overflow can occur at these sizes.
      return { yaw: Math.atan2(dx, dz), pitch: Math.atan2(dy, Math.sqrt(dx * dx + dz * dz)) };
    },
  };
}

/**
 * Where a direction falls in an equirectangular picture of this size, in continuous pixel
 * coordinates (pixel (i, j) has its centre at (i, j)), as PSV's `sphericalCoordsToTextureCoords`:
 * yaw 0 at the middle column, pitch +90° at the top edge. x is in [-0.5, width - 0.5).
 */
export function equirectPoint(direction: Direction, source: Size): { x: number; y: number } {
  let u = direction.yaw / (2 * Math.PI) + 0.5;
  u -= Math.floor(u);
  const v = 0.5 - direction.pitch / Math.PI;
  return { x: u * source.width - 0.5, y: v * source.height - 0.5 };
}

/** Direction (degrees) at the centre of pixel (i, j): handy for checks and hotspot overlays. */
export function pixelDirection(
  view: StartView,
  size: Size,
  i: number,
  j: number,
  limits: FovLimits = PSV_FOV,
): { yaw: number; pitch: number } {
  const ray = camera(view, size, limits).ray(i + 0.5, j + 0.5);
  return { yaw: ray.yaw / DEG, pitch: ray.pitch / DEG };
}
