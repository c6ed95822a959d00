/**
 * Fuzz test: 1,600 generated bodies (valid events, text mutations of them, structural
 * mutations, random bytes and random JSON), from a fixed seed, each posted over HTTP to the
 * trigger. An oracle written independently of the node decides what each body is; the node
 * must never answer 5xx or throw, must start nothing for an invalid body, and must emit exactly
 * the selected events of a valid one.
 */
import { WebhookHarness } from '../helpers/webhook-harness';
import { FIXTURES, startTrigger } from './setup';

const SEED = 0x4d4b5452; // "MKTR"
const MIB = 1024 * 1024;
const MAX_DEPTH = 32;

/** Event names by webhookTypeId, as docs/trigger.md documents them. */
const EVENT_NAME: Record<number, string> = {
	1: 'transactionalEmail.delivered',
	2: 'transactionalEmail.clicked',
	3: 'transactionalEmail.opened',
	4: 'transactionalEmail.softBounced',
	5: 'transactionalEmail.hardBounced',
	6: 'transactionalEmail.unsubscribed',
	7: 'transactionalEmail.spamComplaint',
	8: 'marketingEmail.unsubscribed',
};

/** The trigger under test listens to six of the eight events. */
const SELECTED_IDS = new Set([1, 3, 4, 5, 6, 8]);

/** mulberry32: a small deterministic PRNG. */
function prng(seed: number) {
	let state = seed >>> 0;
	const next = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
	const pick = <T>(list: readonly T[]): T => list[int(0, list.length - 1)];
	const chance = (p: number) => next() < p;
	return { next, int, pick, chance };
}

type Random = ReturnType<typeof prng>;

const FIXTURE_LIST = Object.values(FIXTURES) as Array<Record<string, unknown>>;

const STRING_POOL = [
	'',
	'a',
	'Potvrzení objednávky – žluťoučký kůň',
	'😀 emoji',
	'\u0000control\u001f',
	'"quoted"',
	'back\\slash',
	'<script>alert(1)</script>',
	'x'.repeat(300),
	'\ud800',
];
const KEY_POOL = [
	'webhookTypeId',
	'recipient',
	'subject',
	'__proto__',
	'constructor',
	'event',
	'eventLabel',
	'fromDispalyName',
	'guid',
	'',
];
const ID_POOL: unknown[] = [
	0,
	9,
	-1,
	1.5,
	8.0000001,
	1e3,
	-0,
	2 ** 53,
	'1',
	'8',
	null,
	true,
	false,
	[],
	{},
	[3],
	NaN,
];

function randomJson(random: Random, depth: number): unknown {
	const kind = random.int(0, depth >= 5 ? 3 : 5);
	switch (kind) {
		case 0:
			return random.pick([0, 1, -1, 3.14, 1e21, -(2 ** 31), random.int(-1000, 1000)]);
		case 1:
			return random.pick(STRING_POOL);
		case 2:
			return random.pick([true, false]);
		case 3:
			return null;
		case 4:
			return Array.from({ length: random.int(0, 4) }, () => randomJson(random, depth + 1));
		default: {
			const object: Record<string, unknown> = {};
			for (let i = random.int(0, 5); i > 0; i--) {
				Object.defineProperty(object, random.pick(KEY_POOL), {
					value: randomJson(random, depth + 1),
					enumerable: true,
					writable: true,
					configurable: true,
				});
			}
			return object;
		}
	}
}

function validEvent(random: Random): Record<string, unknown> {
	const event: Record<string, unknown> = { ...random.pick(FIXTURE_LIST) };
	if (random.chance(0.3)) event.webhookTypeId = random.int(1, 8);
	if (random.chance(0.3))
		event[random.pick(KEY_POOL.filter((k) => k !== 'webhookTypeId' && k !== '__proto__'))] =
			randomJson(random, 3);
	if (random.chance(0.2))
		delete event[random.pick(Object.keys(event).filter((k) => k !== 'webhookTypeId'))];
	return event;
}

function validBody(random: Random): string {
	if (random.chance(0.6))
		return JSON.stringify(validEvent(random), null, random.chance(0.5) ? 2 : undefined);
	return JSON.stringify(Array.from({ length: random.int(1, 6) }, () => validEvent(random)));
}

function mutateText(random: Random, text: string): string {
	let result = text;
	for (let n = random.int(1, 3); n > 0; n--) {
		const at = random.int(0, Math.max(0, result.length - 1));
		const char = random.pick([...'{}[]",:0123456789 .-eEtrufalsn\\', 'x', '\u00e9']);
		switch (random.int(0, 5)) {
			case 0:
				result = result.slice(0, at) + result.slice(at + 1);
				break;
			case 1:
				result = result.slice(0, at) + char + result.slice(at);
				break;
			case 2:
				result = result.slice(0, at) + char + result.slice(at + 1);
				break;
			case 3:
				result = result.slice(0, at);
				break;
			case 4:
				result = result.slice(0, at) + result.slice(at, at + random.int(1, 20)) + result.slice(at);
				break;
			default: {
				const other = random.int(0, Math.max(0, result.length - 1));
				const chars = [...result];
				[chars[at], chars[other]] = [chars[other], chars[at]];
				result = chars.join('');
			}
		}
	}
	return result;
}

function mutateStructure(random: Random): string {
	const events: unknown[] = Array.from({ length: random.int(1, 4) }, () => validEvent(random));
	const target = random.int(0, events.length - 1);
	switch (random.int(0, 4)) {
		case 0:
			(events[target] as Record<string, unknown>).webhookTypeId = random.pick(ID_POOL);
			break;
		case 1:
			delete (events[target] as Record<string, unknown>).webhookTypeId;
			break;
		case 2:
			events[target] = randomJson(random, 2);
			break;
		case 3:
			events[target] = [events[target]];
			break;
		default:
			events.splice(target, 1);
	}
	const single = events.length === 1 && random.chance(0.5);
	return JSON.stringify(single ? events[0] : events);
}

