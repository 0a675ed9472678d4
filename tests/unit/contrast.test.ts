// The theme's colours against WCAG 2.1 AA (4.5:1 for text), as axe-core measures them in
// the e2e run (issue 16): white labels on every filled colour, each colour's text on white,
// on the page's gray and on its own light background, hint text and field errors.
import { beforeAll, describe, expect, it } from 'vitest';
import { contrast, darkenFor, overWhite, readableColorVariables, readableTextVariables } from '../../renderer/src/app/contrast';

const AA = 4.5;
type Shades = [string, string, string, string, string, string, string, string, string, string];
type Palette = Record<'gray' | 'red' | 'blue' | 'teal' | 'yellow', Shades> & Record<string, Shades>;
let colors: Palette;

beforeAll(async () => {
  // Mantine's own palette, loaded by name: this project's Node typecheck has no DOM types, Mantine's need them.
  const mantine = '@mantine/core';
  colors = ((await import(/* @vite-ignore */ mantine)) as { DEFAULT_THEME: { colors: Palette } }).DEFAULT_THEME.colors;
});

describe('colour contrast', () => {
  it('measures contrast as WCAG does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#ffffff', '#ffffff')).toBe(1);
    // Mantine's gray 6 on white, the dimmed text axe-core flagged: 3.32:1.
    expect(contrast(colors.gray[6], '#ffffff')).toBeCloseTo(3.32, 2);
    // A colour already readable is left as it is.
    expect(darkenFor(colors.gray[9], ['#ffffff'])).toBe(colors.gray[9]);
  });

  it('puts white labels only on fills dark enough, for every palette colour', () => {
    const vars = readableColorVariables(colors);
    for (const name of Object.keys(colors)) {
      const filled = vars[`--mantine-color-${name}-filled`]!;
      expect(contrast(filled, '#ffffff'), `${name} filled ${filled}`).toBeGreaterThanOrEqual(AA);
      expect(contrast(vars[`--mantine-color-${name}-filled-hover`]!, '#ffffff'), `${name} hover`).toBeGreaterThanOrEqual(AA);
    }
    // The ones axe-core flagged before: the primary button (blue 7, 4.2:1) and the 初访 badge (teal 7, 3.1:1).
    expect(contrast(colors.blue[7], '#ffffff')).toBeLessThan(AA);
    expect(contrast(colors.teal[7], '#ffffff')).toBeLessThan(AA);
  });

  it('keeps coloured text readable on white, the page gray, table stripes and its own light background (the active menu item)', () => {
    const vars = readableColorVariables(colors);
    for (const name of Object.keys(colors)) {
      const text = vars[`--mantine-color-${name}-light-color`]!;
      for (const bg of ['#ffffff', colors.gray[0], colors.gray[1], overWhite(colors[name]![7], 0.1)]) {
        expect(contrast(text, bg), `${name} text ${text} on ${bg}`).toBeGreaterThanOrEqual(AA);
      }
      expect(vars[`--mantine-color-${name}-text`]).toBe(text);
    }
  });

  it('makes hint text and field errors readable', () => {
    const vars = readableTextVariables(colors);
    for (const bg of ['#ffffff', colors.gray[0], colors.gray[1], colors.yellow[0], overWhite(colors.blue[7], 0.1)]) {
      expect(contrast(vars['--mantine-color-dimmed']!, bg), `dimmed on ${bg}`).toBeGreaterThanOrEqual(AA);
    }
    expect(contrast(vars['--mantine-color-error']!, '#ffffff')).toBeGreaterThanOrEqual(AA);
    // Still a gray and still a red: darkened, not replaced.
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(vars['--mantine-color-error']!.slice(i, i + 2), 16)) as [number, number, number];
    expect(r).toBeGreaterThan(g + b);
  });
});
