import { Badge } from '@mantine/core';
import { labelOf } from '@shared/domain/categories';
import { BOOKING_STATUS, type BookingStatusCode } from '@shared/domain/reception';

const COLORS: Record<BookingStatusCode, string> = {
  scheduled: 'gray',
  waiting: 'blue',
  called: 'green',
  done: 'teal',
  cancelled: 'gray',
  no_show: 'orange',
};

export function BookingStatusBadge({ status }: { status: BookingStatusCode }) {
  return (
    <Badge color={COLORS[status]} variant={status === 'called' ? 'filled' : 'light'}>
      {labelOf(BOOKING_STATUS, status)}
    </Badge>
  );
}

export const bookingColor = (status: BookingStatusCode) => COLORS[status];
