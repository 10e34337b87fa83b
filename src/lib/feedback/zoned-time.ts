// Opening and closing times are typed as wall-clock times (<input type="datetime-local">) in the time
// zone the team works in; the database keeps instants. These convert between the two with Intl only.

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

export function isTimeZone(name: string): boolean {
	try {
		new Intl.DateTimeFormat('en-GB', { timeZone: name });
		return true;
	} catch {
		return false;
	}
}

/** How far the zone's wall clock is ahead of UTC at that instant, in milliseconds. */
function offsetMs(instant: number, timeZone: string): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit'
	}).formatToParts(new Date(instant));
	const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
	const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
	return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a wall-clock time ("2027-03-01T09:00") names in a zone, or null when it is not one.
 * A time skipped by a daylight-saving change reads as the hour after the change.
 */
export function zonedToUtc(local: string, timeZone: string): Date | null {
	const match = LOCAL_PATTERN.exec(local.trim());
	if (!match || !isTimeZone(timeZone)) return null;
	const [, y, mo, d, h, mi] = match.map(Number);
	const guess = Date.UTC(y, mo - 1, d, h, mi);
	const check = new Date(guess);
	if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) return null;
	const first = guess - offsetMs(guess, timeZone);
	const second = guess - offsetMs(first, timeZone);
	return new Date(second);
}

/** The wall-clock time of an instant in a zone, as a datetime-local input's value. */
export function utcToZonedInput(date: Date, timeZone: string): string {
	const shifted = new Date(date.getTime() + offsetMs(date.getTime(), timeZone));
	return shifted.toISOString().slice(0, 16);
}
