// @vitest-environment happy-dom
/**
 * One bad scene never blocks a tour: the virtual-tour plugin throws for the whole tour when
 * one node is bad (a scene linking to itself, a link without position…). The fake port below
 * checks nodes as PSV 5.15's plugin does (ClientSideDatasource.setNodes); the manifest skips
 * validation, as a hand-edited or older tour.json would reach a visitor.
 */
import type {
  VirtualTourLink,
  VirtualTourNode,
  VirtualTourTransitionOptions,
} from '@photo-sphere-viewer/virtual-tour-plugin';
import { describe, expect, it } from 'vitest';
import type { Tour } from '../../src/core/manifest/schema.ts';
import { TourViewer } from '../../src/web/viewer/tour-viewer.ts';
import { on } from '../../src/web/viewer/viewer-events.ts';
import type { NodeUpdate, ViewerPort, ViewerPortEvents } from '../../src/web/viewer/viewer-port.ts';

const scene = (id: string, targets: string[]) => ({
  id,
  title: { vi: id },
  panorama: { source: `panoramas/${id}.jpg` },
  hotspots: targets.map((target, i) => ({
    id: `to-${i}`,
    type: 'scene',
    target,
    position: { yaw: i * 30, pitch: 0 },
  })),
});

/** Not validated: scene "04" links to itself, as in a real Pannellum tour (findings P2). */
const tour = {
  version: 1,
  id: 'bad',
  title: { vi: 'Tour' },
  languages: ['vi'],
  defaultLanguage: 'vi',
  scenes: [scene('01', ['04', '02']), scene('02', ['01']), scene('04', ['04', '01'])],
} as unknown as Tour;

/** PSV 5.15's node checks (AbstractDatasource.checkNode/checkLink, ClientSideDatasource). */
function psvCheck(nodes: VirtualTourNode[]): void {
  const ids = new Set(nodes.map((n) => n.id));
  for (const node of nodes) {
    if (!node.panorama) throw new Error(`No panorama provided for node ${node.id}`);
    for (const link of node.links ?? []) {
      if (!ids.has(link.nodeId))
        throw new Error(`Target node ${link.nodeId} of node ${node.id} does not exists`);
      if (link.nodeId === node.id) throw new Error(`Node ${node.id} links to itself`);
    }
  }
}

class CheckingPort implements ViewerPort {
  events!: ViewerPortEvents;
  nodes: VirtualTourNode[] = [];
  loads: Array<{ nodeId: string; transition: VirtualTourTransitionOptions }> = [];
  setNodes(nodes: VirtualTourNode[], startId: string): void {
    psvCheck(nodes); // throws before loading anything, as the plugin does
    this.nodes = nodes;
    void this.setCurrentNode(startId);
  }
  checkNodes(nodes: VirtualTourNode[]): void {
    psvCheck(nodes);
  }
  setCurrentNode(nodeId: string, fromLink?: VirtualTourLink): Promise<boolean> {
    const node = this.nodes.find((n) => n.id === nodeId)!;
    this.loads.push({ nodeId, transition: this.events.transitionFor(node, undefined, fromLink) });
    return Promise.resolve(true);
  }
  /** The last load completes. */
  arrive(): void {
    this.events.nodeChanged(this.loads.at(-1)!.nodeId);
  }
  updateNode(node: NodeUpdate): void {
    const full = { ...this.nodes.find((n) => n.id === node.id)!, ...node };
    psvCheck(this.nodes.map((n) => (n.id === node.id ? full : n)));
  }
  currentLinks = () => [];
  rotate = () => undefined;
  zoom = () => undefined;
  position = () => ({ yaw: 0, pitch: 0, zoom: 50 });
  size = () => ({ width: 400, height: 800 });
  tilesDrawn = () => Promise.resolve();
  setLang = () => undefined;
  hideError = () => undefined;
  autorotate = () => undefined;
  destroy = () => undefined;
}

function setup(port: ViewerPort & { events?: ViewerPortEvents }) {
  const viewer = new TourViewer(
    {
      container: document.createElement('div'),
      adapter: { kind: 'equirect', setting: class {} as never },
      psvLang: {},
      labels: { goTo: (s) => s, info: (t) => t, audio: (t) => t, link: (t) => t },
    },
    (_setup, events) => {
      port.events = events;
      return port;
    },
  );
  const shown: string[] = [];
  const failed: Array<{ sceneId: string; reason?: string }> = [];
  on(viewer, 'scene-change', ({ detail }) => shown.push(detail.sceneId));
  on(viewer, 'scene-error', ({ detail }) => failed.push(detail));
  return { viewer, shown, failed };
}

describe('a tour with one scene the tour plugin refuses', () => {
  it('opens, every other scene opens, and the bad one shows the plugin’s reason', () => {
    const port = new CheckingPort();
    const { viewer, shown, failed } = setup(port);
    expect(() => viewer.showTour({ tour, baseUrl: 'https://x.test/t/', lang: 'vi' })).not.toThrow();
    port.arrive();
    expect(viewer.goTo('02')).toBe(true);
    port.arrive();
    expect(shown).toEqual(['01', '02']);
    // The links to the bad scene are still there (its bare node keeps the id).
    expect(port.nodes.find((n) => n.id === '01')!.links!.map((l) => l.nodeId)).toEqual([
      '04',
      '02',
    ]);
    expect(viewer.goTo('04')).toBe(true);
    port.arrive();
    expect(failed).toEqual([{ sceneId: '04', reason: 'Node 04 links to itself' }]);
    expect(shown).toEqual(['01', '02']);
    // …and the visitor goes on from there.
    expect(viewer.goTo('01')).toBe(true);
    port.arrive();
    expect(shown).toEqual(['01', '02', '01']);
    // Changing language re-labels the good scenes without tripping on the bad one.
    expect(() =>
      viewer.setLanguage(
        'vi',
        {},
        { goTo: (s) => s, info: (t) => t, audio: (t) => t, link: (t) => t },
      ),
    ).not.toThrow();
  });

  it('says the tour cannot open (not an endless "loading") when the port cannot check nodes', () => {
    const port = new CheckingPort();
    const blind = Object.assign(port, { checkNodes: undefined });
    const { viewer, failed } = setup(blind);
    expect(() => viewer.showTour({ tour, baseUrl: 'https://x.test/t/', lang: 'vi' })).not.toThrow();
    expect(failed.map((f) => f.sceneId)).toEqual(['01']);
    expect(failed[0]!.reason).toMatch(/links to itself/);
  });
});
