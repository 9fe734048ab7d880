/**
 * `tour narrate <tour-dir> [--lang vi,en] [--force] [--speed N]`: synthesises narration audio
 * (MP3) and captions (WebVTT) for every scene × language that has narration text but no
 * recording, into `audio/<lang>/<scene-id>.{mp3,vtt}`, and records them in tour.json.
 * Exit 0 when every file was made, 1 when one failed (the others are still made), 2 when the
 * command was called wrongly.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { isLanguageCode } from '../../../core/manifest/ids.ts';
import { parseManifestText } from '../../../core/manifest/parse.ts';
import { Tour } from '../../../core/manifest/schema.ts';
import {
  type Command,
  type CommandContext,
  EXIT,
  parseCommandLine,
  type UiLanguage,
  uiLanguage,
} from '../command.ts';
import { MANIFEST_NAME } from '../../fs.ts';
import { loadValidTour } from '../load-tour.ts';
import { commandProblems } from '../print-problems.ts';
import { problem } from '../../../core/manifest/problems.ts';
import { failure } from '../../../core/result.ts';
import {
  type NarrationFiles,
  setNarrationFiles,
  writeFileAtomic,
} from '../../narrate/manifest-edit.ts';
import { narrateTrack, type TrackResult } from '../../narrate/synthesise.ts';
import { type Env, ESPEAK, missingTools, run } from '../../narrate/tools.ts';
import { chooseVoice, parseVoiceList } from '../../narrate/voices.ts';

/** Slower than espeak-ng's 175 words a minute: visitors listen once, often outdoors. */
const DEFAULT_SPEED = 150;
/** Silence between sentences, in seconds. */
const PAUSE = 0.35;

const number = (value: number, lang: UiLanguage, digits = 1): string =>
  lang === 'vi' ? value.toFixed(digits).replace('.', ',') : value.toFixed(digits);
const kilobytes = (bytes: number): number => Math.max(1, Math.round(bytes / 1024));

