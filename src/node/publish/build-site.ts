/**
 * The build step of `tour publish`: runs `vite build` through Vite's JS API with the
 * project's own `vite.config.ts`, for the chosen tours only, into a folder of its own (never
 * `dist/`, which the author may be previewing). Choosing tours needs no change to the build:
 * the tours plugin is given a staging folder holding just those tours, hard-linked (cheap,
 * and tiles already made are reused).
 */
import { copyFile, link, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, loadConfigFromFile, type PluginOption } from 'vite';
import { failure, type Result, success } from '../../core/result.ts';
import { hostHeadersPlugin } from '../build/host-headers.ts';
import { toursPlugin } from '../build/vite-plugin-tours.ts';
import { publishProblem } from './messages.ts';

export interface BuildSiteOptions {
  /** The repository: where `vite.config.ts` and `index.html` are. */
  root: string;
  /** Folder of the tours (absolute). */
  toursDir: string;
  /** Tour ids to publish; undefined: every tour of `toursDir`. */
  tours?: readonly string[];
  /** Output folder (emptied first); default a new temporary folder. */
  outDir?: string;
  /** Build log lines (Vite's warnings). */
  log?: (line: string) => void;
  /** The site settings being published (their public address goes into the pages). */
  configFile?: string;
}

export interface BuiltSite {
  dir: string;
  /** Removes the staging folder (and the output when it was a temporary one). */
  dispose(): Promise<void>;
}

export async function tourIdsIn(toursDir: string): Promise<string[]> {
  const entries = await readdir(toursDir, { withFileTypes: true }).catch(() => []);
  const ids: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const names = await readdir(path.join(toursDir, entry.name)).catch(() => [] as string[]);
    if (names.includes('tour.json')) ids.push(entry.name);
  }
  return ids.sort();
}

export async function buildSite(options: BuildSiteOptions): Promise<Result<BuiltSite>> {
  const available = await tourIdsIn(options.toursDir);
  const wanted = options.tours ?? available;
  const unknown = wanted.find((id) => !available.includes(id));
  if (unknown) {
    return failure(
      publishProblem('publish-unknown-tour', { tour: unknown, dir: options.toursDir, file: '' }),
    );
  }
  if (wanted.length === 0)
    return failure(publishProblem('publish-no-tours', { dir: options.toursDir }));

  const temporary = options.outDir === undefined;
  const outDir = options.outDir ?? (await mkdtemp(path.join(tmpdir(), 'tour-site-')));
  let staging: string | undefined;
  let toursDir = options.toursDir;
  if (wanted.length !== available.length) {
    staging = await mkdtemp(path.join(tmpdir(), 'tour-staging-'));
    for (const id of wanted)
      await linkTree(path.join(options.toursDir, id), path.join(staging, id));
    toursDir = staging;
  }
  const dispose = async () => {
    if (staging) await rm(staging, { recursive: true, force: true });
    if (temporary) await rm(outDir, { recursive: true, force: true });
  };
  try {
    const loaded = await loadConfigFromFile(
      { command: 'build', mode: 'production' },
      path.join(options.root, 'vite.config.ts'),
      options.root,
      'silent',
    );
    const config = loaded?.config ?? {};
    const plugins = replaceSitePlugins(config.plugins ?? [], toursDir, options.configFile);
    await build({
      ...config,
      configFile: false,
      root: options.root,
      plugins,
      logLevel: 'warn',
      customLogger: options.log ? logger(options.log) : undefined,
      build: { ...config.build, outDir, emptyOutDir: true },
    });
    return success({ dir: outDir, dispose });
  } catch (error) {
    await dispose();
    const detail = (error as Error).message.split('\n').slice(0, 12).join('\n');
    return failure(publishProblem('publish-build-failed', { detail }));
  }
}

/**
 * The project's plugins with the tours plugin pointed at `toursDir`, and both it and the host
 * headers reading the settings being published.
 */
function replaceSitePlugins(
  plugins: PluginOption[],
  toursDir: string,
  siteConfigFile: string | undefined,
): PluginOption[] {
  let replaced = false;
  const walk = (list: PluginOption[]): PluginOption[] =>
    list.map((plugin) => {
      if (Array.isArray(plugin)) return walk(plugin);
      if (
        plugin &&
        typeof plugin === 'object' &&
        'name' in plugin &&
        plugin.name === 'heritage-tours'
      ) {
        replaced = true;
        return toursPlugin({ toursDir, siteConfigFile });
      }
      if (plugin && typeof plugin === 'object' && 'name' in plugin) {
        if (plugin.name === 'heritage-host-headers')
          return hostHeadersPlugin({ configFile: siteConfigFile });
      }
      return plugin;
    });
  const result = walk(plugins);
  return replaced ? result : [...result, toursPlugin({ toursDir, siteConfigFile })];
}

/** Hard-links a folder's files into a new tree (copies where links are refused). */
async function linkTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) await linkTree(source, target);
    else if (entry.isFile()) await link(source, target).catch(() => copyFile(source, target));
  }
}

function logger(log: (line: string) => void) {
  const warned = new Set<string>();
  return {
    hasWarned: false,
    info: () => {},
    warn: (message: string) => log(message),
    warnOnce: (message: string) => {
      if (!warned.has(message)) log(message);
      warned.add(message);
    },
    error: (message: string) => log(message),
    clearScreen: () => {},
    hasErrorLogged: () => false,
  };
}
