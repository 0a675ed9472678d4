// Words and rules of the queue shared by the desk, the front desk and the hall display.
import type { Option } from './categories';

/** Who the law or decency puts first (优先). */
export const PRIORITY_REASONS = [
  { code: 'elderly', label: '老年人' },
  { code: 'disabled', label: '残疾人' },
  { code: 'pregnant', label: '孕妇' },
  { code: 'military', label: '军人/退役军人' },
] as const satisfies readonly Option[];
export type PriorityReason = (typeof PRIORITY_REASONS)[number]['code'];

export const TICKET_STATUSES = [
  { code: 'waiting', label: '等候' },
  { code: 'called', label: '已叫号' },
  { code: 'parked', label: '暂离' },
  { code: 'no_show', label: '过号' },
  { code: 'done', label: '已办结' },
  { code: 'closed', label: '日终关闭' },
] as const satisfies readonly Option[];
export type TicketStatusCode = (typeof TICKET_STATUSES)[number]['code'];

/** How a desk picks the next ticket: halls disagree, so the administrator chooses. */
export type OrderRule = { kind: 'strict_priority' } | { kind: 'ratio'; ordinary: number; priority: number };

export const ORDER_RULE_LABELS = {
  strict_priority: '优先号始终在前',
  ratio: '按比例交替（如 2 个普通号 : 1 个优先号）',
} as const;

/** A012: the lane's letter and a three-digit daily number. */
export function formatTicketNo(prefix: string, n: number): string {
  return `${prefix}${String(n).padStart(3, '0')}`;
}

const DIGITS = '零一二三四五六七八九';

/** 3 → 三, 12 → 十二, 20 → 二十, 45 → 四十五 (desk numbers are 1–99). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

export interface Announcement {
  /** What the display shows. */
  text: string;
  /** What the speech synthesiser says: ticket digits one by one, as halls announce them. */
  speech: string;
}

/** 请 A012 号到 3 号窗口. */
/** Where a number is called to: a reception window, or a leader's talk room. */
export type PlaceKind = 'desk' | 'room';
export const PLACE_NAMES: Record<PlaceKind, string> = { desk: '窗口', room: '接谈室' };

export function announcement(ticketNo: string, number: number, place: PlaceKind = 'desk'): Announcement {
  const letter = ticketNo.slice(0, 1);
  const digits = [...ticketNo.slice(1)].map((d) => DIGITS[Number(d)] ?? d).join('');
  const where = PLACE_NAMES[place];
  return {
    text: `请 ${ticketNo} 号到 ${number} 号${where}`,
    speech: `请，${letter}${digits}号，到${chineseNumber(number)}号${where}`,
  };
}
