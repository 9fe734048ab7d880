/**
 * Kiosk configuration: `kiosk/<profile>.json` on the site (from `public/kiosk/`), chosen by
 * the start address `…/?kiosk=<profile>` (see profile.ts). One build serves phones and kiosks.
 */
import { z } from 'zod';
import { ID_PATTERN, LANG_PATTERN } from '../../core/manifest/ids.ts';

export const KioskConfig = z
  .object({
    $schema: z.string().optional(),
    /** Tours this kiosk shows and keeps offline; the first is where a visit starts. */
    tours: z.array(z.string().regex(ID_PATTERN)).min(1),
    /** Languages offered; the first is the one a visit starts in (and returns to when idle). */
    languages: z.array(z.string().regex(LANG_PATTERN)).min(1).default(['vi', 'en']),
    /** Seconds without a touch before the kiosk returns to its attract screen. */
    idleSeconds: z.number().int().min(1).max(3600).default(90),
    attract: z
      .object({
        /** Seconds each scene is shown in the attract loop. */
        sceneSeconds: z.number().min(3).max(600).default(20),
        /** Seconds each language's "touch to start" is shown. */
        languageSeconds: z.number().min(1).max(60).default(4),
      })
      .strict()
      .default({ sceneSeconds: 20, languageSeconds: 4 }),
    /** Start a scene's narration by itself when a visitor arrives in it. */
    autoplayNarration: z.boolean().default(true),
    /** Show the "share" QR code, so visitors can take the tour on their phones. */
    shareToPhone: z.boolean().default(false),
    /** Reload after a crash or a lost WebGL context. */
    watchdog: z.boolean().default(true),
  })
  .strict();

export type KioskConfig = z.infer<typeof KioskConfig>;

export type KioskConfigResult = { ok: true; config: KioskConfig } | { ok: false; message: string };

export function parseKioskConfig(data: unknown, file: string): KioskConfigResult {
  const parsed = KioskConfig.safeParse(data);
  if (parsed.success) return { ok: true, config: parsed.data };
  const issues = parsed.error.issues.map(
    (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
  );
  return { ok: false, message: `${file}: ${issues.join('; ')}` };
}

export async function loadKioskConfig(profile: string): Promise<KioskConfigResult> {
  const file = `kiosk/${profile}.json`;
  try {
    const response = await fetch(new URL(file, document.baseURI), { cache: 'no-cache' });
    if (!response.ok) return { ok: false, message: `${file}: HTTP ${response.status}` };
    return parseKioskConfig(await response.json(), file);
  } catch (error) {
    return { ok: false, message: `${file}: ${String(error)}` };
  }
}
