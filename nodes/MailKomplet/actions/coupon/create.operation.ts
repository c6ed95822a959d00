import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fail } from '../../helpers/parameters';
import { asDateTime, asId, readRequired } from '../../helpers/values';
import { readAllPages, createOnce } from '../../transport';
import { couponGroupRLC } from '../common.descriptions';
import { successResult } from '../common';
import type { ItemOperation } from '../types';
import type { Endpoints } from '../../transport';

const couponGroupId: INodeProperties = {
	...couponGroupRLC,
	required: true,
	description: 'The coupon group to add the codes to',
};

const codesInput: INodeProperties = {
	displayName: 'Codes Given As',
	name: 'codesInput',
	type: 'options',
	options: [
		{
			name: 'One by One',
			value: 'list',
			description: 'Each code in its own row, with its own validity',
		},
		{
			name: 'Text',
			value: 'text',
			description:
				'All codes in one text separated by commas or new lines, valid until the same date',
		},
	],
	default: 'list',
	description: 'How the coupon codes are entered',
};

const coupons: INodeProperties = {
	displayName: 'Coupons',
	name: 'coupons',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Coupon',
	default: {},
	description: 'The coupon codes to add',
	displayOptions: { show: { codesInput: ['list'] } },
	options: [
		{
			displayName: 'Coupon',
			name: 'coupon',
			values: [
				{
					displayName: 'Code',
					name: 'code',
					type: 'string',
					default: '',
					description: 'The coupon code recipients enter, e.g. SPRING-10',
				},
				{
					displayName: 'Valid Until',
					name: 'validity',
					type: 'dateTime',
					default: '',
					description: 'Until when the code can be used; leave empty for no limit',
				},
			],
		},
	],
};

const codes: INodeProperties = {
	displayName: 'Codes',
	name: 'codes',
	type: 'string',
	typeOptions: { rows: 4 },
	required: true,
	placeholder: 'SPRING-10\nSPRING-11',
	default: '',
	description:
		'The coupon codes separated by commas or new lines, e.g. mapped from a previous node',
	displayOptions: { show: { codesInput: ['text'] } },
};

const validity: INodeProperties = {
	displayName: 'Valid Until',
	name: 'validity',
	type: 'dateTime',
	default: '',
	description: 'Until when all these codes can be used; leave empty for no limit',
	displayOptions: { show: { codesInput: ['text'] } },
};

/** Valid Until as the API wants it: a local date and time, or null for no limit. */
function validUntil(ctx: IExecuteFunctions, value: unknown, itemIndex: number) {
	if (value === undefined || value === null || String(value).trim() === '') return null;
	return asDateTime(ctx, value, validity.displayName, itemIndex) as string;
}

function codesFromText(value: unknown): string[] {
	const parts = Array.isArray(value) ? value.map(String) : String(value ?? '').split(/[\n,;]+/);
	return parts.map((code) => code.trim()).filter(Boolean);
}

function readCoupons(ctx: IExecuteFunctions, itemIndex: number): IDataObject[] {
	if (ctx.getNodeParameter(codesInput.name, itemIndex) === 'text') {
		const until = validUntil(ctx, ctx.getNodeParameter(validity.name, itemIndex, ''), itemIndex);
		return codesFromText(ctx.getNodeParameter(codes.name, itemIndex)).map((code) => ({
			code,
			validity: until,
		}));
	}
	const rows = (ctx.getNodeParameter('coupons.coupon', itemIndex, []) ?? []) as IDataObject[];
	return rows.map((row, index) => {
		const code = String(row.code ?? '').trim();
		if (!code) {
			fail(
				ctx,
				itemIndex,
				`Code of coupon ${index + 1} is empty`,
				'Fill in the Code of every coupon, or remove the empty one.',
			);
		}
		return { code, validity: validUntil(ctx, row.validity, itemIndex) };
	});
}

const endpoints = {
	create: {
		endpoint: 'POST /saleCoupons',
		repeat: {
			safe: false,
			kind: 'create',
			why: 'every POST adds the codes to the group; the reference does not say that a code already there is refused',
		},
	},
	lookUp: { endpoint: 'GET /saleCoupons' },
} satisfies Endpoints;

export const create: ItemOperation = {
	value: 'create',
	name: 'Create',
	action: 'Create coupons',
	description:
		'Add sale coupon codes to a coupon group, each optionally with a date it is valid until. Codes can be listed one by one or given as one text separated by commas or new lines. Returns success with the couponGroupId and the coupons sent.',
	endpoints,
	properties: [couponGroupId, codesInput, coupons, codes, validity],
	runs: 'perItem',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const group = readRequired<number>(this, couponGroupId, itemIndex, asId);
		const list = readCoupons(this, itemIndex);
		if (list.length === 0) fail(this, itemIndex, 'Add at least one coupon code');
		const body = { coupons: list, couponGroupId: group };
		const response = await createOnce.call(
			this,
			{ endpoint: endpoints.create, body, itemIndex },
			// The API answers with an empty body, so "found" is every code being in the group.
			async function () {
				const existing = await readAllPages.call(
					this,
					{ endpoint: endpoints.lookUp, qs: { couponGroupId: group }, itemIndex },
					{ returnAll: true, limit: Infinity, pageSize: 1000 },
				);
				// Exact codes: one differing in case may be another coupon, not one just added.
				const codes = new Set(existing.map((c) => String(c.coupon)));
				return list.every((c) => codes.has(String(c.code))) ? {} : undefined;
			},
		);
		return successResult(response, body);
	},
};
