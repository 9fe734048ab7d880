/**
 * The view limits a Marzipano Tool export sets in its index.js (`RectilinearView.limit.*`),
 * read with a JavaScript parser, never run, and applied to the start views: Marzipano's view
 * passes every parameter through its limiter, the first ones too, so a tour whose index.js
 * caps the view at 60° opens at 60° there even when data.js says 180°. Our manifest has no
 * per-tour limits: what is not a start view is reported. Pure: no files.
 */
import { type ImportWarning, radToDeg, round, warn } from './common.ts';
import { type AnyNode, nodes, parseProgram } from './js-data.ts';

/** Degrees, ours: vertical and horizontal field of view, pitch up positive, yaw to the right. */
export interface ViewLimits {
  vfov?: [number, number];
  hfov?: [number, number];
  pitch?: [number, number];
  yaw?: [number, number];
  /** `limit.resolution(…)` (or traditional's first argument): no zooming past the tiles. */
  resolution?: boolean;
}

/** Pannellum's and our conversions assume the 16:9 landscape screens tours are authored on. */
const ASPECT = 16 / 9;

const hfovToVfov = (hfov: number) =>
  radToDeg(2 * Math.atan(Math.tan((Math.min(hfov, 179.9) * Math.PI) / 360) / ASPECT));

/**
 * The value of a limiter argument: numbers, `Math.PI`, `Infinity`, + - * / and parentheses;
 * `FACE` for any `….faceSize`. Undefined for anything else (a variable, a call).
 */
const FACE = Symbol('faceSize');
function value(node: AnyNode): number | typeof FACE | undefined {
  if (node.type === 'Literal' && typeof node.value === 'number') return node.value;
  if (node.type === 'Identifier' && node.name === 'Infinity') return Infinity;
  if (node.type === 'Identifier' && /faceSize$/i.test(node.name as string)) return FACE;
  if (node.type === 'MemberExpression' && !node.computed) {
    const property = (node.property as AnyNode).name as string;
    const object = node.object as AnyNode;
    if (object.type === 'Identifier' && object.name === 'Math' && property === 'PI') return Math.PI;
    if (property === 'faceSize') return FACE;
    return undefined;
  }
  if (node.type === 'UnaryExpression' && (node.operator === '-' || node.operator === '+')) {
    const inner = value(node.argument as AnyNode);
    return typeof inner === 'number' ? (node.operator === '-' ? -inner : inner) : undefined;
  }
  if (node.type === 'BinaryExpression') {
    const left = value(node.left as AnyNode);
    const right = value(node.right as AnyNode);
    if (typeof left !== 'number' || typeof right !== 'number') return undefined;
    switch (node.operator) {
      case '+':
        return left + right;
      case '-':
        return left - right;
      case '*':
        return left * right;
      case '/':
        return left / right;
    }
  }
  return undefined;
}

/** `…limit.<name>(…)`: the limiter's name, or undefined for any other call. */
function limiterName(call: AnyNode): string | undefined {
  const callee = call.callee as AnyNode;
  if (callee.type !== 'MemberExpression' || callee.computed) return undefined;
  const object = callee.object as AnyNode;
  const holder =
    object.type === 'MemberExpression' && !object.computed
      ? ((object.property as AnyNode).name as string)
      : object.type === 'Identifier'
        ? (object.name as string)
        : undefined;
  return holder === 'limit' ? ((callee.property as AnyNode).name as string) : undefined;
}

const narrow = (
  limits: ViewLimits,
  key: 'vfov' | 'hfov' | 'pitch' | 'yaw',
  [min, max]: [number, number],
) => {
  // Several limiters compose (Marzipano.util.compose): each clamps, so the strictest wins.
  const [oldMin, oldMax] = limits[key] ?? [-Infinity, Infinity];
  limits[key] = [Math.max(oldMin, min), Math.min(oldMax, max)];
};

const degrees = (radians: number) =>
  Number.isFinite(radians) ? round(radToDeg(radians)) : radians;

