/**
 * Size budgets that fail `vite build` itself (as Photo Sphere Viewer checks a budget per
 * package at build time): the JavaScript an entry loads at once — its chunk, every chunk the
 * page names as a modulepreload (the lazy app chunk index.html preloads too) and every chunk
 * those import statically — gzipped at level 9, must stay within its budget. Other lazy
 * chunks (the 360° viewer, the editor…) do not count.
 */
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

export interface SizeBudget {
  /** What the budget is for, as messages name it: "tourist entry". */
  label: string;
  /** The entry, relative to the project root: `index.html`. */
  entry: string;
  /** Most gzipped bytes (level 9) of the entry chunk and its static imports together. */
  maxGzipBytes: number;
}

/** The parts of an output chunk a budget looks at (Rollup's and Rolldown's have them). */
export interface BudgetChunk {
  type: 'chunk';
  fileName: string;
  code: string;
  isEntry: boolean;
  facadeModuleId: string | null;
  /** File names of the chunks it imports statically. */
  imports: readonly string[];
}

export type BudgetBundle = Record<
  string,
  BudgetChunk | { type: 'asset'; fileName: string; source?: string | Uint8Array }
>;

export interface BudgetResult {
  budget: SizeBudget;
  /** The chunks counted, entry first, each with its gzipped size. */
  chunks: Array<{ fileName: string; gzipBytes: number }>;
  gzipBytes: number;
  over: boolean;
}

export type BudgetCheck =
  { ok: true; results: BudgetResult[] } | { ok: false; results: BudgetResult[]; message: string };

export const gzipBytes = (code: string): number => gzipSync(code, { level: 9 }).length;

export const kilobytes = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

function isChunk(file: BudgetBundle[string] | undefined): file is BudgetChunk {
  return file?.type === 'chunk';
}

/**
 * Chunks an HTML entry's page names as modulepreloads (by their file names), leaving out
 * those inside a `<template>`: inert until the page clones them, on some visits only.
 */
function preloadedBy(bundle: BudgetBundle, entry: string): BudgetChunk[] {
  const page = bundle[entry];
  if (page?.type !== 'asset' || page.source === undefined) return [];
  const source =
    typeof page.source === 'string' ? page.source : new TextDecoder().decode(page.source);
  const html = source.replace(/<template\b[\s\S]*?<\/template>/g, '');
  const links = html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="(?:\.\/)?([^"]+)"/g);
  return [...links].map(([, href]) => bundle[href!]).filter(isChunk);
}

/**
 * The entry chunk of `entry`, the chunks its page preloads, and every chunk those reach by
 * static imports, entry first.
 */
function loadedAtOnce(bundle: BudgetBundle, root: string, entry: string): BudgetChunk[] {
  const entryId = path.resolve(root, entry);
  const first = Object.values(bundle).find(
    (file): file is BudgetChunk =>
      isChunk(file) &&
      file.isEntry &&
      file.facadeModuleId !== null &&
      path.resolve(root, file.facadeModuleId) === entryId,
  );
  if (!first) return [];
  const seeds = [first, ...preloadedBy(bundle, entry)];
  const seen = new Map(seeds.map((chunk) => [chunk.fileName, chunk]));
  const queue = [...seen.values()];
  for (let chunk = queue.shift(); chunk; chunk = queue.shift()) {
    for (const name of chunk.imports) {
      const imported = bundle[name];
      if (!isChunk(imported) || seen.has(name)) continue;
      seen.set(name, imported);
      queue.push(imported);
    }
  }
  return [...seen.values()];
}

function describe(result: BudgetResult): string {
  const parts = result.chunks.map((c) => `${c.fileName} ${kilobytes(c.gzipBytes)}`).join(', ');
  return `${result.budget.label} (${result.budget.entry}): ${kilobytes(result.gzipBytes)} gzipped (${parts})`;
}

/** Measures every budget on a bundle; not ok when one is over, or names an entry not built. */
export function checkBudgets(
  bundle: BudgetBundle,
  budgets: readonly SizeBudget[],
  root: string,
): BudgetCheck {
  const results: BudgetResult[] = [];
  const problems: string[] = [];
  for (const budget of budgets) {
    const chunks = loadedAtOnce(bundle, root, budget.entry).map((chunk) => ({
      fileName: chunk.fileName,
      gzipBytes: gzipBytes(chunk.code),
    }));
    if (chunks.length === 0) {
      problems.push(
        `${budget.label}: no entry chunk for ${budget.entry} in the build, so its budget checks nothing (fix the budget's entry in vite.config.ts)`,
      );
      continue;
    }
    const total = chunks.reduce((sum, c) => sum + c.gzipBytes, 0);
    const result = { budget, chunks, gzipBytes: total, over: total > budget.maxGzipBytes };
    results.push(result);
    if (result.over) {
      problems.push(
        `${describe(result)} is over its budget of ${kilobytes(budget.maxGzipBytes)} by ${kilobytes(total - budget.maxGzipBytes)}: move code behind a dynamic import() or raise the budget in vite.config.ts with a reason`,
      );
    }
  }
  if (problems.length > 0) {
    return { ok: false, results, message: `size budget exceeded:\n  ${problems.join('\n  ')}` };
  }
  return { ok: true, results };
}

/** Fails the build when an entry's JavaScript outgrows its budget; prints the sizes otherwise. */
export function budgetPlugin(budgets: readonly SizeBudget[]): Plugin {
  let root = process.cwd();
  return {
    name: 'heritage-budget',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      root = config.root;
    },
    generateBundle: {
      // Last of all plugins (Vite fills in its preload lists in generateBundle too): the code
      // measured is the code written, and a build over budget writes nothing.
      order: 'post',
      handler(_options, bundle) {
        const check = checkBudgets(bundle, budgets, root);
        if (!check.ok) this.error(check.message);
        for (const result of check.results) {
          this.info(`${describe(result)}, budget ${kilobytes(result.budget.maxGzipBytes)}`);
        }
      },
    },
  };
}
