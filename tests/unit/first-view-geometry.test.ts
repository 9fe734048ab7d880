// @ts-expect-error three ships no type declarations and @types/three is not installed here
import * as THREE from 'three';
import { describe, expect, it } from 'vitest';

/** The few pieces of three.js the PSV cross-check uses. */
interface Vec3 {
  x: number;
  y: number;
  z: number;
  unproject(camera: unknown): Vec3;
  normalize(): Vec3;
}
const { PerspectiveCamera, Vector3 } = THREE as {
  PerspectiveCamera: new (
    fov: number,
    aspect: number,
    near: number,
    far: number,
  ) => { lookAt(v: Vec3): void; updateMatrixWorld(): void };
  Vector3: new (x: number, y: number, z: number) => Vec3;
};
import {
  coverRegion,
  coversExactly,
  portraitMedia,
  POSTER_SIZES,
  posterOrientation,
  posterPath,
} from '../../src/core/first-view/poster-layout.ts';
import { sourceWidthFor } from '../../src/core/first-view/poster-sampling.ts';
import {
  camera,
  equirectPoint,
  horizontalFov,
  pixelDirection,
  verticalFov,
} from '../../src/core/first-view/view-geometry.ts';

const DEG = Math.PI / 180;
const portrait = POSTER_SIZES.portrait;
const landscape = POSTER_SIZES.landscape;

describe('field of view (PSV 5: zoomLevelToFov with minFov 30, maxFov 90)', () => {
  it('maps zoom 0–100 linearly from 90° to 30°, 50 by default', () => {
    expect(verticalFov(0)).toBe(90);
    expect(verticalFov(100)).toBe(30);
    expect(verticalFov(30)).toBeCloseTo(72);
    expect(verticalFov()).toBe(60);
    expect(verticalFov(undefined)).toBe(60);
  });

  it('clamps zoom levels out of range and follows other limits', () => {
    expect(verticalFov(-20)).toBe(90);
    expect(verticalFov(140)).toBe(30);
    expect(verticalFov(50, { minFov: 10, maxFov: 110 })).toBe(60);
  });

  it('widens the horizontal field with the aspect ratio', () => {
    expect(horizontalFov(60, 1)).toBeCloseTo(60);
    expect(horizontalFov(90, 2)).toBeCloseTo((2 * Math.atan(2)) / DEG);
    expect(horizontalFov(60, 9 / 16)).toBeCloseTo(
      (2 * Math.atan(Math.tan(30 * DEG) * 0.5625)) / DEG,
    );
  });
});

describe('camera rays', () => {
  it('looks at the start view through the centre of the screen', () => {
    for (const view of [
      { yaw: 0, pitch: 0 },
      { yaw: -10, pitch: 3, zoom: 30 },
      { yaw: 135, pitch: -40, zoom: 80 },
    ]) {
      const ray = camera(view, portrait).ray(portrait.width / 2, portrait.height / 2);
      expect(ray.yaw / DEG).toBeCloseTo(view.yaw);
      expect(ray.pitch / DEG).toBeCloseTo(view.pitch);
    }
  });

  it('reaches ±hFov/2 at the left and right edges and ±vFov/2 at the top and bottom', () => {
    const view = { yaw: 20, pitch: 0, zoom: 20 };
    const cam = camera(view, landscape);
    const { width: w, height: h } = landscape;
    expect(cam.vFov).toBeCloseTo(78);
    expect(cam.hFov).toBeCloseTo(horizontalFov(78, w / h));
    expect(cam.ray(0, h / 2).yaw / DEG).toBeCloseTo(20 - cam.hFov / 2);
    expect(cam.ray(w, h / 2).yaw / DEG).toBeCloseTo(20 + cam.hFov / 2);
    expect(cam.ray(0, h / 2).pitch).toBeCloseTo(0);
    expect(cam.ray(w / 2, 0).pitch / DEG).toBeCloseTo(39);
    expect(cam.ray(w / 2, h).pitch / DEG).toBeCloseTo(-39);
  });

  it('keeps the centre column vertical when the camera looks up or down (no roll)', () => {
    const view = { yaw: -60, pitch: 25 };
    const cam = camera(view, portrait);
    expect(cam.ray(portrait.width / 2, 0).pitch / DEG).toBeCloseTo(25 + 30);
    expect(cam.ray(portrait.width / 2, portrait.height).pitch / DEG).toBeCloseTo(25 - 30);
    expect(cam.ray(portrait.width / 2, 10).yaw / DEG).toBeCloseTo(-60);
  });

  it('gives the direction at the centre of a pixel', () => {
    const size = { width: 4, height: 2 };
    const d = pixelDirection({ yaw: 0, pitch: 0, zoom: 0 }, size, 3, 0);
    // Pixel 3 of 4 is centred at 7/8 of the width: x = 0.75 · tan(hFov/2), y = 0.5 · tan(45°).
    const tanH = Math.tan(45 * DEG) * 2;
    expect(d.yaw).toBeCloseTo(Math.atan(0.75 * tanH) / DEG);
    expect(d.pitch).toBeCloseTo(Math.atan2(0.5, Math.hypot(1, 0.75 * tanH)) / DEG);
  });

  it('agrees with a three.js camera placed the way PSV places it', () => {
    // PSV: camera at the centre, fov = vFov, lookAt(sphericalCoordsToVector3(view));
    // directions back to angles with vector3ToSphericalCoords (x = −cos·sin yaw).
    const view = { yaw: 75, pitch: -20, zoom: 35 };
    const size = { width: 900, height: 500 };
    const cam = camera(view, size);
    const three = new PerspectiveCamera(cam.vFov, size.width / size.height, 0.1, 100);
    const y = view.yaw * DEG;
    const p = view.pitch * DEG;
    three.lookAt(new Vector3(-Math.cos(p) * Math.sin(y), Math.sin(p), Math.cos(p) * Math.cos(y)));
    three.updateMatrixWorld();
    for (const [px, py] of [
      [0, 0],
      [900, 0],
      [123, 456],
      [450, 250],
      [899, 499],
    ] as const) {
      const ndc = new Vector3((2 * px) / size.width - 1, 1 - (2 * py) / size.height, 0.5);
      const v = ndc.unproject(three).normalize();
      const psvYaw = -Math.atan2(v.x, v.z);
      const ours = cam.ray(px, py);
      const dyaw = Math.atan2(Math.sin(ours.yaw - psvYaw), Math.cos(ours.yaw - psvYaw));
      expect(dyaw).toBeCloseTo(0, 6);
      expect(ours.pitch).toBeCloseTo(Math.asin(v.y), 6);
    }
  });
});

