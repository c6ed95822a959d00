/**
 * Mail Komplet writes timestamps without a zone ("2018-03-13T07:10:34.893"), trimming
 * trailing zeros of the fraction as .NET does. The sandbox treats those naive stamps as UTC.
 */

export function formatTimestamp(date: Date): string {
	const iso = date.toISOString(); // 2018-03-13T07:10:34.890Z
	const main = iso.slice(0, 19);
	const fraction = iso.slice(20, 23).replace(/0+$/, '');
	return fraction ? `${main}.${fraction}` : main;
}

const DATE_RE =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** Epoch milliseconds of an ISO date or date-time, with or without zone; undefined if invalid. */
export function parseDate(text: string): number | undefined {
	const m = DATE_RE.exec(text.trim());
	if (!m) return undefined;
	const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = m;
	const ms = Number((frac + '000').slice(0, 3));
	let epoch = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, ms);
	const check = new Date(epoch);
	if (
		check.getUTCFullYear() !== +y ||
		check.getUTCMonth() !== +mo - 1 ||
		check.getUTCDate() !== +d ||
		+h > 23 ||
		+mi > 59 ||
		+s > 59
	) {
		return undefined;
	}
	if (zone && zone.toUpperCase() !== 'Z') {
		const sign = zone.startsWith('-') ? -1 : 1;
		const digits = zone.slice(1).replace(':', '');
		const offset = (+digits.slice(0, 2) * 60 + +digits.slice(2)) * 60_000;
		epoch -= sign * offset;
	}
	return epoch;
}

/** Normalises an accepted date(-time) to the API's naive timestamp form. */
export function normaliseTimestamp(text: string): string | undefined {
	const epoch = parseDate(text);
	return epoch === undefined ? undefined : formatTimestamp(new Date(epoch));
}

/** Epoch of a stored naive timestamp (null when the field is empty). */
export function recordTime(value: string | null | undefined): number | null {
	if (!value) return null;
	return parseDate(value) ?? null;
}

/** True when a record's timestamp lies within [from, to] (either bound optional, inclusive). */
export function inRange(value: string | null | undefined, from?: number, to?: number): boolean {
	if (from === undefined && to === undefined) return true;
	const t = recordTime(value);
	if (t === null) return false;
	return (from === undefined || t >= from) && (to === undefined || t <= to);
}
