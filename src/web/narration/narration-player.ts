/**
 * The narration player of a scene: a recording with captions, or the device's voice reading
 * the text, or — when neither can speak — the transcript.
 *
 * Browsers only let sound start after a gesture, so a new scene's narration is *offered*
 * (a clear "Listen" button) unless `autoplay` is set (kiosks) and the browser allows it.
 * One <audio> element serves the whole visit. Captions come from the recording's WebVTT
 * through a <track> (the browser parses it); speech captions follow the spoken sentence.
 */
import { h } from '../ui/dom.ts';
import { icon } from '../ui/icons.ts';
import type { NarrationPlan } from '../../core/narration/narration-plan.ts';
import { cuePlainText } from '../../core/narration/cue-text.ts';
import { findVoice, SpeechNarrator } from './speech.ts';

export type NarrationLabel =
  | 'listen'
  | 'pause'
  | 'play'
  | 'seek'
  | 'mute'
  | 'unmute'
  | 'captions'
  | 'transcript'
  | 'synthetic'
  | 'noVoice'
  | 'audioError';

export interface NarrationPlayerOptions {
  label: (key: NarrationLabel) => string;
  /** "Narration in English": said of a recording in another language than the visitor's. */
  languageNote?: (lang: string) => string;
  /** Opens the transcript (the page owns the panel). */
  onTranscript: () => void;
  /** Resolves asset paths of the current tour to URLs. */
  assetUrl: (path: string) => string;
  autoplay?: boolean;
  captionsOn?: boolean;
}

type Mode = 'none' | 'audio' | 'speech' | 'transcript';

export class NarrationPlayer {
  /** The control bar. */
  readonly element: HTMLElement;
  /** The caption line, placed by the page above the bar. */
  readonly captions: HTMLElement;
  readonly audio: HTMLAudioElement;
  private readonly options: NarrationPlayerOptions;
  private readonly playButton: HTMLButtonElement;
  private readonly playLabel: HTMLSpanElement;
  private readonly progress: HTMLInputElement;
  private readonly time: HTMLSpanElement;
  private readonly muteButton: HTMLButtonElement;
  private readonly captionsButton: HTMLButtonElement;
  private readonly transcriptButton: HTMLButtonElement;
  private readonly notice: HTMLParagraphElement;
  private mode: Mode = 'none';
  private plan: NarrationPlan = { kind: 'none' };
  private speech: SpeechNarrator | null = null;
  private captionsOn: boolean;
  private started = false;
  /** Bumped on every load, so late async results for an older scene are dropped. */
  private loadId = 0;

  constructor(options: NarrationPlayerOptions) {
    this.options = options;
    this.captionsOn = options.captionsOn ?? true;
    this.audio = h('audio', { preload: 'none', 'data-testid': 'narration-audio' });
    this.playLabel = h('span', { class: 'narration__play-label' });
    this.playButton = h(
      'button',
      { type: 'button', class: 'narration__play', 'data-testid': 'narration-play' },
      h('span', { class: 'narration__icon', 'aria-hidden': 'true' }),
      this.playLabel,
    );
    this.progress = h('input', {
      type: 'range',
      class: 'narration__progress',
      min: '0',
      max: '0',
      step: '0.1',
      value: '0',
      'data-testid': 'narration-progress',
    });
    this.time = h('span', { class: 'narration__time', 'aria-hidden': 'true' });
    this.muteButton = h('button', { type: 'button', class: 'narration__mute' });
    this.captionsButton = h(
      'button',
      { type: 'button', class: 'narration__cc', 'data-testid': 'narration-captions' },
      'CC',
    );
    this.transcriptButton = h(
      'button',
      { type: 'button', class: 'narration__transcript', 'data-testid': 'narration-transcript' },
      icon('transcript'),
    );
    this.notice = h('p', { class: 'narration__notice', 'data-testid': 'narration-notice' });
    this.captions = h('p', {
      class: 'captions',
      'data-testid': 'captions',
      'aria-live': 'off',
      hidden: true,
    });
    this.element = h(
      'div',
      { class: 'narration', 'data-testid': 'narration', 'data-state': 'idle', hidden: true },
      this.playButton,
      this.progress,
      this.time,
      this.muteButton,
      this.captionsButton,
      this.transcriptButton,
      this.notice,
      this.audio,
    );
    this.bindControls();
    this.bindAudio();
    this.refreshLabels();
  }

