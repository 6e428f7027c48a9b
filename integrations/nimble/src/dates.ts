/**
 * Dates as Nimble wants them written (nimble.md §12.2 and §9.1), in the Zap's time zone
 * (`bundle.meta.timezone`). The inputs are the ISO 8601 forms the kit's `inputs.isoDateTime` accepts.
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

const pad = (n: number) => String(n).padStart(2, '0');

/** The time zone if the runtime knows it (an unknown or missing name counts as none). */
const zoneOf = (timezone: unknown): string | undefined => {
  if (typeof timezone !== 'string' || timezone.trim() === '') return undefined;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone.trim() });
    return timezone.trim();
  } catch {
    return undefined;
  }
};

/** Minutes east of UTC in `zone` at the instant `ms`. */
const offsetMinutes = (zone: string, ms: number): number => {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((wall - Math.floor(ms / 1000) * 1000) / 60_000);
};

/** `±HH:MM` for an offset in minutes. */
const offsetText = (minutes: number) =>
  `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;

/** The instant `ms` as `YYYY-MM-DDTHH:MM:SS±HH:MM` at `offset` minutes east of UTC. */
const withOffset = (ms: number, offset: number) =>
  `${new Date(ms + offset * 60_000).toISOString().slice(0, 19)}${offsetText(offset)}`;

/** The instant at which the wall clock in `zone` shows `wall` (the wall time written as if UTC). */
const instantOf = (wall: number, zone: string): number => {
  const first = wall - offsetMinutes(zone, wall) * 60_000;
  const second = wall - offsetMinutes(zone, first) * 60_000;
  return second;
};

interface Parsed {
  date: string;
  /** The wall time written (as if UTC), when a time is given. */
  wall?: number;
  /** Minutes east of UTC, when an offset is given. */
  offset?: number;
}

const parse = (input: string): Parsed | undefined => {
  const m = ISO.exec(input.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, off] = m;
  const date = `${y}-${mo}-${d}`;
  if (h === undefined) return { date };
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  if (off === undefined) return { date, wall };
  const sign = off === 'Z' || off.startsWith('+') ? 1 : -1;
  const digits = off === 'Z' ? '0000' : off.slice(1).replace(':', '');
  return { date, wall, offset: sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) };
};

/**
 * A calendar date `YYYY-MM-DD` for a date-only deal field such as `expected_close_date`: "a local
 * date like 2026-10-08", never a UTC date-time (nimble.md §12.2, from Nimble's plugin). A date, or a
 * date and time without an offset, is the Zap user's own: its date is kept as written. A moment with
 * an offset is read in the Zap's time zone, so 01:00 UTC on 1 July is still 30 June in Los Angeles;
 * without a time zone, the date as written is kept (no day shift either way).
 */
export const calendarDate = (input: string, timezone: unknown): string => {
  const p = parse(input);
  if (!p) return input;
  const zone = zoneOf(timezone);
  if (p.wall === undefined || p.offset === undefined || !zone) return p.date;
  const instant = p.wall - p.offset * 60_000;
  return new Date(instant + offsetMinutes(zone, instant) * 60_000).toISOString().slice(0, 10);
};

/**
 * A task's due date as nimble.md §9.1 recommends: ISO 8601 with an explicit offset
 * (`2026-10-08T09:00:00-04:00`), which is also the legacy docs' `YYYY-MM-DDTHH:MM:SS` with the offset
 * added. A date alone is due at 09:00 in the Zap's time zone (Nimble's plugin rule); a time without an
 * offset is the Zap's local time; a moment with an offset is written in the Zap's time zone (or, with
 * none known, at its own offset). No time zone known: UTC.
 */
export const dueDateTime = (input: string, timezone: unknown): string =>
  dateTimeWithOffset(input, timezone, '09:00:00');

/**
 * A moment as `YYYY-MM-DDTHH:MM:SS±HH:MM` in the Zap's time zone: a moment with an offset is written
 * in the Zap's time zone (or, with none known, at its own offset); a time without an offset is the
 * Zap's local time; a date alone is at `timeOfDay` there. No time zone known: UTC. Custom date-time
 * deal fields take "the user's UTC offset" (nimble.md §12.3, Nimble's plugin): a date alone is
 * midnight of that day (`dateTimeWithOffset(input, tz)`), so the day stays the one given.
 */
export const dateTimeWithOffset = (input: string, timezone: unknown, timeOfDay = '00:00:00'): string => {
  const p = parse(input);
  if (!p) return input;
  const zone = zoneOf(timezone);
  if (p.offset !== undefined && p.wall !== undefined) {
    const instant = p.wall - p.offset * 60_000;
    return withOffset(instant, zone ? offsetMinutes(zone, instant) : p.offset);
  }
  const wall = p.wall ?? Date.parse(`${p.date}T${timeOfDay}Z`);
  if (!zone) return withOffset(wall, 0);
  const instant = instantOf(wall, zone);
  return withOffset(instant, offsetMinutes(zone, instant));
};
