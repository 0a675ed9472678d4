import { createTheme } from '@mantine/core';
import { Calendar, DateInput, DatePicker, DatePickerInput } from '@mantine/dates';

// Calendar headers in Chinese order: 2026年10月, not dayjs's 十月 2026 (MMMM YYYY).
const CHINESE_CALENDAR_LABELS = {
  monthLabelFormat: 'YYYY年M月',
  yearLabelFormat: 'YYYY年',
  decadeLabelFormat: 'YYYY年',
  monthsListFormat: 'M月',
} as const;

// Clerks read this screen all day: a slightly larger base size and the system's CJK fonts.
export const theme = createTheme({
  // Blue for controls and focus; the hall's red is kept for the header. A red
  // focus ring would read as an error on every field the clerk tabs into.
  primaryColor: 'blue',
  primaryShade: 7,
  fontFamily: '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "Source Han Sans SC", sans-serif',
  headings: { fontFamily: '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif' },
  fontSizes: { xs: '13px', sm: '15px', md: '16px', lg: '18px', xl: '21px' },
  defaultRadius: 'sm',
  components: {
    TextInput: { defaultProps: { size: 'sm' } },
    Textarea: { defaultProps: { size: 'sm' } },
    NativeSelect: { defaultProps: { size: 'sm' } },
    DateInput: DateInput.extend({ defaultProps: CHINESE_CALENDAR_LABELS }),
    DatePickerInput: DatePickerInput.extend({ defaultProps: CHINESE_CALENDAR_LABELS }),
    DatePicker: DatePicker.extend({ defaultProps: CHINESE_CALENDAR_LABELS }),
    Calendar: Calendar.extend({ defaultProps: CHINESE_CALENDAR_LABELS }),
  },
});
