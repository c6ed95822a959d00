import { badRequest } from './errors';
import { normaliseTimestamp, parseDate } from './dates';

/** Validation helpers shared by every route: one reader for JSON bodies, one for query strings. */

const EMAIL_RE =
	/^(?!\.)(?!.*\.\.)[^\s@"(),:;<>[\]\\]{1,64}(?<!\.)@(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z][A-Za-z0-9-]{0,62}$/;
const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INT32_MAX = 2_147_483_647;

export const isEmail = (value: string): boolean => EMAIL_RE.test(value);
export const isGuid = (value: string): boolean => GUID_RE.test(value);

export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A whole number written as a JSON string ("12") read as the number: ASP.NET's JSON binding
 * (the web defaults) reads numbers from strings, and the vendor's own plugins send IDs that way.
 */
function numeric(value: unknown): unknown {
	return typeof value === 'string' && /^\s*[+-]?\d{1,10}\s*$/.test(value) ? Number(value) : value;
}

interface IntRange {
	min?: number;
	max?: number;
}

function checkRange(field: string, value: number, range: IntRange): number {
	const { min, max } = range;
	if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
		if (min !== undefined && max !== undefined) {
			throw badRequest(`The ${field} field must be between ${min} and ${max}.`);
		}
		if (min !== undefined) throw badRequest(`The ${field} field must be at least ${min}.`);
		throw badRequest(`The ${field} field must be at most ${max}.`);
	}
	return value;
}

/**
 * Reads fields of a JSON object. Lookups ignore case (as the real API's JSON binding does).
 * Every getter returns undefined when the field is absent, null when it is explicitly null.
 */
export class BodyReader {
	private readonly keys = new Map<string, string>();

	private constructor(
		readonly value: Record<string, unknown>,
		private readonly prefix: string,
	) {
		for (const key of Object.keys(value)) this.keys.set(key.toLowerCase(), key);
	}

	/** The request body; it must be a JSON object. */
	static root(body: unknown): BodyReader {
		if (body === undefined) throw badRequest('The request body is required.');
		if (!isPlainObject(body)) throw badRequest('The request body must be a JSON object.');
		return new BodyReader(body, '');
	}

	/** A nested object found at `path` (used for messages). */
	static nested(value: unknown, path: string): BodyReader {
		if (!isPlainObject(value)) throw badRequest(`The ${path} field must be an object.`);
		return new BodyReader(value, path);
	}

	field(name: string): string {
		return this.prefix ? `${this.prefix}.${name}` : name;
	}

	has(name: string): boolean {
		return this.keys.has(name.toLowerCase());
	}

	raw(name: string): unknown {
		const key = this.keys.get(name.toLowerCase());
		return key === undefined ? undefined : this.value[key];
	}

	private required<T>(name: string, value: T | null | undefined): T {
		if (value === undefined || value === null)
			throw badRequest(`The ${this.field(name)} field is required.`);
		return value;
	}

	string(name: string, maxLength = 4000): string | null | undefined {
		const v = this.raw(name);
		if (v === undefined || v === null) return v;
		if (typeof v !== 'string') throw badRequest(`The ${this.field(name)} field must be a string.`);
		if (v.length > maxLength) {
			throw badRequest(
				`The ${this.field(name)} field must be at most ${maxLength} characters long.`,
			);
		}
		return v;
	}

	requiredString(name: string, maxLength?: number): string {
		const v = this.string(name, maxLength);
		if (v === undefined || v === null || v.trim() === '') {
			throw badRequest(`The ${this.field(name)} field is required.`);
		}
		return v;
	}

	bool(name: string): boolean | null | undefined {
		const v = this.raw(name);
		if (v === undefined || v === null) return v;
		if (typeof v !== 'boolean')
			throw badRequest(`The ${this.field(name)} field must be true or false.`);
		return v;
	}

	requiredBool(name: string): boolean {
		return this.required(name, this.bool(name));
	}

	int(name: string, range: IntRange = {}): number | null | undefined {
		const v = numeric(this.raw(name));
		if (v === undefined || v === null) return v;
		if (typeof v !== 'number' || !Number.isInteger(v) || Math.abs(v) > INT32_MAX) {
			throw badRequest(`The ${this.field(name)} field must be an integer.`);
		}
		return checkRange(this.field(name), v, range);
	}

	requiredInt(name: string, range?: IntRange): number {
		return this.required(name, this.int(name, range));
	}

	number(name: string): number | null | undefined {
		const v = this.raw(name);
		if (v === undefined || v === null) return v;
		if (typeof v !== 'number' || !Number.isFinite(v)) {
			throw badRequest(`The ${this.field(name)} field must be a number.`);
		}
		return v;
	}

	email(name: string): string | null | undefined {
		const v = this.string(name, 254);
		if (v === undefined || v === null) return v;
		const trimmed = v.trim();
		if (trimmed === '') return null;
		if (!isEmail(trimmed))
			throw badRequest(`The ${this.field(name)} field is not a valid e-mail address.`);
		return trimmed;
	}

