// How dates and times read to people in UK schools: "Wed 18 Nov, 10:02".
import { formatter } from '../../domain/calendar';

export function formatWhen(iso: string, timeZone: string): string {
  return formatter('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(new Date(iso))
    .replace(',', '')
    .replace(/ (\d\d:\d\d)$/, ', $1');
}

/** "Wed 18 Nov" for a calendar date. */
export function formatDate(date: string): string {
  return formatter('en-GB', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' }).format(new Date(`${date}T12:00:00Z`)).replace(',', '');
}
