import { describe, expect, it } from 'vitest';
import { lazyPreloads } from '../../src/node/build/lazy-preload-plugin.ts';

const chunk = (fileName: string, facadeModuleId: string | null, imports: string[] = []) => ({
  type: 'chunk',
  fileName,
  facadeModuleId,
  imports,
});

describe('lazy preloads', () => {
  const bundle = Object.fromEntries(
    [
      chunk('assets/index-A.js', '/p/index.html', ['assets/runtime-B.js']),
      chunk('assets/runtime-B.js', null),
      chunk('assets/tourist-app-C.js', '/p/src/web/app/tourist-app.ts', ['assets/app-D.js']),
      chunk('assets/app-D.js', null, ['assets/runtime-B.js', 'assets/i18n-E.js']),
      chunk('assets/i18n-E.js', null),
      chunk('assets/viewer-F.js', '/p/src/web/viewer/tour-viewer.ts'),
      { type: 'asset', fileName: 'assets/index-G.css' },
    ].map((file) => [file.fileName, file]),
  );
  const html =
    '<script type="module" crossorigin src="./assets/index-A.js"></script>\n' +
    '<link rel="modulepreload" crossorigin href="./assets/runtime-B.js">';

  it('are the named lazy chunk and what it imports, not what the page names already', () => {
    expect(lazyPreloads(bundle, html, [/src\/web\/app\/tourist-app\.ts$/])).toEqual([
      'assets/tourist-app-C.js',
      'assets/app-D.js',
      'assets/i18n-E.js',
    ]);
  });

  it('are nothing when no chunk is the named module (the viewer stays lazy)', () => {
    expect(lazyPreloads(bundle, html, [/src\/web\/app\/missing\.ts$/])).toEqual([]);
  });
});
