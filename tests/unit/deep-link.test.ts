import { describe, expect, it } from 'vitest';
import {
  type DeepLink,
  deepLinkUrl,
  formatDeepLink,
  normalizeView,
  parseDeepLink,
} from '../../src/core/links/deep-link.ts';

describe('deep links', () => {
  const examples: Array<[DeepLink, string]> = [
    [{}, '#/'],
    [{ tour: 'demo' }, '#/demo'],
    [{ tour: 'demo', scene: 'louvre' }, '#/demo/louvre'],
    [{ tour: 'demo', scene: 'louvre', hotspot: 'pyramid' }, '#/demo/louvre/pyramid'],
    [{ tour: 'demo', scene: 'louvre', view: { yaw: 12.5, pitch: -3 } }, '#/demo/louvre?v=12.5,-3'],
    [
      { tour: 'demo', scene: 'louvre', view: { yaw: 350, pitch: 10, zoom: 40 }, lang: 'en' },
      '#/demo/louvre?v=350,10,40&l=en',
    ],
    [{ tour: 'den-hung', lang: 'zh-Hant' }, '#/den-hung?l=zh-Hant'],
  ];

  it.each(examples)('formats %j as %s and parses it back', (link, fragment) => {
    expect(formatDeepLink(link)).toBe(fragment);
    expect(parseDeepLink(fragment)).toEqual(link);
  });

  it('parses a full URL, with or without the leading slash in the fragment', () => {
    expect(parseDeepLink('https://example.org/tours/#/demo/louvre?l=vi')).toEqual({
      tour: 'demo',
      scene: 'louvre',
      lang: 'vi',
    });
    expect(parseDeepLink('#demo/louvre')).toEqual({ tour: 'demo', scene: 'louvre' });
    expect(parseDeepLink('https://example.org/')).toEqual({});
  });

  it('round-trips any view within a tenth of a degree', () => {
    for (let i = 0; i < 500; i++) {
      const view = {
        yaw: Math.random() * 720 - 360,
        pitch: Math.random() * 180 - 90,
        zoom: Math.random() * 100,
      };
      const link: DeepLink = { tour: 't', scene: 's', view };
      const parsed = parseDeepLink(formatDeepLink(link));
      expect(parsed.view).toEqual(normalizeView(view));
      expect(formatDeepLink(parsed)).toBe(formatDeepLink(link));
      const yawDelta = Math.abs(((((parsed.view!.yaw - view.yaw) % 360) + 540) % 360) - 180);
      expect(yawDelta).toBeLessThanOrEqual(0.05 + 1e-9);
    }
  });

  it('keeps what is valid in a damaged link and drops the rest', () => {
    expect(parseDeepLink('#/demo/Bad Scene!?v=abc&l=en')).toEqual({ tour: 'demo', lang: 'en' });
    expect(parseDeepLink('#/demo/louvre?v=10,20,30,40')).toEqual({ tour: 'demo', scene: 'louvre' });
    expect(parseDeepLink('#/demo/louvre?v=10,&l=english!')).toEqual({
      tour: 'demo',
      scene: 'louvre',
    });
    expect(parseDeepLink('#/%E0%A4%A/louvre')).toEqual({});
    expect(parseDeepLink('#/demo/louvre?utm_source=poster')).toEqual({
      tour: 'demo',
      scene: 'louvre',
    });
  });

  it('clamps out-of-range angles instead of rejecting the link', () => {
    expect(parseDeepLink('#/demo/a?v=370,95,150').view).toEqual({ yaw: 10, pitch: 90, zoom: 100 });
    expect(parseDeepLink('#/demo/a?v=-90,-10').view).toEqual({ yaw: 270, pitch: -10 });
  });

  it('builds a shareable URL on any base, replacing an existing fragment', () => {
    expect(deepLinkUrl('https://di-tich.example.vn/', { tour: 'demo', scene: 'louvre' })).toBe(
      'https://di-tich.example.vn/#/demo/louvre',
    );
    expect(deepLinkUrl('https://h.example/sub/index.html#/old', { tour: 'demo' })).toBe(
      'https://h.example/sub/index.html#/demo',
    );
  });
});
