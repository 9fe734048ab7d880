/**
 * `POST /__editor/site/print` {tour, scenes, hotspots}: the PDF to print — an A4 poster per
 * chosen scene (and hotspot), then the sheets of small labels — made by the generator of
 * `tour qr` (qr/print-tour.ts), with the site's public address as the base of every code.
 * Without a public address it refuses with the message that says where to fill it in: a
 * poster must never carry an address only this machine can open.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { printedLinks } from '../../core/links/scene-links.ts';
import { problem } from '../../core/manifest/problems.ts';
import { requirePublicUrl } from '../../core/site-config.ts';
import { PrintRequest } from '../../core/site-protocol.ts';
import { loadValidTour } from '../cli/load-tour.ts';
import { printTour } from '../qr/print-tour.ts';
import { readRequest, refuse } from './http.ts';
import { readSettings, type SiteContext } from './site-context.ts';

export async function printPosters(
  context: SiteContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const input = await readRequest(req, res, PrintRequest, {
    limit: 64 * 1024,
    invalid: 'bad request',
  });
  if (!input) return;
  const config = await readSettings(context, res);
  if (!config) return;
  const base = requirePublicUrl(config);
  if (!base.ok) {
    const missing = problem('site-address-missing', {}, '');
    return refuse(res, 409, 'no public address', { message: missing.message });
  }
  const loaded = await loadValidTour(path.join(context.toursDir, input.tour), context.toursDir);
  if (!loaded.ok) {
    const first = loaded.problems.find((p) => p.severity === 'error') ?? loaded.problems[0];
    return refuse(res, 422, 'tour has errors', first ? { message: first.message } : {});
  }
  const { tour, dir } = loaded.value;
  const scenes = new Set(input.scenes);
  const hotspots = new Set(input.hotspots);
  const links = printedLinks(tour, base.value, { hotspots: hotspots.size > 0 }).filter((link) =>
    link.hotspotId === undefined ? scenes.has(link.sceneId) : hotspots.has(link.key),
  );
  if (links.length === 0) return refuse(res, 400, 'nothing chosen');
  const book = await printTour({ tour, tourDir: dir, links });
  res.writeHead(200, {
    'Content-Type': 'application/pdf',
    'Content-Disposition': `attachment; filename="qr-${tour.id}.pdf"`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'X-Poster-Pages': String(book.posters),
    'X-Label-Pages': String(book.labelPages),
  });
  res.end(Buffer.from(book.pdf));
}
