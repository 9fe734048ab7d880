/**
 * Names in index.html, as modulepreloads, chunks its entry imports lazily on purpose: the
 * entry stays small so that it runs (and puts up a link's poster) early, while the app it
 * then imports is already downloading beside it — no round trip lost for the split.
 */
import type { Plugin } from 'vite';

/** What this plugin reads of a Vite output chunk. */
interface ChunkView {
  type: 'chunk';
  fileName: string;
  facadeModuleId?: string | null;
  imports?: readonly string[];
}

/**
 * File names of the chunks whose module matches one of `modules`, with every chunk they
 * import statically, that `html` does not already name.
 */
export function lazyPreloads(
  bundle: Record<string, { type: string; fileName: string }>,
  html: string,
  modules: readonly RegExp[],
): string[] {
  const chunks = new Map(
    Object.values(bundle)
      .filter((file): file is ChunkView => file.type === 'chunk')
      .map((chunk) => [chunk.fileName, chunk]),
  );
  const found = new Set<string>();
  const visit = (fileName: string) => {
    if (found.has(fileName) || html.includes(`/${fileName}"`)) return;
    found.add(fileName);
    for (const imported of chunks.get(fileName)?.imports ?? []) visit(imported);
  };
  for (const chunk of chunks.values())
    if (modules.some((module) => module.test(chunk.facadeModuleId ?? ''))) visit(chunk.fileName);
  return [...found];
}

export function lazyPreloadPlugin(modules: readonly RegExp[]): Plugin {
  return {
    name: 'heritage-lazy-preload',
    apply: 'build',
    transformIndexHtml: {
      // After Vite has put in the entry's script and its own preloads.
      order: 'post',
      handler(html, context) {
        if (!context.bundle) return html;
        return lazyPreloads(context.bundle, html, modules).map((fileName) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `./${fileName}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}
