// Colours a clerk can read: WCAG 2.1 AA asks 4.5:1 for text (axe-core's color-contrast,
// issue 16). Mantine's light palette puts white labels on shade 7 (blue 4.2:1, teal 3.1:1)
// and dimmed text in gray 6 (3.3:1); here each colour's filled, text and light-variant
// shades are darkened (mixed with black, hue kept) just enough to pass on the backgrounds
// they are drawn on. theme.ts hands the result to MantineProvider; tests/unit/contrast.test.ts
// checks it. No Mantine import here: the Node-side typecheck (the unit test) has no DOM types.

/** A palette as Mantine's DEFAULT_THEME.colors has it: name → ten shades, light to dark. */
export type Palette = Record<string, readonly string[]>;

/** A little above 4.5 so rounding in the browser never tips a colour under the line. */
export const TEXT_CONTRAST = 4.6;

function channels(hex: string): [number, number, number] {
  const h = hex.replace('#', '');
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

function toHex(rgb: number[]): string {
  return (
    '#' +
    rgb
      .map((v) =>
        Math.round(Math.min(255, Math.max(0, v)))
          .toString(16)
          .padStart(2, '0'),
      )
      .join('')
  );
}

function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG contrast ratio of two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `hex` at `alpha` over white, as Mantine's light variants are drawn. */
export function overWhite(hex: string, alpha: number): string {
  return toHex(channels(hex).map((v) => 255 + (v - 255) * alpha));
}

/** `hex`, mixed with black in small steps until it reaches `ratio` against every one of `backgrounds`. */
export function darkenFor(hex: string, backgrounds: readonly string[], ratio = TEXT_CONTRAST): string {
  let rgb = channels(hex);
  let out = hex;
  for (let step = 0; step < 40 && backgrounds.some((bg) => contrast(out, bg) < ratio); step++) {
    rgb = rgb.map((v) => v * 0.96) as [number, number, number];
    out = toHex(rgb);
  }
  return out;
}

/** The theme's primaryShade: Mantine derives filled and light colours from it. */
export const PRIMARY_SHADE = 7;

// Where text of a colour sits: white cards, the page's gray-0, table stripes (gray-1), and a
// selected row or nav item (the colour's own light background).
function pageBackgrounds(colors: Palette): string[] {
  return ['#ffffff', colors.gray![0]!, colors.gray![1]!];
}

/** The CSS variables Mantine derives per colour in the light scheme, readable. */
export function readableColorVariables(colors: Palette): Record<string, string> {
  const vars: Record<string, string> = {};
  const page = pageBackgrounds(colors);
  for (const [name, shades] of Object.entries(colors)) {
    const base = shades[PRIMARY_SHADE]!;
    const lightBg = overWhite(base, 0.1);
    // White labels on filled buttons, badges and the active item.
    const filled = darkenFor(base, ['#ffffff']);
    const text = darkenFor(base, [...page, lightBg]);
    vars[`--mantine-color-${name}-filled`] = filled;
    vars[`--mantine-color-${name}-filled-hover`] = darkenFor(filled, ['#ffffff'], contrast(filled, '#ffffff') + 0.6);
    vars[`--mantine-color-${name}-light-color`] = text;
    vars[`--mantine-color-${name}-text`] = text;
    vars[`--mantine-color-${name}-outline`] = text;
  }
  return vars;
}

/** Hint text (c="dimmed", field descriptions) and field errors, on every background they meet (notices' tints too). */
export function readableTextVariables(c: Palette): Record<string, string> {
  const page = pageBackgrounds(c);
  const tinted = ['blue', 'yellow', 'green', 'teal', 'red', 'orange'].map((n) => overWhite(c[n]![PRIMARY_SHADE]!, 0.1));
  return {
    '--mantine-color-dimmed': darkenFor(c.gray![6]!, [...page, ...tinted, c.yellow![0]!, c.blue![0]!]),
    '--mantine-color-error': darkenFor(c.red![6]!, [...page, overWhite(c.red![PRIMARY_SHADE]!, 0.1)]),
    '--mantine-color-anchor': darkenFor(c.blue![PRIMARY_SHADE]!, page),
  };
}
