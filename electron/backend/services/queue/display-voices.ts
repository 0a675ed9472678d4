// Whether the hall displays can speak Chinese. A display (a TV browser or the Electron display
// window) says so each time it loads its state; the desks' screens show when one cannot, so the
// staff hear about it from the app rather than from the visitors (issue 16). Kept in memory only:
// a public page must not be able to write to the database, and a display repeats its report on
// every queue change, so a restarted backend knows again within minutes.
import type { Deps } from '../../context';

export type DisplayVoice = 'zh' | 'none';

/** A report older than this no longer counts (the display was closed or its PC switched off). */
const FRESH_MS = 10 * 60_000;
/** At most this many displays are remembered (a hall has one or two; the rest is noise). */
const MAX_DISPLAYS = 20;

interface Report {
  voice: DisplayVoice;
  at: number;
}

// One table per backend (tests run several backends in one process).
const tables = new WeakMap<Deps['db'], Map<string, Report>>();

function table(deps: Deps): Map<string, Report> {
  let t = tables.get(deps.db);
  if (!t) tables.set(deps.db, (t = new Map()));
  return t;
}

function prune(t: Map<string, Report>, now: number): void {
  for (const [id, r] of t) if (now - r.at > FRESH_MS) t.delete(id);
}

export function reportDisplayVoice(deps: Deps, displayId: string, voice: DisplayVoice): void {
  const now = deps.now().getTime();
  const t = table(deps);
  prune(t, now);
  if (!t.has(displayId) && t.size >= MAX_DISPLAYS) return;
  t.set(displayId, { voice, at: now });
}

/** The displays heard from in the last ten minutes, and how many of them have no Chinese voice. */
export function displayVoices(deps: Deps): { displays: number; withoutChinese: number } {
  const t = table(deps);
  prune(t, deps.now().getTime());
  let without = 0;
  for (const r of t.values()) if (r.voice === 'none') without++;
  return { displays: t.size, withoutChinese: without };
}