const TEXT = {
  vi: {
    usage: `Cách dùng: tour narrate <thư-mục-tour> [--lang vi,en] [--force] [--speed ${DEFAULT_SPEED}]

Tạo giọng đọc thuyết minh (MP3) kèm phụ đề (WebVTT) bằng espeak-ng cho mọi cảnh có lời
thuyết minh (narration.<ngôn-ngữ>.text) mà chưa có tệp âm thanh. Tệp được ghi vào
audio/<ngôn-ngữ>/<cảnh>.mp3 và .vtt, rồi tour.json được cập nhật.

  --lang vi,en  chỉ đọc các ngôn ngữ này (mặc định: mọi ngôn ngữ của tour)
  --force       đọc lại cả khi đã có tệp âm thanh (thay bản ghi âm bằng giọng máy)
  --speed N     tốc độ đọc, số từ mỗi phút (80–450, mặc định ${DEFAULT_SPEED})
`,
    missingManifest: (dir: string) => `không có tệp ${MANIFEST_NAME} trong "${dir}".`,
    invalidManifest: (dir: string) =>
      `${MANIFEST_NAME} có lỗi. Hãy chạy "npm run tour -- validate ${dir}" và sửa trước.`,
    unlistedLanguage: (lang: string, languages: string) =>
      `--lang: "${lang}" không phải ngôn ngữ của tour này (${languages}).`,
    badLanguage: (lang: string) => `--lang: "${lang}" không phải mã ngôn ngữ (ví dụ: vi, en).`,
    badSpeed: (value: string) => `--speed phải là số nguyên từ 80 đến 450, không phải "${value}".`,
    wrongDirs: 'cần đúng một thư mục tour.',
    noVoice: (lang: string, installed: string) =>
      `espeak-ng không có giọng đọc cho ngôn ngữ "${lang}"; các cảnh bằng "${lang}" bị bỏ qua.\n  Các giọng đã cài (espeak-ng --voices): ${installed}\n`,
    kept: (lang: string, scene: string, audio: string) =>
      `– ${lang} ${scene}: đã có tệp âm thanh (${audio}), giữ nguyên (--force để đọc lại)\n`,
    nothing: 'Không có gì để đọc: không cảnh nào có lời thuyết minh mà chưa có tệp âm thanh.\n',
    failed: 'lỗi',
    changedManifest: `${MANIFEST_NAME} đã bị sửa thành không hợp lệ trong lúc đọc; các tệp âm thanh đã được tạo nhưng chưa được ghi vào ${MANIFEST_NAME}. Hãy sửa lỗi rồi chạy lại lệnh.`,
    sceneGone: (scene: string) => `cảnh "${scene}" không còn trong ${MANIFEST_NAME}; bỏ qua.\n`,
    summary: (r: Summary) =>
      `${r.failed === 0 ? '✓' : '✗'} ${r.tour}: đã đọc ${r.made} bản thuyết minh (${number(r.seconds, 'vi')} s, ${r.kilobytes} KB), ${r.failed} lỗi, ${r.kept} tệp có sẵn giữ nguyên.${r.made > 0 ? ` Đã cập nhật ${MANIFEST_NAME}.` : ''}\n`,
  },
  en: {
    usage: `Usage: tour narrate <tour-dir> [--lang vi,en] [--force] [--speed ${DEFAULT_SPEED}]

Synthesises narration audio (MP3) with captions (WebVTT) with espeak-ng for every scene that
has narration text (narration.<lang>.text) but no audio file yet. Files are written to
audio/<lang>/<scene>.mp3 and .vtt, and tour.json is updated.

  --lang vi,en  only these languages (default: every language of the tour)
  --force       synthesise even when there is an audio file (replaces a recording)
  --speed N     speaking rate in words per minute (80–450, default ${DEFAULT_SPEED})
`,
    missingManifest: (dir: string) => `there is no ${MANIFEST_NAME} in "${dir}".`,
    invalidManifest: (dir: string) =>
      `${MANIFEST_NAME} has errors. Run "npm run tour -- validate ${dir}" and fix them first.`,
    unlistedLanguage: (lang: string, languages: string) =>
      `--lang: "${lang}" is not a language of this tour (${languages}).`,
    badLanguage: (lang: string) => `--lang: "${lang}" is not a language code (e.g. vi, en).`,
    badSpeed: (value: string) => `--speed must be a whole number from 80 to 450, not "${value}".`,
    wrongDirs: 'name exactly one tour folder.',
    noVoice: (lang: string, installed: string) =>
      `espeak-ng has no voice for the language "${lang}"; its scenes are skipped.\n  Installed voices (espeak-ng --voices): ${installed}\n`,
    kept: (lang: string, scene: string, audio: string) =>
      `– ${lang} ${scene}: already has audio (${audio}), kept (--force to replace it)\n`,
    nothing: 'Nothing to synthesise: no scene has narration text without an audio file.\n',
    failed: 'failed',
    changedManifest: `${MANIFEST_NAME} became invalid while the audio was being made; the files were made but not recorded in ${MANIFEST_NAME}. Fix it and run the command again.`,
    sceneGone: (scene: string) => `scene "${scene}" is no longer in ${MANIFEST_NAME}; skipped.\n`,
    summary: (r: Summary) =>
      `${r.failed === 0 ? '✓' : '✗'} ${r.tour}: ${r.made} ${r.made === 1 ? 'narration' : 'narrations'} made (${number(r.seconds, 'en')} s, ${r.kilobytes} KB), ${r.failed} failed, ${r.kept} kept (audio already there).${r.made > 0 ? ` ${MANIFEST_NAME} updated.` : ''}\n`,
  },
} as const;

type Texts = (typeof TEXT)[UiLanguage];

interface Summary {
  tour: string;
  made: number;
  failed: number;
  kept: number;
  seconds: number;
  kilobytes: number;
}

interface Options {
  dir: string;
  /** Tour languages asked for; undefined = all. */
  langs: string[] | undefined;
  force: boolean;
  speed: number;
}

/** One scene × language to synthesise (or to keep, when it has a recording). */
export interface NarrationTask {
  sceneId: string;
  lang: string;
  text: string;
  /** The audio already in the manifest, if any. */
  existingAudio: string | undefined;
  /** Where the new files go, relative to the tour folder. */
  audio: string;
  captions: string;
}

export const narrateCommand: Command = {
  name: 'narrate',
  summary: {
    vi: 'tạo giọng đọc thuyết minh (MP3) và phụ đề (WebVTT) từ lời thuyết minh',
    en: 'synthesise narration audio (MP3) and captions (WebVTT) from narration text',
  },
  run: runNarrate,
};