  /** Shows a new scene's narration: stops the previous one, offers (or starts) this one. */
  load(plan: NarrationPlan, autoplay = this.options.autoplay ?? false): void {
    this.stop();
    this.loadId++;
    this.plan = plan;
    this.started = false;
    this.setNotice(this.planNotice());
    this.element.hidden = plan.kind === 'none';
    if (plan.kind === 'audio') this.loadAudio(plan);
    else if (plan.kind === 'speech') void this.loadSpeech(plan, this.loadId, autoplay);
    else this.mode = 'none';
    this.render();
    if (plan.kind === 'audio' && autoplay) void this.playAudio();
  }

  get isPlaying(): boolean {
    if (this.mode === 'audio') return !this.audio.paused;
    return this.speech?.isSpeaking ?? false;
  }

  /** True once the visitor (or autoplay) has started this scene's narration. */
  get hasStarted(): boolean {
    return this.started;
  }

  toggle(): void {
    if (this.isPlaying) this.pause();
    else this.play();
  }

  play(): void {
    if (this.mode === 'audio') void this.playAudio();
    if (this.mode === 'speech') this.speech?.play();
    if (this.mode === 'transcript') this.options.onTranscript();
    this.render();
  }

  pause(): void {
    if (this.mode === 'audio') this.audio.pause();
    if (this.mode === 'speech') this.speech?.pause();
    this.render();
  }

  stop(): void {
    this.audio.pause();
    this.speech?.stop();
    this.speech = null;
    this.showCaption('');
  }

  /** Re-reads every label (language switch). */
  refreshLabels(): void {
    this.progress.setAttribute('aria-label', this.options.label('seek'));
    // The visible "CC" is part of the name (WCAG 2.5.3: voice users say what they see).
    // (axe ignores a name's parentheses: "Captions (CC)" would not count.)
    this.captionsButton.setAttribute('aria-label', `CC ${this.options.label('captions')}`);
    this.captionsButton.title = this.options.label('captions');
    this.transcriptButton.setAttribute('aria-label', this.options.label('transcript'));
    this.transcriptButton.title = this.options.label('transcript');
    if (this.mode === this.plan.kind) this.setNotice(this.planNotice());
    this.render();
  }

  /**
   * What the bar says of the plan: a computer voice, or a recording (or text) in another
   * language than the visitor's — said in the visitor's language, named in the caption line's.
   */
  private planNotice(): string {
    const plan = this.plan;
    if (plan.kind === 'none') return '';
    const note = plan.fallback ? (this.options.languageNote?.(plan.lang) ?? '') : '';
    const synthetic = plan.kind === 'speech' ? this.options.label('synthetic') : '';
    return [note, synthetic].filter(Boolean).join(' · ');
  }

  private loadAudio(plan: Extract<NarrationPlan, { kind: 'audio' }>): void {
    this.mode = 'audio';
    this.audio.replaceChildren();
    this.audio.src = this.options.assetUrl(plan.audio);
    this.audio.lang = plan.lang;
    if (plan.captions) {
      const track = h('track', {
        kind: 'captions',
        srclang: plan.lang,
        src: this.options.assetUrl(plan.captions),
        default: true,
      });
      this.audio.appendChild(track);
      track.track.mode = 'hidden';
      track.track.addEventListener('cuechange', () => this.onCueChange(track.track));
    }
    this.audio.load();
  }

  private async loadSpeech(
    plan: Extract<NarrationPlan, { kind: 'speech' }>,
    loadId: number,
    autoplay: boolean,
  ): Promise<void> {
    this.mode = 'speech';
    const voice = await findVoice(plan.lang);
    if (loadId !== this.loadId) return;
    if (!voice) {
      this.mode = 'transcript';
      this.setNotice(this.options.label('noVoice'));
      this.render();
      return;
    }
    this.speech = new SpeechNarrator(plan.text, voice, {
      onSentence: (index, sentence) => {
        this.showCaption(sentence);
        this.renderSpeechProgress(index);
      },
      onEnd: () => {
        this.showCaption('');
        this.render();
      },
    });
    this.render();
    if (autoplay) this.play();
  }

