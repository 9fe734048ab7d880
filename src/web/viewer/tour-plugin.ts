/**
 * The Virtual Tour plugin, made to fail gracefully.
 *
 * The stock plugin starts navigations itself (link clicks, gallery clicks, setNodes) and
 * rethrows load errors from promises nobody awaits. Every navigation goes through
 * `setCurrentNode`, so this subclass catches there: a scene whose panorama fails is reported
 * through `onNodeFailed`, and the next navigation, even back to the same scene, runs afresh.
 */
import {
  type VirtualTourLink,
  type VirtualTourNode,
  VirtualTourPlugin,
  type VirtualTourTransitionOptions,
} from '@photo-sphere-viewer/virtual-tour-plugin';

/** The plugin's private data source, as far as checking goes (5.15: ClientSideDatasource). */
type Datasource = { constructor: new (plugin: unknown, viewer: unknown) => Datasource } & {
  setNodes(nodes: VirtualTourNode[]): void;
};

export type NodeFailedHandler = (nodeId: string, error: unknown) => void;

export class TourPlugin extends VirtualTourPlugin {
  /** Set by the owner after construction (PSV builds plugins from their class). */
  onNodeFailed: NodeFailedHandler | null = null;
  private lastFailedNode: string | null = null;
  /** Counts navigations: a failure of one that a newer navigation replaced is not reported. */
  private navigation = 0;

  /**
   * Throws what `setNodes(nodes)` would throw, without loading anything nor touching the
   * plugin's own nodes: a fresh data source of the plugin's kind runs the plugin's own checks.
   */
  checkNodes(nodes: VirtualTourNode[]): void {
    const own = (this as unknown as { datasource: Datasource }).datasource;
    const Kind = own.constructor;
    new Kind(this, this.viewer).setNodes(nodes);
  }

  override setCurrentNode(
    nodeId: string,
    options?: VirtualTourTransitionOptions & { forceUpdate?: boolean },
    fromLink?: VirtualTourLink,
  ): Promise<boolean> {
    // After a failure the plugin still believes the previous scene is on screen.
    const retry = this.lastFailedNode !== null ? { ...options, forceUpdate: true } : options;
    const navigation = ++this.navigation;
    return super
      .setCurrentNode(nodeId, retry, fromLink)
      .then((completed) => {
        if (completed) this.lastFailedNode = null;
        return completed;
      })
      .catch((error: unknown) => {
        if (navigation !== this.navigation) return false;
        this.lastFailedNode = nodeId;
        this.onNodeFailed?.(nodeId, error);
        return false;
      });
  }
}