function randomBytes(random: Random): Buffer {
	return Buffer.from(Array.from({ length: random.int(0, 200) }, () => random.int(0, 255)));
}

function deepBody(random: Random): string {
	const depth = random.int(MAX_DEPTH - 2, MAX_DEPTH + 2);
	return `{"webhookTypeId":${random.int(1, 8)},"n":${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}}`;
}

interface Case {
	kind: string;
	body: Buffer;
	contentType?: string;
}

function generateCases(): Case[] {
	const random = prng(SEED);
	const cases: Case[] = [];
	const add = (kind: string, body: string | Buffer) => {
		cases.push({
			kind,
			body: Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'),
			contentType: random.pick([
				'application/json',
				'application/json; charset=utf-8',
				'text/plain',
				undefined,
			]),
		});
	};
	for (let i = 0; i < 400; i++) add('valid', validBody(random));
	for (let i = 0; i < 500; i++) add('text mutation', mutateText(random, validBody(random)));
	for (let i = 0; i < 300; i++) add('structural mutation', mutateStructure(random));
	for (let i = 0; i < 150; i++) add('random bytes', randomBytes(random));
	for (let i = 0; i < 200; i++) add('random JSON', JSON.stringify(randomJson(random, 0)) ?? '');
	for (let i = 0; i < 30; i++) add('nesting near the limit', deepBody(random));
	for (let i = 0; i < 20; i++) {
		add(
			'byte order mark',
			Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(validBody(random))]),
		);
	}
	return cases;
}

/** Independent oracle: the events (ids) the body carries, or null when it is invalid. */
function expectedIds(body: Buffer): number[] | null {
	if (body.length > MIB) return null;
	let value: unknown;
	try {
		value = JSON.parse(new TextDecoder('utf-8').decode(body));
	} catch {
		return null;
	}
	if (typeof value !== 'object' || value === null) return null;
	const depth = (v: unknown): number =>
		typeof v === 'object' && v !== null ? 1 + Math.max(0, ...Object.values(v).map(depth)) : 0;
	if (depth(value) > MAX_DEPTH) return null;
	const list: unknown[] = Array.isArray(value) ? value : [value];
	if (list.length === 0) return null;
	const ids: number[] = [];
	for (const event of list) {
		if (typeof event !== 'object' || event === null || Array.isArray(event)) return null;
		if (!Object.prototype.hasOwnProperty.call(event, 'webhookTypeId')) return null;
		const id = (event as { webhookTypeId: unknown }).webhookTypeId;
		if (typeof id !== 'number' || !Number.isInteger(id) || id < 1 || id > 8) return null;
		ids.push(id);
	}
	return ids;
}

describe('fuzz', () => {
	let harness: WebhookHarness;
	beforeAll(async () => {
		harness = await startTrigger({
			parameters: { events: [...SELECTED_IDS].map((id) => EVENT_NAME[id]) },
		});
	});
	afterAll(async () => {
		await harness.close();
		WebhookHarness.cleanUp();
	});

	it('answers every generated body correctly', async () => {
		const cases = generateCases();
		expect(cases.length).toBeGreaterThanOrEqual(1000);

		const tally = { invalid: 0, validStarted: 0, validIgnored: 0 };
		const failures: string[] = [];
		for (const [index, testCase] of cases.entries()) {
			const ids = expectedIds(testCase.body);
			const response = await harness.send({
				headers: testCase.contentType ? { 'content-type': testCase.contentType } : {},
				body: testCase.body,
			});
			const call = response.call;
			const problems: string[] = [];
			if (response.status >= 500) problems.push(`status ${response.status}`);
			if (!call) problems.push('the node was not called');
			if (call?.error !== undefined) problems.push(`threw ${String(call.error)}`);
			if (call && call.protocolErrors.length > 0) problems.push(call.protocolErrors.join('; '));

			if (ids === null) {
				tally.invalid++;
				if (response.status !== 400) problems.push(`invalid body answered ${response.status}`);
				if (call?.started || (call?.items.length ?? 0) > 0)
					problems.push('invalid body started the workflow');
			} else {
				const selected = ids.filter((id) => SELECTED_IDS.has(id));
				if (selected.length > 0) tally.validStarted++;
				else tally.validIgnored++;
				if (response.status !== 200)
					problems.push(`valid body answered ${response.status}: ${response.text}`);
				if (call?.started !== selected.length > 0)
					problems.push(`started=${String(call?.started)}`);
				const emitted = call?.items.map((item) => [item.json.webhookTypeId, item.json.event]) ?? [];
				const wanted = selected.map((id) => [id, EVENT_NAME[id]]);
				if (JSON.stringify(emitted) !== JSON.stringify(wanted)) {
					problems.push(`emitted ${JSON.stringify(emitted)}, wanted ${JSON.stringify(wanted)}`);
				}
			}
			if (problems.length > 0) {
				failures.push(
					`#${index} (${testCase.kind}) ${JSON.stringify(testCase.body.toString('utf8').slice(0, 120))}: ${problems.join(', ')}`,
				);
			}
		}

		expect(failures).toEqual([]);
		// The generator must exercise all three outcomes substantially.
		expect(tally.invalid).toBeGreaterThan(300);
		expect(tally.validStarted).toBeGreaterThan(300);
		expect(tally.validIgnored).toBeGreaterThan(20);
	});
});
