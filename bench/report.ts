/** The Markdown table the README quotes. */
import type { MemorySample } from './measure.ts';
import type { Summary } from './stats.ts';

interface Compared {
  ours: Summary;
  baseline: Summary;
  ratio: number;
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
  const rows = [
    [
      'First visible panorama',
      ms(load.firstVisibleMs.ours),
      ms(load.firstVisibleMs.baseline),
      `${load.firstVisibleMs.ratio}×`,
    ],
    [
      'Full resolution in view',
      ms(load.fullResolutionMs.ours),
      ms(load.fullResolutionMs.baseline),
      `${load.fullResolutionMs.ratio}×`,
    ],
    [
      'Switch to a preloaded neighbour',
      ms(load.switchMs.ours),
      ms(load.switchMs.baseline),
      `${load.switchMs.ratio}×`,
    ],
    [
      'Switch, no throttling (software WebGL only)',
      ms(load.switchUnthrottledMs.ours),
      ms(load.switchUnthrottledMs.baseline),
      `${load.switchUnthrottledMs.ratio}×`,
    ],
    [
      'Panorama bytes until full resolution',
      mb(load.bytesMb.ours),
      mb(load.bytesMb.baseline),
      `${load.bytesMb.ratio}×`,
    ],
    [`JS heap, after 10 → ${last} switches`, ours.heap, baseline.heap, ''],
    [`Live WebGL textures, after 10 → ${last} switches`, ours.textures, baseline.textures, ''],
    ['Tiling an 8192×4096 panorama', ms(results.tilingMs), '–', ''],
  ];
  const c = results.conditions;
  const m = results.machine;
  return [
    `Benchmark of ${results.date} — ${m.cpus} × ${m.cpu}, ${m.memoryGb} GB, Chromium ${m.chromium}, ${m.webgl} WebGL.`,
    `Conditions: ${c.viewport}, CPU throttled ${c.cpuThrottling}×, ${c.network}, cold cache; medians of ${c.runs} interleaved runs (min–max).`,
    '',
    '| Metric | Ours | Baseline (plain PSV, full JPEGs) | Ours / baseline |',
    '| --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
    '',
  ].join('\n');
}
