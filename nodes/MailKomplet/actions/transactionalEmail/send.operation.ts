import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { FieldSpec } from '../../helpers/fields';
import { collection, readFields, readRequired, toProperty } from '../../helpers/fields';
import { getId, parseJsonObject, readPairs, requireEmail } from '../../helpers/parameters';
import { campaignIdOptions, idLocator } from '../shared';
import { readRecipientList, sendExecutors, sendModeProperties, splitList } from '../send';
import type { OperationDefinition } from '../types';

const fromAddressSpec: FieldSpec = {
	name: 'fromAddress',
	label: 'From Email',
	type: 'email',
	description: 'Sender e-mail address; its domain must be allowed for sending in Mail Komplet',
};

const fromNameSpec: FieldSpec = {
	name: 'fromDisplayName',
	label: 'From Name',
	type: 'string',
	description: 'Sender name the recipient sees',
};

const subjectSpec: FieldSpec = {
	name: 'subject',
	label: 'Subject',
	type: 'string',
	description: 'Subject of the e-mail; may use variables',
};

const bodySpecs: FieldSpec[] = [
	{
		name: 'bodyHtml',
		label: 'HTML Body',
		type: 'text',
		description: 'The e-mail as HTML; may use variables',
	},
	{
		name: 'bodyText',
		label: 'Text Body',
		type: 'text',
		description: 'The e-mail as plain text, for mail programs that do not show HTML',
	},
];

const trackingSpecs: FieldSpec[] = [
	{
		name: 'trackOpens',
		label: 'Track Opens',
		type: 'boolean',
		default: true,
		description: 'Whether to record when the e-mail is opened',
	},
	{
		name: 'trackClicks',
		label: 'Track Clicks',
		type: 'boolean',
		default: true,
		description: 'Whether to record clicks on the links in the e-mail',
	},
];

const showFor = (content: string) => ({ displayOptions: { show: { content: [content] } } });

function variablesProperties(name: string, label: string, whose: string): INodeProperties[] {
	return [
		{
			displayName: label,
			name,
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Variable',
			default: {},
			description: `Values for the variables in the subject and body, ${whose}`,
			options: [
				{
					displayName: 'Variable',
					name: 'variable',
					values: [
						{
							displayName: 'Name',
							name: 'name',
							type: 'string',
							default: '',
							description: 'Name of the variable as written in the e-mail',
						},
						{
							displayName: 'Value',
							name: 'value',
							type: 'string',
							default: '',
							description: 'Text the variable is replaced with',
						},
					],
				},
			],
		},
		{
			displayName: `${label} (JSON)`,
			name: `${name}Json`,
			type: 'json',
			default: '{}',
			description: `${label} as a JSON object of names and values, ${whose}; they override ${label} given as pairs`,
		},
	];
}

const attachmentsSpec: FieldSpec = {
	name: 'attachments',
	label: 'Attachments',
	type: 'string',
	placeholder: 'data, invoice',
	description:
		'Names of the binary properties of the input item to attach, separated by commas (attachments must be enabled for the account)',
};

const additionalFields = collection('additionalFields', 'Additional Fields', [
	attachmentsSpec,
	...trackingSpecs,
]);
additionalFields.options = [
	...(additionalFields.options as INodeProperties[]),
	...variablesProperties('variables', 'Variables', 'for every recipient'),
	...variablesProperties(
		'recipientVariables',
		'Recipient Variables',
		"for this item's recipients only (each item is one recipient with One Request for All Items); they override Variables",
	),
].sort((a, b) => a.displayName.localeCompare(b.displayName));

/** Variables given as name/value pairs and as JSON, the JSON winning; undefined when none. */
function readVariables(
	ctx: IExecuteFunctions,
	fields: IDataObject,
	name: string,
	label: string,
	itemIndex: number,
): IDataObject | undefined {
	const variables = {
		...readPairs(ctx, fields[name], { rowKey: 'variable', noun: 'variable', label }, itemIndex),
		...parseJsonObject(ctx, fields[`${name}Json`] ?? '', `${label} (JSON)`, itemIndex),
	};
	return Object.keys(variables).length ? variables : undefined;
}

