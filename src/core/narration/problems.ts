/**
 * The problems of making narration (`tour narrate` and the editor's "generate"), in the shape of
 * the project's problem catalogue (`manifest/problem-codes.ts` spreads them into `PROBLEMS`).
 * A missing program is named with how to install it on each system the volunteers use; a
 * program's own words (temporary file names, "spawn … ENOENT") are never the whole message.
 */
import type { LocalizedMessage, Severity } from '../manifest/problem-basics.ts';

type M = LocalizedMessage;

const error = <D>(message: (details: D) => M) => ({ severity: 'error' as Severity, message });

/**
 * How to install the narration programs on each system the volunteers use. The pipeline needs
 * exactly espeak-ng (speech) and lame (MP3); on Windows both are looked for in espeak-ng's own
 * install folder too (src/node/narrate/tools.ts), so no PATH setting is needed.
 */
function installHelp(programs: readonly string[], packages = programs.join(' '), lines = false): M {
  const names = programs.join(' ');
  const lame = programs.includes('lame');
  const espeak = programs.includes('espeak-ng');
  const winVi = [
    espeak && 'chạy bộ cài espeak-ng (tệp .msi, mục Releases của dự án espeak-ng trên GitHub)',
    lame &&
      'tải lame cho Windows (gói "LAME Bundles" của RareWares), chép lame.exe vào thư mục C:\\Program Files\\eSpeak NG',
  ].filter(Boolean);
  const winEn = [
    espeak &&
      'run the espeak-ng installer (the .msi file under Releases of the espeak-ng project on GitHub)',
    lame &&
      'download lame for Windows (the "LAME Bundles" of RareWares) and copy lame.exe into C:\\Program Files\\eSpeak NG',
  ].filter(Boolean);
  // One system a line where the text is shown as a block (the editor); one line in a terminal.
  const [start, next] = lines ? [':\n', '\n'] : [' — ', ' '];
  const systems = (windows: readonly unknown[]) =>
    `Windows: ${windows.join('; ')}.${next}macOS: brew install ${names}.${next}Debian/Ubuntu: sudo apt-get install ${packages}.`;
  return {
    vi: `Cách cài${start}${systems(winVi)}`,
    en: `To install${start}${systems(winEn)}`,
  };
}

export const NARRATION_PROBLEMS = {
  'tool-missing': error((d: { program: string; packages: string }) => {
    const how = installHelp([d.program], d.packages);
    return {
      vi: `không tìm thấy chương trình "${d.program}". ${how.vi}`,
      en: `the program "${d.program}" was not found. ${how.en}`,
    };
  }),
  /** The editor's one message (a reason, after "could not make the narration:") for every
   * program the narration needs and cannot start. */
  'narration-tools-missing': error((d: { programs: readonly string[] }) => {
    const how = installHelp(d.programs, undefined, true);
    const names = d.programs.join(', ');
    return {
      vi: `máy này chưa cài chương trình ${names}.\n${how.vi}\nCài xong, hãy tắt rồi mở lại trình soạn thảo.`,
      en: `${names} ${d.programs.length > 1 ? 'are' : 'is'} not installed on this computer.\n${how.en}\nThen close the editor and start it again.`,
    };
  }),
  'no-voice': error((d: { lang: string }) => ({
    vi: `chương trình đọc espeak-ng không có giọng cho ngôn ngữ "${d.lang}". Hãy ghi âm giọng người rồi tải lên, hoặc cài bản espeak-ng có giọng này.`,
    en: `the espeak-ng reader has no voice for the language "${d.lang}". Record a human voice and upload it, or install an espeak-ng with this voice.`,
  })),
  /** A speech or MP3 program failed on this text; its own words go to the server's console. */
  'narration-failed': error((d: { program: string }) => ({
    vi: `chương trình ${d.program} báo lỗi. Hãy thử lại; nếu vẫn lỗi, hãy cài lại ${d.program}.`,
    en: `${d.program} reported an error. Try again; if it fails again, reinstall ${d.program}.`,
  })),
  'narration-not-written': error(() => ({
    vi: 'không lưu được giọng đọc vào thư mục tour: ổ đĩa có thể đã đầy, thư mục không cho ghi, hoặc một thư mục khác đã chiếm chỗ của tệp âm thanh. Hãy kiểm tra rồi thử lại.',
    en: 'it could not be saved into the tour folder: the disk may be full, the folder read-only, or another folder may be in the place of the sound file. Check, then try again.',
  })),
  'tool-failed': error((d: { program: string; detail: string }) => ({
    vi: `${d.program}: ${d.detail}`,
    en: `${d.program}: ${d.detail}`,
  })),
  'nothing-to-speak': error(() => ({
    vi: 'lời thuyết minh không có chữ nào để đọc: hãy viết lời thuyết minh trước',
    en: 'the text has no words to speak: write the narration text first',
  })),
  'no-sound': error((d: { sentence: string }) => ({
    vi: `espeak-ng không tạo ra âm thanh nào cho "${d.sentence}"`,
    en: `espeak-ng produced no sound for "${d.sentence}"`,
  })),
};
