// The hall's voice: a two-tone chime, then the call spoken in Mandarin where
// the system has a Chinese voice. Without one, the chime alone still tells
// the hall to look at the screen.
import { announcement, type PlaceKind } from '@shared/domain/queue';

let audio: AudioContext | null = null;

function chime(volume: number): Promise<void> {
  audio ??= new AudioContext();
  const ctx = audio;
  const start = ctx.currentTime;
  for (const [i, freq] of [880, 659].entries()) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'sine';
    osc.frequency.value = freq;
    const t = start + i * 0.45;
    gain.gain.setValueAtTime(0, t);
    gain.gain.linearRampToValueAtTime(volume * 0.6, t + 0.03);
    gain.gain.exponentialRampToValueAtTime(0.001, t + 0.42);
    osc.connect(gain).connect(ctx.destination);
    osc.start(t);
    osc.stop(t + 0.45);
  }
  return new Promise((resolve) => setTimeout(resolve, 950));
}

/** The system's Chinese voice, if it has one (voices may arrive a moment after the page loads). */
export function chineseVoice(): SpeechSynthesisVoice | null {
  if (!('speechSynthesis' in window)) return null;
  return window.speechSynthesis.getVoices().find((v) => /^zh(-|_)?(CN|Hans)?/i.test(v.lang)) ?? null;
}

/** Chime, then speak the call (twice, as halls do). Calls queue up and never overlap. */
let chain: Promise<void> = Promise.resolve();
export function announce(ticketNo: string, number: number, place: PlaceKind, volume: number): Promise<void> {
  chain = chain.then(async () => {
    try {
      await chime(volume);
    } catch {
      // No audio device: the display still shows the call.
    }
    const voice = chineseVoice();
    if (!voice) return;
    const { speech } = announcement(ticketNo, number, place);
    for (let i = 0; i < 2; i++) {
      await new Promise<void>((resolve) => {
        const u = new SpeechSynthesisUtterance(speech);
        u.voice = voice;
        u.lang = voice.lang;
        u.volume = volume;
        u.rate = 0.9;
        u.onend = () => resolve();
        u.onerror = () => resolve();
        window.speechSynthesis.speak(u);
      });
    }
  });
  return chain;
}

/** Browsers allow sound only after a person interacts with the page once. */
export function unlockAudio(): void {
  audio ??= new AudioContext();
  void audio.resume();
}