async function runNarrate(args: readonly string[], context: CommandContext): Promise<number> {
  const ui = uiLanguage(undefined, context.env);
  const text = TEXT[ui];
  const usageError = (message: string): number => {
    context.stderr(`tour narrate: ${message}\n\n${text.usage}`);
    return EXIT.usage;
  };
  const command = parseCommandLine('narrate', args, NARRATE_OPTIONS, text.usage, context);
  if (!command) return EXIT.usage;
  const parsed = checkNarrateArgs(command, text);
  if (parsed === 'help') {
    context.stdout(text.usage);
    return EXIT.ok;
  }
  if (typeof parsed === 'string') return usageError(parsed);
  // The manifest only: its files are what this command makes, and may not exist yet.
  const loaded = await loadValidTour(parsed.dir, context.cwd, { folder: false });
  if (!loaded.ok) {
    const unreadable = ['missing-manifest', 'unreadable-manifest'];
    if (loaded.problems.some((problem) => unreadable.includes(problem.code)))
      return usageError(text.missingManifest(parsed.dir));
    context.stderr(`tour narrate: ${text.invalidManifest(parsed.dir)}\n`);
    return EXIT.problems;
  }
  const { tour, dir: tourDir } = loaded.value;
  const manifestFile = resolve(context.cwd, loaded.report.file);
  const langs = parsed.langs ?? tour.languages;
  const unlisted = langs.find((lang) => !tour.languages.includes(lang));
  if (unlisted) return usageError(text.unlistedLanguage(unlisted, tour.languages.join(', ')));
  const tasks = planTasks(tour, langs, parsed.force);
  return narrateTasks(tasks, { ...parsed, tourDir, manifestFile, tourId: tour.id }, context, ui);
}

