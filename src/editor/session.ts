/**
 * What survives a reload of the page (the author's, or the dev server's when a tour.json is
 * changed from elsewhere): the undo history and selection, so that a reload mid-edit loses
 * nothing. Written when the page goes away, kept in sessionStorage for a few seconds only, and
 * read back with a schema (it is text the page wrote, but storage can hold anything a former
 * version wrote).
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

/** Undo steps kept when the whole history is too large for sessionStorage (a few MB). */
const SHORT_PAST = 10;

export function keepSession(session: Session): void {
  const { past, current } = session.history;
  const attempts: Session[] = [
    session,
    { ...session, history: { past: past.slice(-SHORT_PAST), current, future: [] } },
  ];
  for (const attempt of attempts) {
    try {
      sessionStorage.setItem(SESSION_KEY, JSON.stringify(attempt));
      return;
    } catch {
      // too large: try with fewer undo steps; the draft history in IndexedDB has the state
    }
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
