/**
 * `npm run bench [-- --runs N] [-- --switches N]` and `npm run bench -- soak`.
 *
 * Builds the site once, builds a baseline page (plain Photo Sphere Viewer, same version, the
 * virtual-tour plugin on the original JPEGs), serves both from one server on 127.0.0.1 and
 * drives headless Chromium through them side by side: cold cache, 4× CPU throttling and a
 * slow-4G profile for the loading metrics; then scene-switch soaks for heap and textures.
 * Writes bench/results.json and bench/results.md; prints the table.
 */
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { createStaticServer } from '../src/node/serve/static-server.ts';
import { prepareBaseline, readScenes, SITE, startPanoramaPrefixes } from './prepare.ts';
import {
  filmLoad,
  measureLoad,
  measureMemory,
  type LoadSample,
  type MemorySample,
} from './measure.ts';
import { describeMarks } from '../tests/support/filmstrip.ts';
import { BASELINE, type BenchPage, OURS, oursQr, PANNELLUM } from './pages.ts';
import { renderTable, type Results } from './report.ts';
import { ratio, summarize } from './stats.ts';
import { measureTiling } from './tiling.ts';
import { launchBrowser } from '../tests/support/browser.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: 'string', default: '5' },
    switches: { type: 'string', default: '500' },
    'no-build': { type: 'boolean' },
    /** Re-renders results.md and the README table from results.json, measuring nothing. */
    report: { type: 'boolean' },
  },
});
const soak = positionals.includes('soak');
const runs = Math.max(1, Number(values.runs));
const switches = soak ? Math.max(Number(values.switches), 2000) : Number(values.switches);

if (values.report) {
  const saved = JSON.parse(await readFile('bench/results.json', 'utf8')) as Results;
  const table = renderTable(saved);
  await writeFile('bench/results.md', table);
  await quoteInReadme(table);
  process.exit(0);
}
if (!values['no-build']) {
  console.log('building the site…');
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', SITE, '--emptyOutDir'], {
    stdio: 'inherit',
  });
}
const scenes = await readScenes();
await prepareBaseline(scenes);
const prefixes = await startPanoramaPrefixes();
const QR = oursQr(scenes[0]!.id);
const prefixOf = (page: BenchPage) =>
  prefixes[page.name === 'baseline' || page.name === 'pannellum' ? 'baseline' : 'ours'];
type Name = BenchPage['name'];
const byPage = <T>(): Record<Name, T[]> => ({ ours: [], qr: [], baseline: [], pannellum: [] });
/** Each run visits the four pages, in an order turning with the run. */
const PAGES = [QR, OURS, BASELINE, PANNELLUM];
const orderOf = (run: number): BenchPage[] => PAGES.map((_, i) => PAGES[(i + run) % PAGES.length]!);
const server = await createStaticServer({ root: SITE, host: '127.0.0.1', port: 0 });
const browser = await launchBrowser();
try {
  if (soak) await runSoak();
  else await runAll();
} finally {
  await browser.close();
  await server.close();
}

async function runSoak(): Promise<void> {
  console.log(`soak: ${switches} scene switches on our viewer…`);
  const sample = await measureMemory(browser, server.url, OURS, scenes, [
    10,
    100,
    250,
    500,
    1000,
    switches,
  ]);
  for (const point of sample.points)
    console.log(
      `after ${point.switches} switches: heap ${(point.heapBytes / 1e6).toFixed(1)} MB, ${point.textures} live textures`,
    );
  await writeFile(
    'bench/soak.json',
    `${JSON.stringify({ date: new Date().toISOString(), ...sample }, null, 2)}\n`,
  );
}

