import { describe, expect, it } from 'vitest';
import { offersGyroscope } from '../../src/web/viewer/gyroscope.ts';

describe('offersGyroscope', () => {
  it.each([
    [
      'an Android phone that sent a reading',
      { reading: true, asksPermission: true, touchFirst: true },
      true,
    ],
    [
      'an iPhone before the permission (no reading yet)',
      { reading: false, asksPermission: true, touchFirst: true },
      true,
    ],
    [
      'desktop Chromium (asks, but no sensor and a mouse)',
      { reading: false, asksPermission: true, touchFirst: false },
      false,
    ],
    [
      'an old browser on a tablet without the sensor',
      { reading: false, asksPermission: false, touchFirst: true },
      false,
    ],
    [
      'a laptop with a sensor that reads',
      { reading: true, asksPermission: false, touchFirst: false },
      true,
    ],
  ])('%s', (_case, clues, expected) => {
    expect(offersGyroscope(clues)).toBe(expected);
  });
});
