/**
 * Runs in the page before any script (both ours and the baseline, identically):
 * - keeps WebGL drawing buffers readable, so frames can be sampled;
 * - counts live WebGL textures (created minus deleted);
 * - samples 24 pixels on three rows every frame and records when the canvas first shows a
 *   picture (not uniform), and when it first changes after `markSwitch()`;
 * - takes a scene page's poster (Element Timing) and a switch's first frame painted on a 2D
 *   canvas (a performance mark) as visible too: both are what the visitor sees.
 * Self-contained: Playwright serialises this function into the page.
 */
export interface BenchProbe {
  liveTextures: number;
  firstVisible: number | null;
  switchStart: number | null;
  switchVisible: number | null;
  markSwitch: () => void;
}

export function instrument(): void {
  const probe: BenchProbe = {
    liveTextures: 0,
    firstVisible: null,
    switchStart: null,
    switchVisible: null,
    markSwitch: () => {
      probe.switchStart = performance.now();
      probe.switchVisible = null;
      reference = last;
    },
  };
  (window as unknown as { __bench: BenchProbe }).__bench = probe;
  // Every WebGL context made (PSV first makes a throw-away one to probe the GPU).
  const contexts: Array<WebGL2RenderingContext | WebGLRenderingContext> = [];
  let last: number[] | null = null;
  let reference: number[] | null = null;

  const original = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (
    this: HTMLCanvasElement,
    type: string,
    attributes?: Record<string, unknown>,
  ) {
    // Pannellum asks for the old 'experimental-webgl' name.
    const webgl = type === 'webgl2' || type === 'webgl' || type === 'experimental-webgl';
    const context = original.call(
      this,
      type,
      webgl ? { ...attributes, preserveDrawingBuffer: true } : attributes,
    );
    if (webgl && context && !contexts.includes(context as WebGL2RenderingContext)) {
      const gl = context as WebGL2RenderingContext;
      contexts.push(gl);
      const create = gl.createTexture.bind(gl);
      const remove = gl.deleteTexture.bind(gl);
      gl.createTexture = () => {
        probe.liveTextures++;
        return create();
      };
      gl.deleteTexture = (texture) => {
        if (texture) probe.liveTextures--;
        remove(texture);
      };
    }
    return context;
  } as typeof original;

  // Three full-width rows, read in three calls: every readPixels stalls the GPU pipeline, so
  // the probe reads little and rarely enough not to slow down what it measures.
  const sample = (): number[] | null => {
    const gl = contexts.find(
      (c) => (c.canvas as HTMLCanvasElement).isConnected && !c.isContextLost(),
    );
    if (!gl) return null;
    const { drawingBufferWidth: w, drawingBufferHeight: h } = gl;
    if (w < 10 || h < 10) return null;
    const row = new Uint8Array(w * 4);
    const lumas: number[] = [];
    for (const y of [h / 4, h / 2, (3 * h) / 4]) {
      gl.readPixels(0, Math.floor(y), w, 1, gl.RGBA, gl.UNSIGNED_BYTE, row);
      for (let i = 1; i <= 8; i++) {
        const x = Math.floor((w * i) / 9) * 4;
        lumas.push(0.2126 * row[x]! + 0.7152 * row[x + 1]! + 0.0722 * row[x + 2]!);
      }
    }
    return lumas;
  };
  const spread = (values: number[]): number => Math.max(...values) - Math.min(...values);
  const distance = (a: number[], b: number[]): number =>
    a.reduce((sum, value, i) => sum + Math.abs(value - b[i]!), 0) / a.length;

  const frame = () => {
    const lumas = sample();
    if (lumas) {
      const now = performance.now();
      if (probe.firstVisible === null && spread(lumas) > 30) probe.firstVisible = now;
      if (
        probe.switchStart !== null &&
        probe.switchVisible === null &&
        reference &&
        distance(lumas, reference) > 12
      )
        probe.switchVisible = now;
      last = lumas;
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);

  // A scene page paints its poster (a plain picture of the start view) before any WebGL:
  // Element Timing says when; the earlier of that and the canvas is the first view.
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Array<
        PerformanceEntry & { identifier?: string; renderTime?: number; loadTime?: number }
      >) {
        if (entry.identifier !== 'first-view') continue;
        const at = entry.renderTime || entry.loadTime || entry.startTime;
        probe.firstVisible = probe.firstVisible === null ? at : Math.min(probe.firstVisible, at);
      }
    }).observe({ type: 'element', buffered: true });
  } catch {
    // No Element Timing (not Chromium): only the canvas counts.
  }
  // Our viewer paints a switch's first frame on a 2D canvas before WebGL has the scene
  // (src/web/viewer/switch-preview.ts) and marks when that frame has been painted.
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name !== 'scene-switch-painted' || probe.switchStart === null) continue;
      if (entry.startTime < probe.switchStart) continue;
      probe.switchVisible =
        probe.switchVisible === null
          ? entry.startTime
          : Math.min(probe.switchVisible, entry.startTime);
    }
  }).observe({ type: 'mark' });
}