/** What the limiters of an index.js allow (empty when it has none), and what could not be read. */
export function readIndexJs(text: string): { limits: ViewLimits; warnings: ImportWarning[] } {
  const limits: ViewLimits = {};
  const warnings: ImportWarning[] = [];
  if (!/limit\s*\.|autorotate/.test(text)) return { limits, warnings };
  const { program } = parseProgram(text);
  if (!program) {
    warnings.push(
      warn(
        'index.js',
        'Không đọc được index.js: giới hạn góc nhìn của nó (nếu có) không được áp dụng.',
        'index.js cannot be parsed: its view limits (if any) are not applied.',
      ),
    );
    return { limits, warnings };
  }
  for (const node of nodes(program)) {
    if (node.type !== 'CallExpression') continue;
    const name = limiterName(node);
    if (!name) continue;
    const args = (node.arguments as AnyNode[]).map(value);
    const numbers = args.filter((a): a is number => typeof a === 'number');
    const unreadable = args.some((a) => a === undefined);
    if (unreadable) {
      warnings.push(
        warn(
          'index.js',
          `Giới hạn "limit.${name}(…)" của index.js dùng biến hoặc phép tính không đọc được: không áp dụng.`,
          `The view limit "limit.${name}(…)" of index.js uses a variable or expression that cannot be read: not applied.`,
        ),
      );
      continue;
    }
    const range = (): [number, number] => [
      degrees(numbers[0] ?? -Infinity),
      degrees(numbers[1] ?? Infinity),
    ];
    if (name === 'traditional') {
      // traditional(maxResolution, maxVFov, maxHFov = maxVFov): resolution, vfov, hfov, pitch.
      const [, maxV, maxH = maxV] = args.map((a) => (typeof a === 'number' ? a : undefined));
      limits.resolution = true;
      if (maxV !== undefined) narrow(limits, 'vfov', [0, degrees(maxV)]);
      if (maxH !== undefined) narrow(limits, 'hfov', [0, degrees(maxH)]);
    } else if (name === 'resolution') limits.resolution = true;
    else if (name === 'vfov' || name === 'hfov' || name === 'yaw') narrow(limits, name, range());
    else if (name === 'pitch') {
      // Marzipano's pitch grows downwards, ours upwards.
      const [min, max] = range();
      narrow(limits, 'pitch', [-max, -min]);
    }
  }
  const yawSpeed = /autorotate\(\s*\{[^}]*yawSpeed\s*:\s*([\d.]+)/.exec(text);
  if (yawSpeed)
    warnings.push(
      warn(
        'index.js',
        `Tốc độ tự xoay của index.js (${yawSpeed[1]} rad/s) không được chuyển: trình xem tự xoay chậm khi không ai dùng.`,
        `The autorotate speed of index.js (${yawSpeed[1]} rad/s) is not carried over: our viewer turns slowly by itself when idle.`,
      ),
    );
  const summary = describe(limits);
  if (summary)
    warnings.push(
      warn(
        'index.js',
        `Giới hạn góc nhìn của index.js (${summary.vi}) đã áp dụng cho hướng nhìn đầu của các cảnh; khách vẫn thu phóng trong 90°–30° và nhìn mọi hướng: trình xem không có giới hạn riêng cho từng tour.`,
        `The view limits of index.js (${summary.en}) were applied to the scenes' start views; visitors still zoom within 90°–30° and look anywhere: our viewer has no per-tour limits.`,
      ),
    );
  return { limits, warnings };
}

function describe(limits: ViewLimits): { vi: string; en: string } | undefined {
  const vi: string[] = [];
  const en: string[] = [];
  const span = ([min, max]: [number, number]) =>
    min > 0 && Number.isFinite(max)
      ? `${min}°–${max}°`
      : Number.isFinite(max)
        ? `${max}°`
        : `${min}°`;
  if (limits.vfov) {
    vi.push(`dọc tối đa ${span(limits.vfov)}`);
    en.push(`at most ${span(limits.vfov)} high`);
  }
  if (limits.hfov) {
    vi.push(`ngang tối đa ${span(limits.hfov)}`);
    en.push(`${span(limits.hfov)} wide`);
  }
  if (limits.pitch) {
    vi.push(`nhìn lên xuống ${limits.pitch[0]}° đến ${limits.pitch[1]}°`);
    en.push(`pitch ${limits.pitch[0]}° to ${limits.pitch[1]}°`);
  }
  if (limits.yaw) {
    vi.push(`quay ngang ${limits.yaw[0]}° đến ${limits.yaw[1]}°`);
    en.push(`yaw ${limits.yaw[0]}° to ${limits.yaw[1]}°`);
  }
  if (limits.resolution) {
    vi.push('không phóng quá độ phân giải mảnh');
    en.push('no zooming past the tiles');
  }
  return vi.length ? { vi: vi.join(', '), en: en.join(', ') } : undefined;
}

/**
 * A start view (degrees; `fov` vertical) as Marzipano's limiter leaves it: vertical then
 * horizontal field of view (at 16:9), pitch, yaw. The resolution limit depends on the screen's
 * height in pixels, so it is not applied (our viewer zooms in to 30° at most).
 */
export function limitView(
  view: { yaw: number; pitch: number; fov: number },
  limits: ViewLimits,
): { yaw: number; pitch: number; fov: number } {
  const clamp = (x: number, [min, max]: [number, number]) => Math.min(max, Math.max(min, x));
  let fov = view.fov;
  if (limits.vfov) fov = clamp(fov, limits.vfov);
  if (limits.hfov) fov = clamp(fov, [hfovToVfov(limits.hfov[0]), hfovToVfov(limits.hfov[1])]);
  return {
    yaw: limits.yaw ? clamp(view.yaw, limits.yaw) : view.yaw,
    pitch: limits.pitch ? clamp(view.pitch, limits.pitch) : view.pitch,
    fov,
  };
}

/** True when `limits` holds anything that changes a view. */
export const hasViewLimits = (limits: ViewLimits | undefined): limits is ViewLimits =>
  !!limits && (['vfov', 'hfov', 'pitch', 'yaw'] as const).some((key) => key in limits);