async function readAttachments(
	ctx: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
): Promise<IDataObject[]> {
	const attachments: IDataObject[] = [];
	const available = Object.keys(ctx.getInputData()[itemIndex]?.binary ?? {});
	for (const property of splitList(value, /[\s,;]+/)) {
		if (!available.includes(property)) {
			throw new NodeOperationError(
				ctx.getNode(),
				`Attachments: the input item has no binary property "${property}" (item ${itemIndex})`,
				{
					itemIndex,
					description: available.length
						? `Its binary properties are: ${available.join(', ')}.`
						: 'The input item has no binary data; read the file with a node that outputs binary data first.',
				},
			);
		}
		const binary = ctx.helpers.assertBinaryData(itemIndex, property);
		const content = await ctx.helpers.getBinaryDataBuffer(itemIndex, property);
		attachments.push({
			contentType: binary.mimeType,
			name: binary.fileName ?? property,
			content: content.toString('base64'),
		});
	}
	return attachments;
}

function readRecipients(ctx: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const addresses = readRecipientList(
		ctx,
		{ name: 'to', label: 'To', example: 'jana@example.cz or {{ $json.email }}' },
		/[\s,;]+/,
		itemIndex,
	).map((address) => requireEmail(ctx, address, 'To', itemIndex));
	const fields = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const variables = readVariables(
		ctx,
		fields,
		'recipientVariables',
		'Recipient Variables',
		itemIndex,
	);
	return addresses.map((address) => (variables ? { address, variables } : { address }));
}

/** Top-level optional parameters named after the specs, converted; unset ones left out. */
function readOptional(ctx: IExecuteFunctions, specs: FieldSpec[], itemIndex: number) {
	const values = Object.fromEntries(
		specs.map((spec) => [spec.name, ctx.getNodeParameter(spec.name, itemIndex, '')]),
	);
	return readFields(ctx, specs, values, itemIndex);
}

async function readMessage(ctx: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const fields = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const content =
		ctx.getNodeParameter('content', itemIndex) === 'campaign'
			? { campaignId: getId(ctx, 'campaignId', itemIndex, 'Campaign ID') }
			: {
					...readRequired(ctx, [subjectSpec], itemIndex),
					...readOptional(ctx, bodySpecs, itemIndex),
				};
	const message: IDataObject = {
		...readRequired(ctx, [fromAddressSpec], itemIndex),
		...readOptional(ctx, [fromNameSpec], itemIndex),
		...content,
		...readFields(ctx, trackingSpecs, fields, itemIndex),
	};
	const variables = readVariables(ctx, fields, 'variables', 'Variables', itemIndex);
	if (variables) message.variables = variables;
	const attachments = await readAttachments(ctx, fields.attachments, itemIndex);
	if (attachments.length) message.attachments = attachments;
	return message;
}

export const send: OperationDefinition = {
	value: 'send',
	name: 'Send',
	action: 'Send a transactional e-mail',
	description:
		"Send a transactional e-mail to each input item's recipients, or one e-mail with every item as a recipient, written here (subject, HTML and text body, variables) or taken from a campaign, with attachments from binary data. Returns one item per recipient with email and guid (for Get Many, opens, clicks and bounces).",
	endpoints: ['POST /transactionalEmails'],
	properties: [
		...sendModeProperties('e-mail'),
		toProperty(fromAddressSpec, { required: true }),
		toProperty(fromNameSpec),
		toProperty(
			{
				name: 'to',
				label: 'To',
				type: 'string',
				placeholder: 'jana@example.cz',
				description:
					'Recipient e-mail address, usually mapped from the input, e.g. {{ $json.email }}. Several addresses separated by commas each get their own copy.',
			},
			{ required: true },
		),
		{
			displayName: 'Content',
			name: 'content',
			type: 'options',
			options: [
				{
					name: 'Subject and Body',
					value: 'custom',
					description: 'Write the subject and body here',
				},
				{
					name: 'From a Campaign',
					value: 'campaign',
					description: 'Send the subject and template of a transactional campaign',
				},
			],
			default: 'custom',
			description: 'Where the subject and body of the e-mail come from',
		},
		{
			...idLocator({
				...campaignIdOptions,
				description:
					'Campaign whose subject and template are sent; recommended over sending the whole content every time',
			}),
			...showFor('campaign'),
		},
		toProperty(subjectSpec, { required: true, ...showFor('custom') }),
		...bodySpecs.map((spec) => toProperty(spec, showFor('custom'))),
		additionalFields,
	],
	...sendExecutors({
		path: 'transactionalEmails',
		envelope: 'email',
		recipients: readRecipients,
		message: readMessage,
		check: {
			operation: 'Transactional Email > Get Many',
			filter: 'Recipient Contains',
			key: 'address',
		},
	}),
};