	requiredEmail(name: string): string {
		const v = this.email(name);
		if (v === undefined || v === null)
			throw badRequest(`The ${this.field(name)} field is required.`);
		return v;
	}

	/** A date or date-time; returned as the API's naive timestamp. */
	dateTime(name: string): string | null | undefined {
		const v = this.string(name, 40);
		if (v === undefined || v === null) return v;
		const normalised = normaliseTimestamp(v);
		if (normalised === undefined) {
			throw badRequest(`The ${this.field(name)} field must be a valid date and time.`);
		}
		return normalised;
	}

	requiredDateTime(name: string): string {
		return this.required(name, this.dateTime(name));
	}

	array(name: string): unknown[] | null | undefined {
		const v = this.raw(name);
		if (v === undefined || v === null) return v;
		if (!Array.isArray(v)) throw badRequest(`The ${this.field(name)} field must be an array.`);
		return v;
	}

	requiredArray(name: string, nonEmpty = true): unknown[] {
		const v = this.required(name, this.array(name));
		if (nonEmpty && v.length === 0)
			throw badRequest(`The ${this.field(name)} field must not be empty.`);
		return v;
	}

	intArray(name: string): number[] | null | undefined {
		const v = this.array(name);
		if (v === undefined || v === null) return v;
		const ids = v.map(numeric);
		for (const item of ids) {
			if (typeof item !== 'number' || !Number.isInteger(item) || item < 1 || item > INT32_MAX) {
				throw badRequest(`The ${this.field(name)} field must be an array of integer IDs.`);
			}
		}
		return [...new Set(ids as number[])];
	}

	object(name: string): BodyReader | null | undefined {
		const v = this.raw(name);
		if (v === undefined || v === null) return v;
		return BodyReader.nested(v, this.field(name));
	}

	requiredObject(name: string): BodyReader {
		return this.required(name, this.object(name));
	}
}

/** Reads query parameters; names ignore case, the last value wins, empty values count as absent. */
export class QueryReader {
	private readonly values = new Map<string, string>();

	constructor(params: URLSearchParams) {
		for (const [key, value] of params) this.values.set(key.toLowerCase(), value);
	}

	string(name: string): string | undefined {
		const v = this.values.get(name.toLowerCase());
		return v === undefined || v.trim() === '' ? undefined : v.trim();
	}

	requiredString(name: string): string {
		const v = this.string(name);
		if (v === undefined) throw badRequest(`The ${name} parameter is required.`);
		return v;
	}

	int(name: string, range: IntRange = {}): number | undefined {
		const v = this.string(name);
		if (v === undefined) return undefined;
		if (!/^[+-]?\d+$/.test(v) || Math.abs(Number(v)) > INT32_MAX) {
			throw badRequest(`The ${name} parameter must be an integer.`);
		}
		const n = Number(v);
		const { min, max } = range;
		if ((min !== undefined && n < min) || (max !== undefined && n > max)) {
			const bounds =
				min !== undefined && max !== undefined
					? `between ${min} and ${max}`
					: min !== undefined
						? `at least ${min}`
						: `at most ${max}`;
			throw badRequest(`The ${name} parameter must be ${bounds}.`);
		}
		return n;
	}

	requiredInt(name: string, range?: IntRange): number {
		const v = this.int(name, range);
		if (v === undefined) throw badRequest(`The ${name} parameter is required.`);
		return v;
	}

	bool(name: string): boolean | undefined {
		const v = this.string(name);
		if (v === undefined) return undefined;
		const lower = v.toLowerCase();
		if (lower === 'true') return true;
		if (lower === 'false') return false;
		throw badRequest(`The ${name} parameter must be true or false.`);
	}

	/** Epoch milliseconds of a date or date-time parameter. */
	date(name: string): number | undefined {
		const v = this.string(name);
		if (v === undefined) return undefined;
		const epoch = parseDate(v);
		if (epoch === undefined)
			throw badRequest(`The ${name} parameter must be a valid date and time.`);
		return epoch;
	}

	guid(name: string): string | undefined {
		const v = this.string(name);
		if (v === undefined) return undefined;
		if (!isGuid(v)) throw badRequest(`The ${name} parameter must be a GUID.`);
		return v.toLowerCase();
	}

	/** Integer IDs separated by comma, semicolon or pipe. */
	intList(name: string): number[] | undefined {
		const v = this.string(name);
		if (v === undefined) return undefined;
		const parts = v
			.split(/[,;|]/)
			.map((p) => p.trim())
			.filter((p) => p !== '');
		if (
			parts.length === 0 ||
			parts.some((p) => !/^\d+$/.test(p) || Number(p) > INT32_MAX || Number(p) < 1)
		) {
			throw badRequest(`The ${name} parameter must be a list of integer IDs.`);
		}
		return [...new Set(parts.map(Number))];
	}
}