  private async playAudio(): Promise<void> {
    try {
      await this.audio.play();
      this.started = true;
    } catch {
      // Autoplay refused (no gesture yet): the Listen button stays offered.
    }
    this.render();
  }

  private bindControls(): void {
    this.playButton.addEventListener('click', () => {
      this.started = true;
      this.toggle();
    });
    this.progress.addEventListener('input', () => {
      if (this.mode === 'audio') this.audio.currentTime = Number(this.progress.value);
    });
    this.muteButton.addEventListener('click', () => {
      this.audio.muted = !this.audio.muted;
      this.render();
    });
    this.captionsButton.addEventListener('click', () => {
      this.captionsOn = !this.captionsOn;
      this.render();
    });
    this.transcriptButton.addEventListener('click', () => this.options.onTranscript());
  }

  private bindAudio(): void {
    for (const type of ['play', 'pause', 'ended', 'loadedmetadata', 'durationchange']) {
      this.audio.addEventListener(type, () => this.render());
    }
    for (const type of ['timeupdate', 'loadedmetadata', 'durationchange']) {
      this.audio.addEventListener(type, () => this.renderAudioProgress());
    }
    this.audio.addEventListener('ended', () => this.showCaption(''));
    this.audio.addEventListener('error', () => {
      if (this.mode !== 'audio' || !this.audio.getAttribute('src')) return;
      this.mode = 'transcript';
      this.setNotice(this.options.label('audioError'));
      this.render();
      // The visitor asked to listen: give them the words at once.
      if (this.started) this.options.onTranscript();
    });
  }

  private onCueChange(track: TextTrack): void {
    const cues = track.activeCues ? [...track.activeCues] : [];
    // The browser hands over the cue's raw text, markup and entities included: show it as the
    // visitor should read it, and as text only.
    this.showCaption(cues.map((cue) => cuePlainText((cue as VTTCue).text)).join('\n'));
  }

  private showCaption(text: string): void {
    this.captions.textContent = text;
    this.captions.lang = this.plan.kind === 'none' ? '' : this.plan.lang;
    this.captions.hidden = !this.captionsOn || text.trim() === '';
  }

  private setNotice(text: string): void {
    this.notice.textContent = text;
    this.notice.hidden = text === '';
  }

  private render(): void {
    const playing = this.isPlaying;
    const label = this.options.label;
    this.element.dataset.state = playing ? 'playing' : this.started ? 'paused' : 'idle';
    this.element.dataset.mode = this.mode;
    const offered = !this.started && !playing;
    this.playLabel.textContent = playing ? '' : offered ? label('listen') : '';
    this.playButton.setAttribute(
      'aria-label',
      playing ? label('pause') : offered ? label('listen') : label('play'),
    );
    this.playButton.hidden = this.mode === 'none';
    const seekable = this.mode === 'audio' && this.started;
    this.progress.hidden = !(seekable || (this.mode === 'speech' && this.started));
    this.progress.disabled = this.mode !== 'audio';
    this.time.hidden = !seekable;
    this.muteButton.hidden = !seekable;
    this.muteButton.replaceChildren(icon(this.audio.muted ? 'speakerMuted' : 'speaker'));
    this.muteButton.setAttribute('aria-label', this.audio.muted ? label('unmute') : label('mute'));
    this.captionsButton.setAttribute('aria-pressed', String(this.captionsOn));
    this.captionsButton.hidden = this.mode === 'transcript' || this.mode === 'none';
    if (!this.captionsOn) this.captions.hidden = true;
    else this.captions.hidden = this.captions.textContent?.trim() === '';
  }

  private renderAudioProgress(): void {
    const duration = Number.isFinite(this.audio.duration) ? this.audio.duration : 0;
    this.progress.max = String(duration);
    this.progress.value = String(this.audio.currentTime);
    this.time.textContent = `${clock(this.audio.currentTime)} / ${clock(duration)}`;
  }

  private renderSpeechProgress(index: number): void {
    const total = this.speech?.sentences.length ?? 0;
    this.progress.max = String(total);
    this.progress.value = String(index + 1);
    this.render();
  }
}

function clock(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}
