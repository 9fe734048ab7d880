/** The Markdown table the README quotes. */
import type { MemorySample } from './measure.ts';
import type { Summary } from './stats.ts';

interface Compared {
  /** From the tour list (`#/demo`). */
  ours: Summary;
  /** From a QR code: the start scene's own page (`demo/<scene>/`); absent in older results. */
  qr?: Summary;
  baseline: Summary;
  /** Plain Pannellum on the same JPEGs; absent in older results. */
  pannellum?: Summary;
  ratio: number;
  qrRatio?: number;
  pannellumRatio?: number;
  qrPannellumRatio?: number;
}

export interface Results {
  date: string;
  machine: Record<string, string | number>;
  conditions: Record<string, string | number>;
  load: Record<
    'firstVisibleMs' | 'fullResolutionMs' | 'switchMs' | 'switchUnthrottledMs' | 'bytesMb',
    Compared
  >;
  memory: Record<'ours' | 'baseline', MemorySample>;
  tilingMs: Summary;
  /** Worst correlation of a poster with the live view it stands for (null: not measured). */
  posterLikeness?: number | null;
}

const ms = (s: Summary) => `${Math.round(s.median)} ms (${Math.round(s.min)}–${Math.round(s.max)})`;
const mb = (s: Summary) => `${s.median.toFixed(2)} MB (${s.min.toFixed(2)}–${s.max.toFixed(2)})`;

function memoryCells(sample: MemorySample): { heap: string; textures: string } {
  const first = sample.points[0];
  const last = sample.points[sample.points.length - 1];
  if (!first || !last) return { heap: '–', textures: '–' };
  const heap = (p: typeof first) => `${(p.heapBytes / 1e6).toFixed(1)} MB`;
  return {
    heap: `${heap(first)} → ${heap(last)} (×${(last.heapBytes / first.heapBytes).toFixed(2)})`,
    textures: `${first.textures} → ${last.textures}`,
  };
}

export function renderTable(results: Results): string {
  const { load } = results;
  const ours = memoryCells(results.memory.ours);
  const baseline = memoryCells(results.memory.baseline);
  const last = results.memory.ours.points.at(-1)?.switches ?? 0;
  const times = (value: number | undefined) => (value === undefined ? '–' : `${value}×`);
  const row = (label: string, metric: Compared, format: (s: Summary) => string) => [
    label,
    metric.qr ? format(metric.qr) : '–',
    format(metric.ours),
    format(metric.baseline),
    metric.pannellum ? format(metric.pannellum) : '–',
    times(metric.qrRatio),
    times(metric.ratio),
    times(metric.qrPannellumRatio),
    times(metric.pannellumRatio),
  ];
  /** A row with cells only under the first columns (the rest blank). */
  const short = (...cells: string[]) => [...cells, ...Array<string>(9 - cells.length).fill('')];
  const likeness = results.posterLikeness;
  const rows = [
    row('First visible panorama', load.firstVisibleMs, ms),
    row('Full resolution in view', load.fullResolutionMs, ms),
    row('Switch to a preloaded neighbour (first new frame)', load.switchMs, ms),
    row('Switch, no throttling (software WebGL only)', load.switchUnthrottledMs, ms),
    row('Panorama bytes until full resolution', load.bytesMb, mb),
    short(`JS heap, after 10 → ${last} switches`, '', ours.heap, baseline.heap),
    short(`Live WebGL textures, after 10 → ${last} switches`, '', ours.textures, baseline.textures),
    short('Tiling an 8192×4096 panorama', '', ms(results.tilingMs), '–'),
    short(
      'Poster likeness to the live view (worst scene × screen; ≥ 0.95 wanted)',
      likeness === undefined || likeness === null ? '–' : likeness.toFixed(3),
    ),
  ];
  const c = results.conditions;
  const m = results.machine;
  return [
    `Benchmark of ${results.date} — ${m.cpus} × ${m.cpu}, ${m.memoryGb} GB, Chromium ${m.chromium}, ${m.webgl} WebGL.`,
    `Conditions: ${c.viewport}, CPU throttled ${c.cpuThrottling}×, ${c.network}, cold cache; medians of ${c.runs} interleaved runs (min–max).`,
    '',
    "Ours from a QR code opens the scene's own page (`<base>/demo/<scene>/`, poster first); from the tour list, `#/demo`.",
    '',
    '| Metric | Ours, QR page | Ours, tour list | Plain PSV (full JPEGs) | Plain Pannellum 2.5.7 (full JPEGs) | QR / PSV | List / PSV | QR / Pannellum | List / Pannellum |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
    '',
  ].join('\n');
}
