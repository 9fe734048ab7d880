/**
 * Kiosk configuration: `kiosk/<profile>.json` on the site (from `public/kiosk/`), chosen by
 * the start address `…/?kiosk=<profile>` (see profile.ts). One build serves phones and kiosks.
 */
import { z } from 'zod';
import { PIN_HASH_PATTERN } from '../../core/kiosk/pin.ts';
import { ID_PATTERN, LANG_PATTERN } from '../../core/manifest/ids.ts';
import { describeProblem } from '../../core/manifest/problems.ts';
import { failure, type Problem, type Result, success } from '../../core/result.ts';
import { fetchJson } from '../net/fetch-json.ts';
import { schemaProblems } from '../net/problems.ts';

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
    /**
     * The staff screen's PIN as a salted hash (`tour kiosk-pin` makes it), never the PIN
     * itself: the profile is a public file. Without it the staff screen cannot be opened.
     */
    staffPin: z.string().regex(PIN_HASH_PATTERN).optional(),
  })
  .strict();

export type KioskConfig = z.infer<typeof KioskConfig>;

/**
 * The profile's data checked against the schema: the config with its defaults filled in, or
 * every problem found (one per unknown key), each with the file and its JSON path.
 */
export function parseKioskConfig(data: unknown, file: string): Result<KioskConfig> {
  const parsed = KioskConfig.safeParse(data);
  if (parsed.success) return success(parsed.data);
  return failure(schemaProblems(parsed.error.issues, file, 'kiosk-profile-invalid'));
}

export async function loadKioskConfig(profile: string): Promise<Result<KioskConfig>> {
  const file = `kiosk/${profile}.json`;
  const result = await fetchJson(new URL(file, document.baseURI).href, { cache: 'no-cache' });
  // Problems name the profile as the site has it, not the device's full URL.
  if (!result.ok) return failure(result.problems.map((problem) => ({ ...problem, file })));
  return parseKioskConfig(result.value, file);
}

/** One line per problem, for the screen of a misconfigured kiosk (staff read it). */
export const describeKioskProblems = (problems: readonly Problem[]): string =>
  problems.map((problem) => describeProblem(problem)).join('\n');
