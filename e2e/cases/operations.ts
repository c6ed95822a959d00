/**
 * The table the operations suite is generated from: one workflow per resource, its steps run
 * in a row against the seeded sandbox. To cover a new resource or operation, add a step here.
 *
 * - parameters: the node parameters besides resource/operation; a step reads earlier results
 *   with expressions such as ={{ $('Create list').first().json.mailingListId }}, and seeded
 *   records (IDs of things the node cannot create) through a function of the sandbox.
 * - resource: only when a step needs another resource's node (e.g. a coupon group for coupons).
 * - requests: API calls the step must cause, in order, as the operations declare their endpoints:
 *   method and path after the baseCrypt, `{name}` or `*` for one path segment, no query;
 *   the suite also fails on any request the sandbox answered >= 400.
 * - output: checks on the JSON items the step put out.
 */
import { expect } from '@jest/globals';
import type { INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';

export type Json = Record<string, unknown>;

export interface OperationStep {
	name: string;
	operation: string;
	resource?: string;
	parameters?: INodeParameters | ((sandbox: Sandbox) => INodeParameters);
	requests: string[];
	output?: (items: Json[]) => void;
}

export interface ResourceCase {
	resource: string;
	steps: OperationStep[];
}

/** A resource locator parameter set "By ID". */
const byId = (value: string | number) => ({ __rl: true, mode: 'id', value });
/** An expression reading a field of an earlier step's first output item. */
const ref = (step: string, field: string) => `={{ $('${step}').first().json.${field} }}`;

/** Output check: at least `min` items, each with these fields of these types. */
const itemsWith =
	(fields: Record<string, 'number' | 'string'>, min = 1) =>
	(items: Json[]) => {
		expect(items.length).toBeGreaterThanOrEqual(min);
		const shape = Object.fromEntries(
			Object.entries(fields).map(([key, type]) => [
				key,
				expect.any(type === 'number' ? Number : String),
			]),
		);
		for (const item of items) expect(item).toEqual(expect.objectContaining(shape));
	};

const SENDER = 'objednavky@pekarna-klas.cz';

/** Seeded records the node cannot create itself. */
const seeded = {
	newsletterListId: (s: Sandbox) => String(s.store.mailingLists.rows[0].mailingListId),
	dispatcherId: (s: Sandbox) => s.store.dispatchers.rows[0].dispatcherId,
	/** A distribution that sent marketing e-mails. */
	distributionId: (s: Sandbox) => s.store.marketingEmails.rows[0].generatorExecutionId,
	/** A transactional e-mail with delivery (bounce) information. */
	bouncedEmailId: (s: Sandbox) => s.store.deliveryInfos.rows[0].emailId,
};

export const operationCases: ResourceCase[] = [
	{
		resource: 'mailingList',
		steps: [
			{
				name: 'List mailing lists',
				operation: 'getAll',
				parameters: { returnAll: true },
				requests: ['GET /mailingLists'],
				output: itemsWith({ mailingListId: 'number', name: 'string' }, 2),
			},
			{
				name: 'Create list',
				operation: 'create',
				parameters: {
					name: 'E2E list',
					isTest: true,
					additionalFields: { description: 'made by the e2e suite' },
				},
				requests: ['POST /mailingLists'],
				output: ([item]) =>
					expect(item).toEqual(
						expect.objectContaining({ mailingListId: expect.any(Number), name: 'E2E list' }),
					),
			},
			{
				name: 'Rename list',
				operation: 'update',
				parameters: {
					mailingListId: byId(ref('Create list', 'mailingListId')),
					updateFields: { name: 'E2E list renamed' },
				},
				requests: ['PUT /mailingLists/{mailingListId}'],
			},
			{
				name: 'Delete list',
				operation: 'delete',
				parameters: { mailingListIds: `={{ [$('Create list').first().json.mailingListId] }}` },
				requests: ['DELETE /mailingLists'],
			},
		],
	},
	{
		resource: 'contact',
		steps: [
			{
				name: 'Upsert contact',
				operation: 'upsert',
				parameters: {
					email: 'e2e.kontakt@example.cz',
					additionalFields: { name: 'Eva', surname: 'Testová' },
				},
				requests: ['POST /contacts'],
			},
			{
				name: 'Find contact',
				operation: 'getAll',
				parameters: { returnAll: false, limit: 5, filters: { email: 'e2e.kontakt@example.cz' } },
				requests: ['GET /contacts'],
				output: ([item]) =>
					expect(item).toEqual(
						expect.objectContaining({
							email: 'e2e.kontakt@example.cz',
							contactId: expect.any(Number),
						}),
					),
			},
			{
				name: 'Get contact',
				operation: 'get',
				parameters: { contactId: byId(ref('Find contact', 'contactId')) },
				requests: ['GET /contacts'],
				output: ([item]) =>
					expect(item).toEqual(expect.objectContaining({ email: 'e2e.kontakt@example.cz' })),
			},
			{
				name: 'Update contact',
				operation: 'update',
				parameters: {
					contactId: byId(ref('Find contact', 'contactId')),
					updateFields: { surname: 'Upravená' },
				},
				requests: ['PUT /contacts/{contactId}'],
			},
			{
				name: 'Contact activity',
				operation: 'getActivity',
				parameters: { email: 'e2e.kontakt@example.cz', returnAll: true },
				requests: ['GET /contacts/getContactActivity'],
			},
			{
				name: 'Bulk import',
				operation: 'bulkImport',
				parameters: (s) => ({
					contactSource: 'defined',
					email: 'e2e.hromadne@example.cz',
					mailingListIds: [seeded.newsletterListId(s)],
					options: { waitForCompletion: false },
				}),
				requests: ['POST /contacts/bulk'],
				output: itemsWith({ operationId: 'string' }),
			},
			{
				name: 'Bulk import status',
				operation: 'getBulkImportStatus',
				parameters: { operationId: ref('Bulk import', 'operationId') },
				requests: ['GET /contacts/getBulkInfo'],
			},
			{
				name: 'Delete contact',
				operation: 'delete',
				parameters: { contactIds: ref('Find contact', 'contactId') },
				requests: ['DELETE /contacts'],
			},
		],
	},
	{
		resource: 'subscribeRequest',
		steps: [
			{
				name: 'Request subscription',
				operation: 'create',
				parameters: (s) => ({
					email: 'e2e.odber@example.cz',
					dispatcherId: byId(seeded.dispatcherId(s)),
				}),
				requests: ['POST /subscribeContacts'],
			},
		],
	},
	{
		resource: 'order',
		steps: [
			{
				name: 'Send order',
				operation: 'create',
				parameters: {
					email: 'e2e.objednavka@example.cz',
					orderId: '4321',
					created: '2026-05-04T14:32:10',
					totalPrice: '13.00',
					lineItemsSource: 'fields',
					lineItems: { item: [{ name: 'Chléb', amount: 2, price: '6.50' }] },
				},
				requests: ['POST /orders/json'],
				output: (items) =>
					expect(items).toEqual([
						{
							orderId: 4321,
							email: 'e2e.objednavka@example.cz',
							sent: true,
							batch: 1,
							batchCount: 1,
						},
					]),
			},
		],
	},
	{
		resource: 'campaign',
		steps: [
			{
				name: 'List campaigns',
				operation: 'getAll',
				parameters: { returnAll: true },
				requests: ['GET /campaigns'],
				output: itemsWith({ campaignId: 'number', name: 'string' }, 2),
			},
			{
				name: 'Create campaign',
				operation: 'create',
				parameters: {
					name: 'E2E kampaň',
					mailFromAddress: 'newsletter@pekarna-klas.cz',
					unsubscribeTypeId: 2,
				},
				requests: ['POST /campaigns'],
				output: itemsWith({ campaignId: 'number' }),
			},
			{
				name: 'Get campaign',
				operation: 'get',
				parameters: { campaignId: byId(ref('Create campaign', 'campaignId')) },
				requests: ['GET /campaigns'],
				output: itemsWith({ campaignId: 'number', name: 'string' }),
			},
			{
				name: 'Rename campaign',
				operation: 'update',
				parameters: {
					campaignId: byId(ref('Create campaign', 'campaignId')),
					updateFields: { name: 'E2E kampaň 2' },
				},
				requests: ['PUT /campaigns/{campaignId}'],
			},
			{
				name: 'Delete campaign',
				operation: 'delete',
				parameters: { campaignId: byId(ref('Create campaign', 'campaignId')) },
				requests: ['DELETE /campaigns'],
			},
		],
	},
	{
		resource: 'couponGroup',
		steps: [
			{
				name: 'List coupon groups',
				operation: 'getAll',
				parameters: { returnAll: true },
				requests: ['GET /saleCouponGroups'],
			},
			{
				name: 'Create group',
				operation: 'create',
				parameters: { name: 'E2E kupóny', color: '#FF8800' },
				requests: ['POST /saleCouponGroups'],
				output: itemsWith({ couponGroupId: 'number' }),
			},
			{
				name: 'Rename group',
				operation: 'update',
				parameters: {
					couponGroupId: byId(ref('Create group', 'couponGroupId')),
					updateFields: { name: 'E2E kupóny 2' },
				},
				requests: ['POST /saleCouponGroups'],
			},
			{
				name: 'Delete group',
				operation: 'delete',
				parameters: { couponGroupId: byId(ref('Create group', 'couponGroupId')) },
				requests: ['DELETE /saleCouponGroups'],
			},
		],
	},
	{
		resource: 'coupon',
		steps: [
			{
				name: 'Create group',
				resource: 'couponGroup',
				operation: 'create',
				parameters: { name: 'E2E kupóny', color: '#3E50B4' },
				requests: ['POST /saleCouponGroups'],
			},
			{
				name: 'Create coupons',
				operation: 'create',
				parameters: {
					couponGroupId: byId(ref('Create group', 'couponGroupId')),
					codesInput: 'text',
					codes: 'E2E-SLEVA-1\nE2E-SLEVA-2',
				},
				requests: ['POST /saleCoupons'],
			},
			{
				name: 'List coupons',
				operation: 'getAll',
				parameters: {
					returnAll: true,
					filters: { couponGroupId: ref('Create group', 'couponGroupId') },
				},
				requests: ['GET /saleCoupons'],
				output: itemsWith({ couponId: 'number', coupon: 'string' }, 2),
			},
			{
				name: 'Delete coupon',
				operation: 'delete',
				parameters: { couponId: byId(ref('List coupons', 'couponId')) },
				requests: ['DELETE /saleCoupons/{couponId}'],
			},
		],
	},
	{
		resource: 'customColumn',
		steps: [
			{
				name: 'List columns',
				operation: 'getAll',
				parameters: { returnAll: true },
				requests: ['GET /customColumns'],
				output: itemsWith({ customColumnId: 'number' }, 2),
			},
			{
				name: 'Create column',
				operation: 'create',
				parameters: {
					dataTypeId: 1,
					name: 'e2e_poznamka',
					additionalFields: { caption: 'E2E poznámka' },
				},
				requests: ['POST /customColumns'],
				output: itemsWith({ customColumnId: 'number' }),
			},
			{
				name: 'Update column',
				operation: 'update',
				parameters: {
					customColumnId: byId(ref('Create column', 'customColumnId')),
					updateFields: { caption: 'E2E poznámka 2' },
				},
				requests: ['PUT /customColumns/{customColumnId}'],
			},
			{
				name: 'Delete column',
				operation: 'delete',
				parameters: { customColumnId: byId(ref('Create column', 'customColumnId')) },
				requests: ['DELETE /customColumns'],
			},
		],
	},
	{
		resource: 'distribution',
		steps: [
			{
				name: 'List distributions',
				operation: 'getAll',
				parameters: { returnAll: true },
				requests: ['GET /generatorExecutions'],
				output: itemsWith({ generatorExecutionId: 'number' }),
			},
		],
	},
	{
		resource: 'businessUnit',
		steps: [
			{
				name: 'List business units',
				operation: 'getAll',
				parameters: { returnAll: true },
				requests: ['GET /businessUnits'],
				output: itemsWith({ baseCrypt: 'string' }),
			},
		],
	},
	{
		resource: 'domainRedirect',
		steps: [
			{
				name: 'List domain redirects',
				operation: 'getAll',
				parameters: { returnAll: true },
				requests: ['GET /dispatchers'],
				output: itemsWith({ dispatcherId: 'number' }),
			},
		],
	},
	{
		resource: 'marketingEmail',
		steps: [
			{
				name: 'List e-mails',
				operation: 'getAll',
				parameters: (s) => ({
					generatorExecutionId: byId(seeded.distributionId(s)),
					returnAll: true,
				}),
				requests: ['GET /marketingEmails'],
				output: itemsWith({ emailId: 'number' }),
			},
			{
				name: 'List opens',
				operation: 'getOpens',
				parameters: (s) => ({
					generatorExecutionId: byId(seeded.distributionId(s)),
					returnAll: true,
				}),
				requests: ['GET /marketingEmails/opens'],
			},
			{
				name: 'List clicks',
				operation: 'getClicks',
				parameters: (s) => ({
					generatorExecutionId: byId(seeded.distributionId(s)),
					returnAll: true,
				}),
				requests: ['GET /marketingEmails/clicks'],
			},
		],
	},
	{
		resource: 'template',
		steps: [
			{
				name: 'List templates',
				operation: 'getAll',
				parameters: { returnAll: true },
				requests: ['GET /templates'],
				output: itemsWith({ templateId: 'number' }),
			},
		],
	},
	{
		resource: 'transactionalEmail',
		steps: [
			{
				name: 'Send e-mail',
				operation: 'send',
				parameters: {
					sendMode: 'perItem',
					fromAddress: SENDER,
					to: 'e2e.prijemce@example.cz',
					content: 'custom',
					subject: 'E2E potvrzení',
					bodyHtml: '<p>Dobrý den</p>',
				},
				requests: ['POST /transactionalEmails'],
			},
			{
				name: 'List e-mails',
				operation: 'getAll',
				parameters: { returnAll: false, limit: 10 },
				requests: ['GET /transactionalEmails'],
				output: itemsWith({ emailId: 'number' }),
			},
			{
				name: 'List opens',
				operation: 'getOpens',
				parameters: { returnAll: false, limit: 10 },
				requests: ['GET /transactionalEmails/opens'],
			},
			{
				name: 'List clicks',
				operation: 'getClicks',
				parameters: { returnAll: false, limit: 10 },
				requests: ['GET /transactionalEmails/clicks'],
			},
			{
				name: 'Bounce info',
				operation: 'getBounceInfo',
				parameters: (s) => ({ emailId: byId(seeded.bouncedEmailId(s)), returnAll: true }),
				requests: ['GET /transactionalEmails/bounceInfo'],
				output: itemsWith({ deliveryInfoId: 'number' }),
			},
		],
	},
	{
		resource: 'transactionalSms',
		steps: [
			{
				name: 'Send SMS',
				operation: 'send',
				parameters: {
					sendMode: 'perItem',
					to: '+420601234567',
					text: 'E2E: vaše objednávka je připravena',
				},
				requests: ['POST /transactionalSms'],
			},
			{
				name: 'List SMS',
				operation: 'getAll',
				parameters: { returnAll: false, limit: 10 },
				requests: ['GET /transactionalSms'],
				output: itemsWith({ smsId: 'number' }),
			},
		],
	},
	{
		resource: 'unsubscribe',
		steps: [
			{
				name: 'Unsubscribe address',
				operation: 'create',
				parameters: { email: 'e2e.odhlaseni@example.cz', additionalFields: { reason: 'E2E' } },
				requests: ['POST /excludeLists'],
				output: ([item]) =>
					expect(item).toEqual(expect.objectContaining({ email: 'e2e.odhlaseni@example.cz' })),
			},
			{
				name: 'List unsubscribed',
				operation: 'getAll',
				parameters: { returnAll: true },
				requests: ['GET /excludeLists'],
				output: itemsWith({ excludeListId: 'number' }),
			},
			{
				name: 'Remove unsubscription',
				operation: 'delete',
				// Creating answers without the new record's ID, so it is looked up in the list.
				parameters: {
					excludeListId: byId(
						`={{ $('List unsubscribed').all().find((i) => i.json.email === 'e2e.odhlaseni@example.cz').json.excludeListId }}`,
					),
				},
				requests: ['DELETE /excludeLists'],
			},
		],
	},
];
