import { CloseButton, DEFAULT_THEME, Pagination, createTheme, type CSSVariablesResolver, type CloseButtonProps } from '@mantine/core';
import { Calendar, DateInput, DatePicker, DatePickerInput } from '@mantine/dates';
import { PRIMARY_SHADE, readableColorVariables, readableTextVariables } from './contrast';

// Calendar headers in Chinese order: 2026年10月, not dayjs's 十月 2026 (MMMM YYYY).
// Its arrows and level buttons are icons or bare numbers: their names for screen readers (axe-core's
// button-name), and each day read as a Chinese date, not dayjs's "26 十月 2026".
const CHINESE_CALENDAR_LABELS = {
  monthLabelFormat: 'YYYY年M月',
  yearLabelFormat: 'YYYY年',
  decadeLabelFormat: 'YYYY年',
  monthsListFormat: 'M月',
  // (The header's level button is named by its own text, 2026年10月: a label there would hide it.)
  ariaLabels: {
    nextMonth: '下个月',
    previousMonth: '上个月',
    nextYear: '下一年',
    previousYear: '上一年',
    nextDecade: '后十年',
    previousDecade: '前十年',
  },
  getDayAriaLabel: (date: string) => {
    const [y, m, d] = date.slice(0, 10).split('-').map(Number);
    return `${y}年${m}月${d}日`;
  },
};

// Pagination's arrows are icons: their names for screen readers (and axe-core's button-name).
const PAGE_CONTROL_LABELS = { first: '第一页', previous: '上一页', next: '下一页', last: '最后一页' } as const;

// Every close button is an icon; its name. (CloseButtonProps' type leaves out the HTML attributes the button receives.)
const CLOSE_LABEL = { 'aria-label': '关闭' } as unknown as Partial<CloseButtonProps>;

// Clerks read this screen all day: a slightly larger base size and the system's CJK fonts.
export const theme = createTheme({
  // Blue for controls and focus; the hall's red is kept for the header. A red
  // focus ring would read as an error on every field the clerk tabs into.
  primaryColor: 'blue',
  primaryShade: PRIMARY_SHADE,
  fontFamily: '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "Source Han Sans SC", sans-serif',
  headings: { fontFamily: '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif' },
  fontSizes: { xs: '13px', sm: '15px', md: '16px', lg: '18px', xl: '21px' },
  defaultRadius: 'sm',
  // A person who asked their system for less motion gets drawers, dialogs and notifications without
  // the slide and fade (the e2e browser asks for it too: nothing is clicked while it still moves).
  respectReducedMotion: true,
  components: {
    TextInput: { defaultProps: { size: 'sm' } },
    Textarea: { defaultProps: { size: 'sm' } },
    NativeSelect: { defaultProps: { size: 'sm' } },
    DateInput: DateInput.extend({ defaultProps: CHINESE_CALENDAR_LABELS }),
    DatePickerInput: DatePickerInput.extend({ defaultProps: CHINESE_CALENDAR_LABELS }),
    DatePicker: DatePicker.extend({ defaultProps: CHINESE_CALENDAR_LABELS }),
    Calendar: Calendar.extend({ defaultProps: CHINESE_CALENDAR_LABELS }),
    // Dialogs', notifications' and drawers' close buttons.
    CloseButton: CloseButton.extend({ defaultProps: CLOSE_LABEL }),
    Pagination: Pagination.extend({ defaultProps: { getControlProps: (control) => ({ 'aria-label': PAGE_CONTROL_LABELS[control] }) } }),
  },
});

// Readable colours (axe-core's color-contrast, issue 16): contrast.ts darkens what Mantine derives from the palette.
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { ...readableColorVariables(DEFAULT_THEME.colors), ...readableTextVariables(DEFAULT_THEME.colors) },
  dark: {},
});
