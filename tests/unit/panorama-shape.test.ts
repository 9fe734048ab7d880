/**
 * What a picture chosen as a panorama means: refused (not 2:1, a stereo pair, too heavy, too
 * many pixels for the build) or added with advice (very large, small, transparent), each with
 * its own words and the fix.
 */
import { describe, expect, it } from 'vitest';
import {
  halvesDifference,
  judgePanorama,
  type PixelSample,
  publishedWidth,
  stereoLayout,
  usesTransparency,
} from '../../src/core/media/panorama-shape.ts';

/** A sample whose pixel (x, y) is `paint(x, y)` = [r, g, b, a]. */
function sample(
  width: number,
  height: number,
  paint: (x: number, y: number) => [number, number, number, number],
): PixelSample {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) data.set(paint(x, y), (y * width + x) * 4);
  }
  return { width, height, data };
}

/** Sky over ground, with some texture: an ordinary panorama's look. */
const scenery = (x: number, y: number, h: number): [number, number, number, number] =>
  y < h / 2
    ? [120 + (x % 30), 170 + (x % 20), 230, 255]
    : [90 + ((x * 7) % 50), 70 + (y % 25), 40, 255];

const facts = (
  width: number,
  height: number,
  extra: Partial<Parameters<typeof judgePanorama>[0]> = {},
) => judgePanorama({ name: 'hall.jpg', width, height, bytes: 5_000_000, ...extra });
const codes = (result: ReturnType<typeof judgePanorama>) => result.problems.map((p) => p.code);

describe('judgePanorama', () => {
  it('refuses a 4:3 photo with the ratio and what to do', () => {
    const result = facts(4000, 3000);
    expect(result.ok).toBe(false);
    expect(codes(result)).toEqual(['image-not-panorama']);
    expect(result.problems[0]?.message.vi).toBe(
      'Ảnh này tỉ lệ 4:3; ảnh 360° phải có tỉ lệ 2:1 (rộng gấp đôi cao). Hãy xuất lại ảnh toàn cảnh từ ứng dụng của máy ảnh.',
    );
    expect(facts(1080, 1920).problems[0]?.message.en).toContain('9:16');
    expect(facts(2600, 1000).problems[0]?.message.vi).toContain('2,60:1');
  });

  it('accepts 2:1 a few pixels off, as cameras export', () => {
    expect(facts(6000, 3000)).toMatchObject({ ok: true, problems: [] });
    expect(facts(5376, 2700)).toMatchObject({ ok: true });
  });

  it('refuses a top-bottom stereo pair (1:1, two alike halves) with its own message', () => {
    const pair = sample(64, 64, (x, y) => scenery(x, y % 32, 32));
    expect(stereoLayout({ name: 'a', width: 5760, height: 5760, bytes: 1, sample: pair })).toBe(
      'top-bottom',
    );
    const result = facts(5760, 5760, { sample: pair });
    expect(codes(result)).toEqual(['image-stereo']);
    expect(result.problems[0]?.message.vi).toContain('chồng lên nhau');
    expect(result.problems[0]?.severity).toBe('error');
  });

  it('refuses a side-by-side pair (4:1) with its own message', () => {
    const pair = sample(128, 32, (x, y) => scenery(x % 64, y, 32));
    const result = facts(11520, 2880, { sample: pair });
    expect(codes(result)).toEqual(['image-stereo']);
    expect(result.problems[0]?.message.en).toContain('side by side');
  });

  it('calls a square photo with different halves a wrong ratio, not a stereo pair', () => {
    const square = sample(64, 64, (x, y) => scenery(x, y, 64));
    expect(halvesDifference(square, 'top-bottom')).toBeGreaterThan(0.08);
    expect(codes(facts(3000, 3000, { sample: square }))).toEqual(['image-not-panorama']);
  });

  it('adds a transparent picture with a warning, and an opaque one without', () => {
    const holed = sample(64, 32, (x, y) => (y > 28 ? [0, 0, 0, 0] : scenery(x, y, 32)));
    expect(usesTransparency(holed)).toBe(true);
    const result = facts(4096, 2048, { sample: holed });
    expect(result.ok).toBe(true);
    expect(codes(result)).toEqual(['image-transparent']);
    expect(result.problems[0]?.severity).toBe('warning');
    const opaque = sample(64, 32, (x, y) => scenery(x, y, 32));
    expect(facts(4096, 2048, { sample: opaque })).toMatchObject({ ok: true, problems: [] });
  });

  it('says the width a very large picture is published at', () => {
    const result = facts(12000, 6000);
    expect(result.ok).toBe(true);
    expect(codes(result)).toEqual(['image-too-large']);
    expect(publishedWidth(12000)).toBe(12000);
    expect(result.problems[0]?.message.vi).toContain('12.000');
    expect(publishedWidth(10001)).toBe(10000);
  });

  it('refuses what the build cannot open, and files over 50 MB', () => {
    expect(codes(facts(24000, 12000))).toEqual(['image-too-many-pixels']);
    expect(codes(facts(4096, 2048, { bytes: 60 * 1024 * 1024 }))).toEqual(['image-file-too-big']);
    expect(facts(4096, 2048, { bytes: 60 * 1024 * 1024 }).problems[0]?.message.vi).toContain(
      '60 MB',
    );
  });

  it('warns about a small panorama', () => {
    expect(facts(1024, 512)).toMatchObject({ ok: true });
    expect(codes(facts(1024, 512))).toEqual(['image-too-small']);
  });
});
