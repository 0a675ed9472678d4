import '@mantine/dates/styles.css';
import { DateInput } from '@mantine/dates';
import { parseTypedDate } from '@shared/time';

/**
 * A calendar date in the hall's Chinese format (2026年11月24日), whatever the
 * browser's own locale; the value stays 'YYYY-MM-DD'. The browser's native
 * date field would show 11/24/2026 on an English system.
 */
export function HallDateInput({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string;
  onChange: (ymd: string) => void;
  error?: string | null;
}) {
  return (
    <DateInput
      label={label}
      aria-label={label}
      value={value}
      onChange={(v) => v && onChange(typeof v === 'string' ? v.slice(0, 10) : '')}
      valueFormat="YYYY年MM月DD日"
      dateParser={(text) => parseTypedDate(text)}
      locale="zh-cn"
      clearable={false}
      error={error}
      w={170}
    />
  );
}