describe('equirectangular coordinates (PSV: yaw 0 in the middle, growing to the right)', () => {
  const source = { width: 4096, height: 2048 };

  it('puts yaw 0 on the middle column and the horizon on the middle row', () => {
    expect(equirectPoint({ yaw: 0, pitch: 0 }, source)).toEqual({ x: 2047.5, y: 1023.5 });
  });

  it('puts yaw +90° three quarters across and −90° one quarter across', () => {
    expect(equirectPoint({ yaw: 90 * DEG, pitch: 0 }, source).x).toBeCloseTo(3071.5);
    expect(equirectPoint({ yaw: -90 * DEG, pitch: 0 }, source).x).toBeCloseTo(1023.5);
  });

  it('wraps yaw at ±180° and puts the zenith on the top edge', () => {
    expect(equirectPoint({ yaw: Math.PI, pitch: 0 }, source).x).toBeCloseTo(-0.5);
    expect(equirectPoint({ yaw: 3 * Math.PI, pitch: 0 }, source).x).toBeCloseTo(-0.5);
    expect(equirectPoint({ yaw: 0, pitch: Math.PI / 2 }, source).y).toBeCloseTo(-0.5);
    expect(equirectPoint({ yaw: 0, pitch: -Math.PI / 2 }, source).y).toBeCloseTo(2047.5);
  });

  it('asks for a source as fine as the output at its centre', () => {
    // vFov 90° on 960 rows: π · 960 / tan 45° ≈ 3016 columns for 360°.
    expect(sourceWidthFor({ yaw: 0, pitch: 0, zoom: 0 }, portrait)).toBe(3016);
    expect(sourceWidthFor({ yaw: 0, pitch: 0, zoom: 100 }, portrait)).toBeGreaterThan(11000);
  });
});

describe('poster layout', () => {
  it('picks the portrait poster up to its own aspect, the landscape one beyond', () => {
    expect(posterOrientation({ width: 360, height: 640 })).toBe('portrait');
    expect(posterOrientation({ width: 412, height: 915 })).toBe('portrait');
    expect(posterOrientation({ width: 768, height: 1024 })).toBe('landscape');
    expect(posterOrientation({ width: 1920, height: 1080 })).toBe('landscape');
    expect(portraitMedia()).toBe('(max-aspect-ratio: 540/960)');
  });

  it('crops the sides of a poster on a narrower screen, at full height', () => {
    expect(coverRegion(landscape, { width: 1920, height: 1080 })).toEqual({
      left: 120,
      top: 0,
      width: 960,
      height: 540,
    });
    expect(coversExactly(landscape, { width: 1920, height: 1080 })).toBe(true);
    expect(coversExactly(portrait, { width: 412, height: 915 })).toBe(true);
    // Wider than the poster: cover crops top and bottom, PSV would show more sky and floor.
    expect(coversExactly(landscape, { width: 2560, height: 1000 })).toBe(false);
    expect(coverRegion(landscape, { width: 2400, height: 540 }).height).toBe(270);
  });

  it('names posters by scene, orientation and version', () => {
    expect(posterPath('louvre', 'portrait', '0123456789abcdef')).toBe(
      'posters/louvre.portrait.0123456789ab.webp',
    );
  });
});