const NARRATE_OPTIONS = {
  lang: { type: 'string' },
  force: { type: 'boolean' },
  speed: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type ParsedArgs = NonNullable<ReturnType<typeof parseCommandLine<typeof NARRATE_OPTIONS>>>;

/** The checked options, 'help', or a usage error message. */
function checkNarrateArgs(
  { values, positionals }: ParsedArgs,
  text: Texts,
): Options | 'help' | string {
  if (values.help) return 'help';
  const [dir, ...extra] = positionals;
  if (dir === undefined || extra.length > 0) return text.wrongDirs;
  const langs = values.lang
    ?.split(',')
    .map((lang) => lang.trim())
    .filter((lang) => lang !== '');
  const badLang = langs?.find((lang) => !isLanguageCode(lang));
  if (badLang !== undefined) return text.badLanguage(badLang);
  const speed = values.speed === undefined ? DEFAULT_SPEED : Number(values.speed);
  if (!Number.isInteger(speed) || speed < 80 || speed > 450) {
    return text.badSpeed(values.speed ?? '');
  }
  const dirOnly = basename(dir) === MANIFEST_NAME ? dirname(dir) : dir;
  return {
    dir: dirOnly,
    langs: langs && langs.length > 0 ? [...new Set(langs)] : undefined,
    force: !!values.force,
    speed,
  };
}

/** Every scene × language with narration text, in gallery order then language order. */
export function planTasks(
  tour: Tour,
  langs: readonly string[],
  force: boolean,
): {
  todo: NarrationTask[];
  kept: NarrationTask[];
} {
  const all = tour.scenes.flatMap((scene) =>
    langs.flatMap((lang): NarrationTask[] => {
      const track = scene.narration?.[lang];
      const text = track?.text?.trim() ?? '';
      if (text === '') return [];
      const base = `audio/${lang}/${scene.id}`;
      return [
        {
          sceneId: scene.id,
          lang,
          text,
          existingAudio: track?.audio,
          audio: `${base}.mp3`,
          captions: `${base}.vtt`,
        },
      ];
    }),
  );
  const isKept = (task: NarrationTask) => task.existingAudio !== undefined && !force;
  return {
    todo: all.filter((task) => !isKept(task)),
    kept: all.filter(isKept),
  };
}

interface Target extends Options {
  tourDir: string;
  manifestFile: string;
  tourId: string;
}

async function narrateTasks(
  tasks: { todo: NarrationTask[]; kept: NarrationTask[] },
  target: Target,
  context: CommandContext,
  ui: UiLanguage,
): Promise<number> {
  const text = TEXT[ui];
  for (const task of tasks.kept) {
    context.stderr(text.kept(task.lang, task.sceneId, task.existingAudio ?? ''));
  }
  if (tasks.todo.length === 0) {
    context.stderr(text.nothing);
    return EXIT.ok;
  }
  const missing = await missingTools(context.env);
  if (missing.length > 0) {
    context.stderr(commandProblems('narrate', missing, ui));
    return EXIT.problems;
  }
  const voices = await voicesFor(tasks.todo, context, text);
  const workRoot = await mkdtemp(join(tmpdir(), 'tour-narrate-'));
  try {
    const made = await synthesiseAll(tasks.todo, voices, target, workRoot, context, ui);
    const recorded = await recordInManifest(made.files, target.manifestFile, context, text);
    context.stderr(
      text.summary({
        tour: target.tourId,
        made: made.files.length,
        failed: tasks.todo.length - made.files.length,
        kept: tasks.kept.length,
        seconds: made.seconds,
        kilobytes: kilobytes(made.bytes),
      }),
    );
    return recorded && made.files.length === tasks.todo.length ? EXIT.ok : EXIT.problems;
  } finally {
    await rm(workRoot, { recursive: true, force: true });
  }
}

/** Voice per language; a language without one is reported once and left out. */
async function voicesFor(
  tasks: readonly NarrationTask[],
  context: CommandContext,
  text: Texts,
): Promise<Map<string, string>> {
  const listing = await run(ESPEAK, ['--voices'], context.env);
  const installed = parseVoiceList(listing.ok ? listing.value : '');
  const voices = new Map<string, string>();
  for (const lang of new Set(tasks.map((task) => task.lang))) {
    const voice = chooseVoice(lang, installed);
    if (voice) voices.set(lang, voice);
    else context.stderr(`tour narrate: ${text.noVoice(lang, [...installed].sort().join(' '))}`);
  }
  return voices;
}

async function synthesiseAll(
  todo: readonly NarrationTask[],
  voices: ReadonlyMap<string, string>,
  target: Target,
  workRoot: string,
  context: CommandContext,
  ui: UiLanguage,
): Promise<{ files: NarrationTask[]; seconds: number; bytes: number }> {
  const files: NarrationTask[] = [];
  let seconds = 0;
  let bytes = 0;
  for (const [index, task] of todo.entries()) {
    const voice = voices.get(task.lang);
    if (!voice) continue; // already reported by voicesFor
    context.stderr(`[${index + 1}/${todo.length}] ${task.lang} ${task.sceneId} … `);
    const result = await synthesiseTask(
      task,
      voice,
      target,
      join(workRoot, String(index)),
      context.env,
    );
    if (!result.ok) {
      const reasons = result.problems.map((found) => found.message[ui]).join('; ');
      context.stderr(`${TEXT[ui].failed}: ${reasons}\n`);
      continue;
    }
    const track = result.value;
    context.stderr(`${number(track.seconds, ui)} s, ${kilobytes(track.bytes)} KB\n`);
    files.push(task);
    seconds += track.seconds;
    bytes += track.bytes;
  }
  return { files, seconds, bytes };
}

async function synthesiseTask(
  task: NarrationTask,
  voice: string,
  target: Target,
  workDir: string,
  env: Env,
): Promise<TrackResult> {
  const audioFile = join(target.tourDir, ...task.audio.split('/'));
  try {
    await mkdir(workDir, { recursive: true });
    return await narrateTrack({
      text: task.text,
      voice,
      speed: target.speed,
      pause: PAUSE,
      workDir,
      audioFile,
      captionsFile: join(target.tourDir, ...task.captions.split('/')),
      env,
    });
  } catch (error) {
    // File-system trouble (disk full, no permission) fails this file only.
    return failure(problem('write-failed', { detail: (error as Error).message }, audioFile));
  }
}

/**
 * Re-reads tour.json just before writing it: the author may have saved it in an editor while
 * the audio was being made. Scenes are found again by id, in case they were reordered.
 */
async function recordInManifest(
  made: readonly NarrationTask[],
  manifestFile: string,
  context: CommandContext,
  text: Texts,
): Promise<boolean> {
  if (made.length === 0) return true;
  const source = await readFile(manifestFile, 'utf8');
  const parsed = parseManifestText(source, MANIFEST_NAME);
  const tour = parsed.ok ? Tour.safeParse(parsed.value) : undefined;
  if (!tour?.success) {
    context.stderr(`tour narrate: ${text.changedManifest}\n`);
    return false;
  }
  const ids = tour.data.scenes.map((scene) => scene.id);
  const entries: NarrationFiles[] = [];
  for (const task of made) {
    const sceneIndex = ids.indexOf(task.sceneId);
    if (sceneIndex < 0) context.stderr(`tour narrate: ${text.sceneGone(task.sceneId)}`);
    else
      entries.push({
        sceneIndex,
        lang: task.lang,
        audio: task.audio,
        captions: task.captions,
      });
  }
  await writeFileAtomic(manifestFile, setNarrationFiles(source, entries));
  return true;
}