async function runAll(): Promise<void> {
  console.log('tiling an 8192×4096 panorama…');
  const tiling = await measureTiling(3);
  const load = byPage<LoadSample>();
  for (let run = 1; run <= runs; run++) {
    // Interleaved, so a slow moment of the machine hits every page alike.
    for (const page of orderOf(run)) {
      const sample = await measureLoad(browser, server.url, page, scenes, prefixOf(page));
      load[page.name].push(sample);
      console.log(`run ${run} ${page.name}: ${JSON.stringify(sample)}`);
    }
  }
  // The same visits without any throttling: what software WebGL alone costs a switch.
  const fast = byPage<LoadSample>();
  for (let run = 1; run <= runs; run++) {
    for (const page of orderOf(run)) {
      fast[page.name].push(
        await measureLoad(browser, server.url, page, scenes, prefixOf(page), false),
      );
    }
  }
  // What a visitor from a QR code sees, every half second (README: bench/filmstrip-qr.png).
  try {
    const film = await filmLoad(browser, server.url, QR, 'bench/filmstrip-qr.png');
    console.log(`filmstrip: ${film.frames} frames; ${describeMarks(film.marks)}`);
  } catch (error) {
    console.warn(`filmstrip failed: ${(error as Error).message}`);
  }
  console.log('poster likeness…');
  const likeness = posterLikeness();
  const memory: Record<'ours' | 'baseline', MemorySample> = {
    ours: await measureMemory(browser, server.url, OURS, scenes, [10, switches]),
    baseline: await measureMemory(browser, server.url, BASELINE, scenes, [10, switches]),
  };
  const results = buildResults(load, fast, memory, tiling, likeness);
  await writeFile('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
  const table = renderTable(results);
  await writeFile('bench/results.md', table);
  await quoteInReadme(table);
  console.log(`\n${table}`);
}

/**
 * The worst likeness of a poster to the live view over the demo's scenes and screen shapes
 * (bench/poster-likeness.ts, in its own process: it serves the site and drives its browser).
 */
function posterLikeness(): number | null {
  try {
    const out = execFileSync('npx', ['tsx', 'bench/poster-likeness.ts', '--site', SITE], {
      encoding: 'utf8',
    });
    const worst = /worst likeness ([\d.]+)/.exec(out)?.[1];
    return worst === undefined ? null : Number(worst);
  } catch (error) {
    console.warn(`poster likeness failed: ${(error as Error).message}`);
    return null;
  }
}

function buildResults(
  load: Record<Name, LoadSample[]>,
  fast: Record<Name, LoadSample[]>,
  memory: Record<'ours' | 'baseline', MemorySample>,
  tiling: number[],
  likeness: number | null,
): Results {
  const metric = (pick: (s: LoadSample) => number, samples = load) => {
    const ours = summarize(samples.ours.map(pick));
    const qr = summarize(samples.qr.map(pick));
    const baseline = summarize(samples.baseline.map(pick));
    const pannellum = summarize(samples.pannellum.map(pick));
    return {
      ours,
      qr,
      baseline,
      pannellum,
      ratio: ratio(ours, baseline),
      qrRatio: ratio(qr, baseline),
      pannellumRatio: ratio(ours, pannellum),
      qrPannellumRatio: ratio(qr, pannellum),
    };
  };
  return {
    date: new Date().toISOString().slice(0, 10),
    machine: {
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? 'unknown',
      memoryGb: Math.round(os.totalmem() / 1e9),
      node: process.version,
      chromium: browser.version(),
      webgl: 'SwiftShader (software)',
    },
    conditions: {
      cpuThrottling: 4,
      network: 'slow 4G: 1.6 Mbit/s down, 750 kbit/s up, 150 ms RTT',
      viewport: '360×640 phone, DPR 2',
      runs,
      switches,
    },
    load: {
      firstVisibleMs: metric((s) => s.firstVisibleMs),
      fullResolutionMs: metric((s) => s.fullResolutionMs),
      switchMs: metric((s) => s.switchMs),
      switchUnthrottledMs: metric((s) => s.switchMs, fast),
      bytesMb: metric((s) => s.bytes / 1e6),
    },
    memory,
    tilingMs: summarize(tiling),
    posterLikeness: likeness,
  };
}

/** The README quotes the latest table between its bench markers. */
async function quoteInReadme(table: string): Promise<void> {
  const readme = await readFile('README.md', 'utf8');
  const updated = readme.replace(
    /<!-- bench:start -->[\s\S]*<!-- bench:end -->/,
    `<!-- bench:start -->\n${table.trim()}\n<!-- bench:end -->`,
  );
  if (updated !== readme) await writeFile('README.md', updated);
}
