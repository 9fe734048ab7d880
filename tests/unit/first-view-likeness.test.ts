import { describe, expect, it } from 'vitest';
import { crop, greyThumbnail, likeness, pearson } from '../../src/core/first-view/likeness.ts';
import type { RawPixels } from '../../src/core/first-view/poster-sampling.ts';

/** A picture with structure at several scales, drawn by a function of (x, y). */
function picture(
  width: number,
  height: number,
  shade: (x: number, y: number) => number,
): RawPixels {
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = Math.max(0, Math.min(255, Math.round(shade(x / width, y / height))));
      data.set([v, v, v], (y * width + x) * 3);
    }
  }
  return { data, width, height, channels: 3 };
}

const scene = (x: number, y: number) =>
  128 + 60 * Math.sin(9 * x + 2) * Math.cos(7 * y) + 50 * Math.sign(Math.sin(20 * x * y + 3 * x));

describe('pearson', () => {
  it('is 1 for identical or linearly related series, −1 for a negative', () => {
    expect(pearson([1, 2, 3, 5], [1, 2, 3, 5])).toBeCloseTo(1);
    expect(pearson([1, 2, 3, 5], [10, 30, 50, 90])).toBeCloseTo(1);
    expect(pearson([1, 2, 3, 5], [-1, -2, -3, -5])).toBeCloseTo(-1);
  });

  it('is 0 when a series is constant, and refuses series of different lengths', () => {
    expect(pearson([4, 4, 4], [1, 2, 3])).toBe(0);
    expect(() => pearson([1, 2], [1, 2, 3])).toThrow(RangeError);
  });
});

describe('greyThumbnail', () => {
  it('averages areas, also when the sizes do not divide', () => {
    const image = picture(7, 5, (x) => (x < 0.5 ? 0 : 210));
    const thumb = greyThumbnail(image, { width: 2, height: 1 });
    // Columns 0–3 are black, 4–6 white; column 3 straddles the middle, half in each cell.
    expect(thumb[0]).toBeCloseTo(0);
    expect(thumb[1]).toBeCloseTo((3 * 210) / 3.5);
  });

  it('weighs red, green and blue as Rec. 709 luma', () => {
    const data = new Uint8Array([255, 0, 0, 0, 255, 0]);
    const thumb = greyThumbnail(
      { data, width: 2, height: 1, channels: 3 },
      { width: 2, height: 1 },
    );
    expect(thumb[0]).toBeCloseTo(0.2126 * 255);
    expect(thumb[1]).toBeCloseTo(0.7152 * 255);
  });
});

describe('likeness', () => {
  it('is 1 for the same picture at another size, brightness or contrast', () => {
    const a = picture(540, 960, scene);
    const b = picture(360, 640, (x, y) => 20 + 0.8 * scene(x, y));
    expect(likeness(a, a)).toBeCloseTo(1, 6);
    expect(likeness(a, b)).toBeGreaterThan(0.99);
  });

  it('drops for a shifted framing and for another picture', () => {
    const a = picture(960, 540, scene);
    const shifted = picture(960, 540, (x, y) => scene(x + 0.12, y));
    const other = picture(960, 540, (x, y) => 128 + 100 * Math.cos(13 * x * y + 5 * y));
    const shift = likeness(a, shifted);
    expect(shift).toBeLessThan(0.8);
    expect(likeness(a, other)).toBeLessThan(shift);
  });

  it('compares the visible part of a poster after a crop', () => {
    const poster = picture(1200, 540, scene);
    const visible = crop(poster, { left: 120, top: 0, width: 960, height: 540 });
    expect(visible.width).toBe(960);
    const screen = picture(960, 540, (x, y) => scene((120 + x * 960) / 1200, y));
    expect(likeness(visible, screen)).toBeGreaterThan(0.99);
    expect(
      likeness(crop(poster, { left: 0, top: 0, width: 960, height: 540 }), screen),
    ).toBeLessThan(0.95);
  });
});
