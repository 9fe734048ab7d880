// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { Tour } from '../../src/core/manifest/schema.ts';
import { buildNodes, type HotspotData, type NodeContext } from '../../src/web/viewer/nodes.ts';

const tour: Tour = {
  version: 1,
  id: 'demo',
  title: { vi: 'Thử', en: 'Test' },
  languages: ['vi', 'en'],
  defaultLanguage: 'vi',
  scenes: [
    {
      id: 'gate',
      title: { vi: 'Cổng <b>đền</b>', en: 'Gate' },
      panorama: { source: 'panoramas/gate.jpg', thumbnail: 'thumbs/gate.jpg' },
      hotspots: [
        { id: 'in', type: 'scene', target: 'hall', position: { yaw: 90, pitch: -10 } },
        { id: 'nowhere', type: 'scene', target: 'missing', position: { yaw: 0, pitch: 0 } },
        {
          id: 'stele',
          type: 'info',
          title: { vi: 'Bia', en: 'Stele' },
          position: { yaw: -45, pitch: 0 },
        },
        {
          id: 'web',
          type: 'link',
          title: { vi: 'Trang web' },
          url: 'https://example.org/',
          position: { yaw: 10, pitch: 5 },
        },
      ],
    },
    {
      id: 'hall',
      title: { vi: 'Hậu cung' },
      panorama: { source: 'panoramas/hall.jpg' },
      hotspots: [],
    },
  ],
};

function context(overrides: Partial<NodeContext> = {}): NodeContext {
  return {
    tour,
    lang: 'en',
    labels: {
      goTo: (s) => `Go to ${s}`,
      info: (t) => `Info ${t}`,
      audio: (t) => `Audio ${t}`,
      link: (t) => `Link ${t}`,
    },
    adapter: 'equirect',
    assetUrl: (path) => `https://site.example/tours/demo/${path}`,
    onActivate: vi.fn(),
    ...overrides,
  };
}

describe('buildNodes', () => {
  it('maps scenes to nodes with absolute panorama and thumbnail URLs', () => {
    const [gate, hall] = buildNodes(context());
    expect(gate?.panorama).toBe('https://site.example/tours/demo/panoramas/gate.jpg');
    expect(gate?.thumbnail).toBe('https://site.example/tours/demo/thumbs/gate.jpg');
    expect(hall?.thumbnail).toBeUndefined();
  });

  it('escapes author text that PSV renders as HTML (gallery names)', () => {
    const [gate] = buildNodes(context({ lang: 'vi' }));
    expect(gate?.name).toBe('Cổng &lt;b&gt;đền&lt;/b&gt;');
  });

  it('falls back to the default language for a missing translation', () => {
    const [, hall] = buildNodes(context({ lang: 'en' }));
    expect(hall?.name).toBe('Hậu cung');
  });

  it('turns scene hotspots into links in radians, skipping unknown targets', () => {
    const [gate] = buildNodes(context());
    expect(gate?.links).toHaveLength(1);
    const link = gate!.links![0]!;
    expect(link.nodeId).toBe('hall');
    expect(link.position).toEqual({ yaw: Math.PI / 2, pitch: -Math.PI / 18 });
    const element = link.arrowStyle!.element as HTMLButtonElement;
    expect(element.tagName).toBe('BUTTON');
    expect(element.getAttribute('aria-label')).toBe('Go to Hậu cung');
    expect((link.data as HotspotData).hotspot.id).toBe('in');
  });

  it('turns other hotspots into focusable markers that keyboard users can activate', () => {
    const onActivate = vi.fn();
    const [gate] = buildNodes(context({ onActivate }));
    expect(gate?.markers?.map((m) => m.id)).toEqual(['stele', 'web']);
    const button = gate!.markers![0]!.element as HTMLButtonElement;
    expect(button.textContent).toContain('Stele');
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(onActivate).toHaveBeenCalledWith(tour.scenes[0], tour.scenes[0]!.hotspots[2]);
  });

  it('hides external links on kiosks', () => {
    const [gate] = buildNodes(context({ hideExternalLinks: true }));
    expect(gate?.markers?.map((m) => m.id)).toEqual(['stele']);
  });
});
