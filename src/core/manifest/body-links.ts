/**
 * Links in info bodies that the viewer will show as plain text (its renderer keeps only
 * http(s) and mailto addresses): the validator warns with the same parser the viewer uses, so
 * the CLI, the build and the editor say what visitors will see.
 */
import { linkAddress } from '../markdown/format.ts';
import { refusedLinks } from '../markdown/parse.ts';
import { type Finding, finding } from './problems.ts';

interface HotspotValue {
  index: number;
  value: Record<string, unknown>;
}

export function bodyLinkFindings(
  scenes: ReadonlyArray<{ index: number; hotspots: readonly HotspotValue[] }>,
): Finding[] {
  const findings: Finding[] = [];
  for (const scene of scenes) {
    for (const hotspot of scene.hotspots) {
      const body = hotspot.value.body;
      if (hotspot.value.type !== 'info' || typeof body !== 'object' || body === null) continue;
      for (const [lang, text] of Object.entries(body)) {
        if (typeof text !== 'string') continue;
        for (const { label, url } of refusedLinks(text)) {
          // "baotang.vn" was meant as a web address: say which one to write.
          const fixed = linkAddress(url);
          const suggestion = fixed.ok ? fixed.url : undefined;
          findings.push(
            finding('body-link-not-shown', { label, url, suggestion }, [
              'scenes',
              scene.index,
              'hotspots',
              hotspot.index,
              'body',
              lang,
            ]),
          );
        }
      }
    }
  }
  return findings;
}
