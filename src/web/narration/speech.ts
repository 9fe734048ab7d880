/**
 * Speech-synthesis fallback: speaks narration text sentence by sentence in the visitor's
 * language, so captions can follow the sentence being spoken (browsers' word-boundary events
 * are unreliable across voices; per-sentence utterances are not).
 */
import { matchLanguage } from '../../core/language/language-choice.ts';
import { splitSentences } from '../../core/narration/sentences.ts';

export interface SpeechEvents {
  onSentence: (index: number, sentence: string) => void;
  onEnd: () => void;
}

const VOICES_WAIT_MS = 1500;

/** A voice for `lang`, waiting briefly for the list (browsers load it asynchronously). */
export async function findVoice(
  lang: string,
  synth: SpeechSynthesis | undefined = globalThis.speechSynthesis,
): Promise<SpeechSynthesisVoice | undefined> {
  if (!synth) return undefined;
  const pick = () => {
    const voices = synth.getVoices();
    const tag = matchLanguage(
      lang,
      voices.map((voice) => voice.lang.replace('_', '-')),
    );
    const sameBase = voices.find((voice) =>
      voice.lang.toLowerCase().startsWith(`${lang.toLowerCase()}-`),
    );
    return voices.find((voice) => voice.lang.replace('_', '-') === tag) ?? sameBase;
  };
  const voice = pick();
  if (voice || synth.getVoices().length > 0) return voice;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, VOICES_WAIT_MS);
    synth.addEventListener('voiceschanged', () => (clearTimeout(timer), resolve()), { once: true });
  });
  return pick();
}

export class SpeechNarrator {
  readonly sentences: string[];
  private readonly synth: SpeechSynthesis;
  private readonly voice: SpeechSynthesisVoice;
  private readonly events: SpeechEvents;
  private index = 0;
  private speaking = false;
  /** Bumped on every stop, so callbacks of cancelled utterances are ignored. */
  private generation = 0;

  constructor(
    text: string,
    voice: SpeechSynthesisVoice,
    events: SpeechEvents,
    synth = speechSynthesis,
  ) {
    this.sentences = splitSentences(text);
    this.voice = voice;
    this.events = events;
    this.synth = synth;
  }

  get isSpeaking(): boolean {
    return this.speaking;
  }

  get position(): number {
    return this.index;
  }

  play(): void {
    if (this.speaking) return;
    if (this.index >= this.sentences.length) this.index = 0;
    this.speaking = true;
    this.speakCurrent();
  }

  /** Pausing mid-sentence is unreliable in browsers: stop, and resume from this sentence. */
  pause(): void {
    this.speaking = false;
    this.generation++;
    this.synth.cancel();
  }

  stop(): void {
    this.pause();
    this.index = 0;
  }

  private speakCurrent(): void {
    const sentence = this.sentences[this.index];
    if (sentence === undefined) {
      this.speaking = false;
      this.index = 0;
      this.events.onEnd();
      return;
    }
    const generation = this.generation;
    const utterance = new SpeechSynthesisUtterance(sentence);
    utterance.voice = this.voice;
    utterance.lang = this.voice.lang;
    utterance.onstart = () => {
      if (generation === this.generation) this.events.onSentence(this.index, sentence);
    };
    const next = () => {
      if (generation !== this.generation || !this.speaking) return;
      this.index++;
      this.speakCurrent();
    };
    utterance.onend = next;
    utterance.onerror = next;
    this.synth.speak(utterance);
  }
}
