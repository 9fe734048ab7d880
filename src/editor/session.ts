/**
 * What survives a reload of the page by the dev server: saving tour.json makes Vite reload
 * every page, and the author must not lose the undo history to it. Kept in sessionStorage for
 * a few seconds only, and read back with a schema (it is text the page wrote, but storage can
 * hold anything a former version wrote).
 */
import { z } from 'zod';
import type { Tour } from '../core/manifest/schema.ts';
import type { Selection } from './model.ts';

const SESSION_KEY = 'heritage-editor-session';
const SESSION_MAX_AGE_MS = 30_000;

/** A snapshot as the editor holds it: not validated (an open tour may have problems). */
const Snapshot = z.custom<Tour>(
  (value) => typeof value === 'object' && value !== null && 'scenes' in value,
);

const SelectionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('tour'), field: z.string().optional() }),
  z.object({ kind: z.literal('scene'), sceneId: z.string(), field: z.string().optional() }),
  z.object({
    kind: z.literal('hotspot'),
    sceneId: z.string(),
    hotspotId: z.string(),
    field: z.string().optional(),
  }),
]) satisfies z.ZodType<Selection>;

const SessionSchema = z.object({
  tourId: z.string(),
  at: z.number(),
  history: z.object({
    past: z.array(Snapshot),
    current: Snapshot,
    future: z.array(Snapshot),
  }),
  savedJson: z.string(),
  sceneId: z.string().optional(),
  selection: SelectionSchema,
  status: z.string(),
});

export type Session = z.infer<typeof SessionSchema>;

export function keepSession(session: Session): void {
  try {
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  } catch {
    // too large for sessionStorage: the draft in IndexedDB still has the last state
  }
}

/** The session kept just before a reload, if it is about this tour and recent; read once. */
export function takeSession(tourId: string): Session | undefined {
  const text = sessionStorage.getItem(SESSION_KEY);
  sessionStorage.removeItem(SESSION_KEY);
  if (!text) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = SessionSchema.safeParse(data);
  if (!parsed.success) return undefined;
  const session = parsed.data;
  return session.tourId === tourId && Date.now() - session.at < SESSION_MAX_AGE_MS
    ? session
    : undefined;
}
