import { randomBytes } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import {
  type BudgetBundle,
  type BudgetChunk,
  budgetPlugin,
  checkBudgets,
  gzipBytes,
  type SizeBudget,
} from '../../src/node/build/budget-plugin.ts';

const ROOT = '/project';

/** Code that gzip cannot shrink much: `bytes` random bytes, base64. */
const noise = (bytes: number) => `export const x = "${randomBytes(bytes).toString('base64')}";`;

function chunk(fileName: string, code: string, options: Partial<BudgetChunk> = {}): BudgetChunk {
  return {
    type: 'chunk',
    fileName,
    code,
    isEntry: false,
    facadeModuleId: null,
    imports: [],
    ...options,
  };
}

/** index.html's entry, the runtime it imports statically, and a lazy viewer chunk. */
function siteBundle(): BudgetBundle {
  const files = [
    chunk('assets/index-abc.js', noise(30_000), {
      isEntry: true,
      facadeModuleId: `${ROOT}/index.html`,
      imports: ['assets/runtime-def.js'],
    }),
    chunk('assets/runtime-def.js', noise(2_000), { imports: ['assets/shared-ghi.js'] }),
    chunk('assets/shared-ghi.js', noise(1_000)),
    chunk('assets/viewer-xyz.js', noise(300_000)),
    { type: 'asset' as const, fileName: 'assets/index-abc.js.map' },
  ];
  return Object.fromEntries(files.map((file) => [file.fileName, file]));
}

/** Gzipped bytes of what index.html loads at once in `bundle`. */
function entrySize(bundle: BudgetBundle): number {
  return ['assets/index-abc.js', 'assets/runtime-def.js', 'assets/shared-ghi.js']
    .map((name) => gzipBytes((bundle[name] as BudgetChunk).code))
    .reduce((a, b) => a + b, 0);
}

const budget = (maxGzipBytes: number): SizeBudget => ({
  label: 'tourist entry',
  entry: 'index.html',
  maxGzipBytes,
});

describe('checkBudgets', () => {
  it('counts the entry and its static imports, not lazy chunks, and passes at the budget', () => {
    const bundle = siteBundle();
    const size = entrySize(bundle);
    const check = checkBudgets(bundle, [budget(size)], ROOT);
    expect(check.ok).toBe(true);
    expect(check.results).toHaveLength(1);
    const [result] = check.results;
    expect(result!.gzipBytes).toBe(size);
    expect(result!.over).toBe(false);
    expect(result!.chunks.map((c) => c.fileName)).toEqual([
      'assets/index-abc.js',
      'assets/runtime-def.js',
      'assets/shared-ghi.js',
    ]);
  });

  it('fails one byte over the budget, naming the chunks, their sizes and the budget', () => {
    const bundle = siteBundle();
    const size = entrySize(bundle);
    const check = checkBudgets(bundle, [budget(size - 1)], ROOT);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.results[0]!.over).toBe(true);
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
    const entryGz = gzipBytes((bundle['assets/index-abc.js'] as BudgetChunk).code);
    expect(check.message).toContain('tourist entry (index.html)');
    expect(check.message).toContain(`${kb(size)} gzipped`);
    expect(check.message).toContain(`assets/index-abc.js ${kb(entryGz)}`);
    expect(check.message).toContain('assets/runtime-def.js');
    expect(check.message).toContain(`over its budget of ${kb(size - 1)}`);
    expect(check.message).not.toContain('viewer-xyz');
  });

  it('fails when a budget names an entry the build does not have', () => {
    const check = checkBudgets(
      siteBundle(),
      [{ label: 'kiosk entry', entry: 'kiosk.html', maxGzipBytes: 1e9 }],
      ROOT,
    );
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).toContain('no entry chunk for kiosk.html');
  });

  it('counts the lazy chunks the page preloads (and their imports), not those in a template', () => {
    const bundle = siteBundle();
    const files = [
      chunk('assets/app-jkl.js', noise(20_000), { imports: ['assets/shared-ghi.js'] }),
      chunk('assets/lib-mno.js', noise(5_000)),
      {
        type: 'asset' as const,
        fileName: 'index.html',
        source:
          '<head><link rel="modulepreload" crossorigin href="./assets/app-jkl.js"></head>' +
          '<body><template id="t"><div><link rel="modulepreload" crossorigin="" ' +
          'href="assets/viewer-xyz.js"></div></template></body>',
      },
    ];
    for (const file of files) bundle[file.fileName] = file;
    const check = checkBudgets(bundle, [budget(1e9)], ROOT);
    expect(check.results[0]!.chunks.map((c) => c.fileName)).toEqual([
      'assets/index-abc.js',
      'assets/app-jkl.js',
      'assets/runtime-def.js',
      'assets/shared-ghi.js',
    ]);
  });

  it('follows import cycles between chunks once', () => {
    const bundle = siteBundle();
    (bundle['assets/shared-ghi.js'] as BudgetChunk).imports = ['assets/runtime-def.js'];
    const check = checkBudgets(bundle, [budget(1e9)], ROOT);
    expect(check.results[0]!.chunks).toHaveLength(3);
  });
});

describe('budgetPlugin', () => {
  type Handler = (this: unknown, options: unknown, bundle: BudgetBundle) => void;
  function run(budgets: SizeBudget[], bundle: BudgetBundle) {
    const plugin = budgetPlugin(budgets);
    (plugin.configResolved as (config: { root: string }) => void)({ root: ROOT });
    const hook = plugin.generateBundle as { order: string; handler: Handler };
    const context = {
      error: vi.fn((message: string) => {
        throw new Error(message);
      }),
      info: vi.fn(),
    };
    let thrown: unknown;
    try {
      hook.handler.call(context, {}, bundle);
    } catch (error) {
      thrown = error;
    }
    return { hook, context, thrown };
  }

  it('runs after every other generateBundle hook, in builds only', () => {
    const plugin = budgetPlugin([budget(1)]);
    expect(plugin.apply).toBe('build');
    expect((plugin.generateBundle as { order: string }).order).toBe('post');
  });

  it('prints the sizes under budget and fails the build over it', () => {
    const bundle = siteBundle();
    const size = entrySize(bundle);
    const under = run([budget(size)], bundle);
    expect(under.thrown).toBeUndefined();
    expect(under.context.error).not.toHaveBeenCalled();
    expect(under.context.info).toHaveBeenCalledWith(expect.stringContaining('tourist entry'));

    const over = run([budget(size - 1)], bundle);
    expect(over.context.error).toHaveBeenCalledTimes(1);
    expect(String(over.thrown)).toMatch(/size budget exceeded:[\s\S]*assets\/index-abc\.js/);
  });
});
