/**
 * The benchmark's baseline: what one would build with Photo Sphere Viewer out of the box —
 * the same PSV version, the virtual-tour plugin with preloading, and the original full-size
 * JPEGs. Nodes come from `nodes.json`, written by the benchmark from the sample tour.
 */
import { Viewer } from '@photo-sphere-viewer/core';
import { type VirtualTourNode, VirtualTourPlugin } from '@photo-sphere-viewer/virtual-tour-plugin';
import '@photo-sphere-viewer/core/index.css';
import '@photo-sphere-viewer/virtual-tour-plugin/index.css';

declare global {
  interface Window {
    goToScene: (id: string) => void;
  }
}

const { nodes, start } = (await (await fetch('./nodes.json')).json()) as {
  nodes: VirtualTourNode[];
  start: string;
};
const viewer = new Viewer({
  container: 'viewer',
  navbar: ['zoom', 'fullscreen'],
  canvasBackground: '#111',
  plugins: [
    [
      VirtualTourPlugin,
      {
        nodes,
        startNodeId: start,
        renderMode: '2d',
        preload: true,
        // No animation, like our viewer under the benchmark's reduced motion.
        transitionOptions: { effect: 'none', speed: 0, rotation: false, showLoader: true },
      },
    ],
  ],
});
const tour = viewer.getPlugin<VirtualTourPlugin>(VirtualTourPlugin);
tour.addEventListener('node-changed', ({ node }) => (document.body.dataset.scene = node.id));
window.goToScene = (id) => void tour.setCurrentNode(id);
