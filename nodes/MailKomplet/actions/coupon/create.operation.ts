import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { FieldSpec } from '../../helpers/fields';
import { convertField, toProperty } from '../../helpers/fields';
import { getId } from '../../helpers/parameters';
import { apiRequestAllItems, createOnce } from '../../transport';
import { done } from '../common';
import { couponGroupIdOptions } from '../couponGroup/fields';
import { idLocator } from '../shared';
import type { OperationDefinition } from '../types';

const validitySpec: FieldSpec = {
	name: 'validity',
	label: 'Valid Until',
	type: 'dateTime',
	description: 'Until when the code can be used; leave empty for no limit',
};

const codeSpec: FieldSpec = {
	name: 'code',
	label: 'Code',
	type: 'string',
	description: 'The coupon code recipients enter',
};

const showFor = (codesInput: string) => ({
	displayOptions: { show: { codesInput: [codesInput] } },
});

function codesFromText(value: unknown): string[] {
	const parts = Array.isArray(value) ? value.map(String) : String(value ?? '').split(/[\n,;]+/);
	return parts.map((code) => code.trim()).filter(Boolean);
}

function readCoupons(ctx: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const validity = (value: unknown) => convertField(ctx, validitySpec, value, itemIndex) ?? null;
	if (ctx.getNodeParameter('codesInput', itemIndex) === 'text') {
		const until = validity(ctx.getNodeParameter('validity', itemIndex, ''));
		return codesFromText(ctx.getNodeParameter('codes', itemIndex)).map((code) => ({
			code,
			validity: until,
		}));
	}
	const rows = (ctx.getNodeParameter('coupons.coupon', itemIndex, []) ?? []) as IDataObject[];
	return rows.map((row, index) => {
		const code = String(row.code ?? '').trim();
		if (!code) {
			throw new NodeOperationError(
				ctx.getNode(),
				`Code of coupon ${index + 1} is empty (item ${itemIndex})`,
				{ itemIndex, description: 'Fill in the Code of every coupon, or remove the empty one.' },
			);
		}
		return { code, validity: validity(row.validity) };
	});
}

export const create: OperationDefinition = {
	value: 'create',
	name: 'Create',
	action: 'Create coupons',
	description:
		'Add sale coupon codes to a coupon group, each optionally with a date it is valid until. Codes can be listed one by one or given as one text separated by commas or new lines.',
	endpoints: ['POST /saleCoupons'],
	properties: [
		idLocator({ ...couponGroupIdOptions, description: 'The coupon group to add the codes to' }),
		{
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
		},
		{
			displayName: 'Coupons',
			name: 'coupons',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Coupon',
			default: {},
			description: 'The coupon codes to add',
			...showFor('list'),
			options: [
				{
					displayName: 'Coupon',
					name: 'coupon',
					values: [toProperty(codeSpec), toProperty(validitySpec)],
				},
			],
		},
		toProperty(
			{
				name: 'codes',
				label: 'Codes',
				type: 'text',
				placeholder: 'SPRING-10\nSPRING-11',
				description:
					'The coupon codes separated by commas or new lines, e.g. mapped from a previous node',
			},
			{ required: true, ...showFor('text') },
		),
		toProperty(
			{
				...validitySpec,
				description: 'Until when all these codes can be used; empty for no limit',
			},
			showFor('text'),
		),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const couponGroupId = getId(this, 'couponGroupId', itemIndex, 'Coupon Group ID');
		const coupons = readCoupons(this, itemIndex);
		if (coupons.length === 0) {
			throw new NodeOperationError(
				this.getNode(),
				`Add at least one coupon code (item ${itemIndex})`,
				{ itemIndex },
			);
		}
		const body = { coupons, couponGroupId };
		const response = await createOnce.call(
			this,
			{
				method: 'POST',
				path: ['saleCoupons'],
				body,
				itemIndex,
				repeat: { safe: false, kind: 'create', why: 'a second POST fails on the codes it added' },
			},
			// The API answers with an empty body, so "found" is simply every code being in the group.
			async function () {
				const existing = await apiRequestAllItems.call(
					this,
					{ method: 'GET', path: ['saleCoupons'], qs: { couponGroupId } },
					{ returnAll: true, limit: Infinity, pageSize: 1000 },
				);
				const codes = new Set(existing.map((c) => String(c.coupon).toLowerCase()));
				return coupons.every((c) => codes.has(String(c.code).toLowerCase())) ? {} : undefined;
			},
		);
		return done(response, body);
	},
};
