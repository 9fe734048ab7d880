import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { likeness } from '../../src/core/first-view/likeness.ts';
import { type RawPixels, renderView, resample } from '../../src/core/first-view/poster-sampling.ts';
import { pixelDirection } from '../../src/core/first-view/view-geometry.ts';
import { decodeWidth, renderPosters } from '../../src/node/first-view/render-poster.ts';

/** An equirectangular RGB picture drawn from (yaw, pitch) in degrees. */
function equirect(
  width: number,
  shade: (yaw: number, pitch: number) => [number, number, number],
): RawPixels {
  const height = width / 2;
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const yaw = ((x + 0.5) / width - 0.5) * 360;
      const pitch = 90 - ((y + 0.5) / height) * 180;
      data.set(shade(yaw, pitch), (y * width + x) * 3);
    }
  }
  return { data, width, height, channels: 3 };
}

/** Centre of the bright pixels (the dot). */
function brightest(image: RawPixels): { x: number; y: number } {
  let sx = 0;
  let sy = 0;
  let n = 0;
  for (let p = 0; p < image.width * image.height; p++) {
    if (image.data[p * image.channels]! > 128) {
      sx += p % image.width;
      sy += Math.floor(p / image.width);
      n++;
    }
  }
  return { x: sx / n, y: sy / n };
}

const dot = (cx: number, cy: number) => (yaw: number, pitch: number) => {
  const near = Math.hypot(((yaw - cx + 540) % 360) - 180, pitch - cy) < 2;
  return (near ? [255, 255, 255] : [20, 20, 20]) as [number, number, number];
};

describe('renderView', () => {
  it('shows the start view in the middle of the poster', () => {
    const source = equirect(1440, dot(30, 10));
    const out = renderView(source, { yaw: 30, pitch: 10 }, { width: 90, height: 160 });
    const at = brightest(out);
    expect(Math.abs(at.x + 0.5 - 45)).toBeLessThan(0.6);
    expect(Math.abs(at.y + 0.5 - 80)).toBeLessThan(0.6);
  });

  it('draws a point where the camera sees its direction (right of centre for a larger yaw)', () => {
    const source = equirect(1440, dot(-20, 15));
    const size = { width: 240, height: 120 };
    const view = { yaw: -50, pitch: 0, zoom: 0 };
    const at = brightest(renderView(source, view, size));
    expect(at.x).toBeGreaterThan(120);
    expect(at.y).toBeLessThan(60);
    const seen = pixelDirection(view, size, at.x, at.y);
    expect(Math.abs(seen.yaw + 20)).toBeLessThan(0.5);
    expect(Math.abs(seen.pitch - 15)).toBeLessThan(0.5);
  });

  it('wraps across the ±180° seam without a visible join', () => {
    const source = equirect(720, (yaw) => {
      const v = Math.round(128 + 100 * Math.cos((yaw * Math.PI) / 180));
      return [v, v, v];
    });
    const out = renderView(source, { yaw: 180, pitch: 0, zoom: 0 }, { width: 64, height: 32 });
    // Near yaw 180° the shade is at its minimum and varies smoothly: no jump between neighbours.
    for (let x = 1; x < 64; x++) {
      const row = 16 * 64;
      expect(Math.abs(out.data[(row + x) * 3]! - out.data[(row + x - 1) * 3]!)).toBeLessThan(4);
    }
    expect(out.data[(16 * 64 + 32) * 3]).toBeLessThan(32);
  });

  it('interpolates bilinearly between source pixels and clamps at the poles', () => {
    const source: RawPixels = {
      data: new Uint8Array([0, 100, 200, 50]),
      width: 4,
      height: 1,
      channels: 1,
    };
    const map = new Float32Array([0.5, 0, 1.25, 0, 3.5, 0, 2, -5, 2, 7]);
    const out = resample(source, map, { width: 5, height: 1 });
    expect([...out.data]).toEqual([50, 125, 25, 200, 200]);
  });
});

describe('renderPosters', () => {
  it('makes a WebP poster and a tiny placeholder for each orientation', async () => {
    const pixels = equirect(1024, (yaw, pitch) => [
      128 + Math.round(100 * Math.sin(yaw / 7)),
      128 + Math.round(100 * Math.cos(pitch / 5)),
      Math.abs(Math.round(yaw)) % 256,
    ]);
    const jpeg = await sharp(pixels.data, { raw: { width: 1024, height: 512, channels: 3 } })
      .jpeg({ quality: 90 })
      .toBuffer();
    const view = { yaw: 40, pitch: -10, zoom: 40 };
    const sizes = { portrait: { width: 90, height: 160 }, landscape: { width: 200, height: 90 } };
    const set = await renderPosters(jpeg, view, { sizes });
    expect(set.posters.map((p) => [p.orientation, p.width, p.height, p.format])).toEqual([
      ['portrait', 90, 160, 'webp'],
      ['landscape', 200, 90, 'webp'],
    ]);
    for (const poster of set.posters) {
      const meta = await sharp(poster.data).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['webp', poster.width, poster.height]);
      const decoded = await sharp(poster.data).raw().toBuffer({ resolveWithObject: true });
      const reference = renderView(pixels, view, poster);
      const got = { data: decoded.data, width: poster.width, height: poster.height, channels: 3 };
      expect(likeness(got, reference)).toBeGreaterThan(0.98);
    }
    expect(set.placeholders.map((p) => [p.orientation, p.width, p.height])).toEqual([
      ['portrait', 24, 43],
      ['landscape', 24, 11],
    ]);
    for (const placeholder of set.placeholders) {
      expect(placeholder.dataUri).toMatch(/^data:image\/webp;base64,/);
      expect(placeholder.dataUri.length).toBeLessThan(1200);
    }
  });

  it('can encode JPEG and skip the placeholder', async () => {
    const jpeg = await sharp({
      create: { width: 256, height: 128, channels: 3, background: '#806040' },
    })
      .jpeg()
      .toBuffer();
    const set = await renderPosters(
      jpeg,
      { yaw: 0, pitch: 0 },
      { orientations: ['portrait'], format: 'jpeg', placeholderWidth: 0 },
    );
    expect(set.posters).toHaveLength(1);
    expect((await sharp(set.posters[0]!.data).metadata()).format).toBe('jpeg');
    expect(set.placeholders).toEqual([]);
  });

  it('decodes no wider than the source, nor than the posters need', () => {
    const sizes = [
      { width: 540, height: 960 },
      { width: 1200, height: 540 },
    ];
    expect(decodeWidth(4096, { yaw: 0, pitch: 0 }, sizes)).toBe(4096);
    expect(decodeWidth(16384, { yaw: 0, pitch: 0, zoom: 0 }, sizes)).toBe(3016);
    expect(decodeWidth(999, { yaw: 0, pitch: 0 }, sizes)).toBe(998);
  });
});
