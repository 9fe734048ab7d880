/**
 * The HTTP contract of the editor's site pages (settings, printing QR posters, publishing, the
 * phone preview) with the dev server, under `/__editor/site/…`: the same secret and origin
 * rules as every editor call (`core/editor-protocol.ts`). The server parses requests with
 * these schemas and the client parses answers with them. No answer ever holds a password or a
 * key: requests may carry one, answers only say whether one is kept.
 */
import { z } from 'zod';
import { TourSummary } from './editor-protocol.ts';
import { Id } from './manifest/schema.ts';

export const SITE_BASE = '/__editor/site';

export const siteUrl = {
  settings: `${SITE_BASE}/settings`,
  print: `${SITE_BASE}/print`,
  publish: `${SITE_BASE}/publish`,
  job: (id: string): string => `${SITE_BASE}/publish/${encodeURIComponent(id)}`,
  download: (id: string): string => `${SITE_BASE}/publish/${encodeURIComponent(id)}/site.zip`,
  phone: `${SITE_BASE}/phone`,
};

/** What the settings page edits: the rest of site.config.json is kept as it is. */
export const SiteSettings = z.object({
  publicUrl: z.string().max(2000),
  name: z.record(z.string().max(20), z.string().max(200)),
  tours: z.array(Id).max(500),
});

/** A named target of site.config.json as the dialog lists it: where, never a secret. */
export const TargetSummary = z.object({
  name: z.string(),
  type: z.enum(['zip', 'folder', 'ftp', 'sftp', 's3']),
  /** Host, bucket or folder, to recognise it by. */
  where: z.string(),
  /** A password or key is kept for it on this machine (never which one). */
  hasSecret: z.boolean(),
});

/** `GET /__editor/site/settings`. */
export const SiteSettingsResponse = SiteSettings.extend({
  /** Every tour on disk, to tick. */
  available: z.array(TourSummary),
  targets: z.array(TargetSummary),
});

/** `PUT /__editor/site/settings`. */
export const SaveSettingsResponse = z.object({ saved: z.literal(true), publicUrl: z.string() });

/** `POST /__editor/site/print`: posters of the chosen scenes (and hotspots, `scene/hotspot`). */
export const PrintRequest = z.object({
  tour: Id,
  scenes: z.array(Id).max(500),
  hotspots: z
    .array(z.string().regex(/^[A-Za-z0-9_-]+\/[A-Za-z0-9_-]+$/))
    .max(2000)
    .default([]),
});

/** A place to publish to, as the dialog fills it in (the same fields as site.config.json). */
const Host = z.string().trim().min(1).max(253);
const User = z.string().trim().min(1).max(200);
const Dir = z.string().max(500).default('');
const Port = z.number().int().min(1).max(65535).optional();
export const DialogTarget = z.discriminatedUnion('type', [
  z.object({ type: z.literal('zip') }),
  z.object({ type: z.literal('folder'), path: z.string().trim().min(1).max(1000) }),
  z.object({
    type: z.literal('ftp'),
    host: Host,
    port: Port,
    user: User,
    dir: Dir,
    secure: z.union([z.boolean(), z.literal('implicit')]).default(true),
    allowSelfSigned: z.boolean().default(false),
  }),
  z.object({ type: z.literal('sftp'), host: Host, port: Port, user: User, dir: Dir }),
  z.object({
    type: z.literal('s3'),
    endpoint: z.url().optional(),
    region: z.string().trim().min(1).max(100).default('us-east-1'),
    bucket: z.string().trim().min(1).max(255),
    prefix: Dir,
  }),
  z.object({ type: z.literal('named'), name: z.string().min(1).max(40) }),
]);

/** `POST /__editor/site/publish`: starts a job; its progress is polled. */
export const PublishRequest = z.object({
  target: DialogTarget,
  /** Secrets typed in the dialog: used for this run; kept on this machine only if `remember`. */
  password: z.string().max(1000).optional(),
  accessKeyId: z.string().max(1000).optional(),
  secretAccessKey: z.string().max(1000).optional(),
  remember: z.boolean().default(false),
});
export const PublishStarted = z.object({ job: z.string() });

/** `GET /__editor/site/publish/<job>`. */
export const PublishStatus = z.object({
  state: z.enum(['running', 'done', 'failed']),
  phase: z.enum(['start', 'build', 'connect', 'compare', 'upload', 'finish']),
  filesDone: z.number(),
  filesTotal: z.number(),
  bytesDone: z.number(),
  bytesTotal: z.number(),
  /** When done: files sent, of how many, and where the site is now. */
  sent: z.number().optional(),
  files: z.number().optional(),
  publicUrl: z.string().optional(),
  /** A zip to download (`siteUrl.download(job)`). */
  download: z.boolean().optional(),
  /** When failed: what went wrong, in both languages. */
  message: z.object({ vi: z.string(), en: z.string() }).optional(),
  /** When failed before anything was sent: the server holds what it held. */
  nothingChanged: z.boolean().optional(),
});

/** `POST /__editor/site/phone` starts the preview (or answers the running one); DELETE stops it. */
export const PhonePreviewResponse = z.object({
  running: z.boolean(),
  url: z.string().optional(),
  /** The address as a QR code (an SVG document). */
  qrSvg: z.string().optional(),
});

export type SiteSettings = z.infer<typeof SiteSettings>;
export type TargetSummary = z.infer<typeof TargetSummary>;
export type SiteSettingsResponse = z.infer<typeof SiteSettingsResponse>;
export type SaveSettingsResponse = z.infer<typeof SaveSettingsResponse>;
export type PrintRequest = z.infer<typeof PrintRequest>;
export type DialogTarget = z.infer<typeof DialogTarget>;
export type PublishRequest = z.infer<typeof PublishRequest>;
export type PublishStarted = z.infer<typeof PublishStarted>;
export type PublishStatus = z.infer<typeof PublishStatus>;
export type PhonePreviewResponse = z.infer<typeof PhonePreviewResponse>;
