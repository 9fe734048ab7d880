/**
 * The second baseline: Pannellum as its documentation sets up a tour (the version on the
 * registry, its own build files), on the same full-size JPEGs and links as the PSV baseline.
 * Pannellum preloads nothing; each scene fades in 0 ms, like the others under the benchmark.
 */
import 'pannellum/build/pannellum.css';
import 'pannellum/build/pannellum.js';

interface Node {
  id: string;
  panorama: string;
  links: Array<{ nodeId: string; position: { yaw: string; pitch: string } }>;
}
interface PannellumViewer {
  loadScene: (id: string) => void;
  getScene: () => string;
  on: (event: 'load', listener: () => void) => void;
}

declare global {
  interface Window {
    goToScene: (id: string) => void;
    pannellum: { viewer: (container: string, config: object) => PannellumViewer };
  }
}

const { nodes, start } = (await (await fetch('./nodes.json')).json()) as {
  nodes: Node[];
  start: string;
};
const degrees = (value: string) => Number.parseFloat(value);
const viewer = window.pannellum.viewer('viewer', {
  default: { firstScene: start, autoLoad: true, sceneFadeDuration: 0, showControls: true },
  scenes: Object.fromEntries(
    nodes.map((node) => [
      node.id,
      {
        type: 'equirectangular',
        panorama: node.panorama,
        hotSpots: node.links.map((link) => ({
          type: 'scene',
          sceneId: link.nodeId,
          yaw: degrees(link.position.yaw),
          pitch: degrees(link.position.pitch),
        })),
      },
    ]),
  ),
});
viewer.on('load', () => (document.body.dataset.scene = viewer.getScene()));
window.goToScene = (id) => viewer.loadScene(id);
