import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { compact, fail, readPairs } from '../../helpers/parameters';
import { asEmail, asId, asJson, readRequired } from '../../helpers/values';
import { campaignRLC } from '../common.descriptions';
import { readRecipientList, sendByMode, splitList } from '../send';
import { batchSize, sendMode } from '../send.descriptions';
import type { ChoosingOperation } from '../types';
import type { Endpoints } from '../../transport';

const fromAddress: INodeProperties = {
	displayName: 'From Email',
	name: 'fromAddress',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'name@example.com',
	description: 'Sender e-mail address; its domain must be allowed for sending in Mail Komplet',
};

const fromDisplayName: INodeProperties = {
	displayName: 'From Name',
	name: 'fromDisplayName',
	type: 'string',
	default: '',
	description: 'Sender name the recipient sees',
};

const to: INodeProperties = {
	displayName: 'To',
	name: 'to',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'jana@example.cz',
	description:
		'Recipient e-mail address, usually an expression reading it from the input item. Several addresses separated by commas each get their own copy.',
};

const content: INodeProperties = {
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
};

const campaignId: INodeProperties = {
	...campaignRLC,
	required: true,
	description:
		'Campaign whose subject and template are sent; recommended over sending the whole content every time',
	displayOptions: { show: { content: ['campaign'] } },
};

const subject: INodeProperties = {
	displayName: 'Subject',
	name: 'subject',
	type: 'string',
	required: true,
	default: '',
	description: 'Subject of the e-mail; may use variables',
	displayOptions: { show: { content: ['custom'] } },
};

const bodyHtml: INodeProperties = {
	displayName: 'HTML Body',
	name: 'bodyHtml',
	type: 'string',
	typeOptions: { rows: 4 },
	default: '',
	description: 'The e-mail as HTML; may use variables',
	displayOptions: { show: { content: ['custom'] } },
};

const bodyText: INodeProperties = {
	displayName: 'Text Body',
	name: 'bodyText',
	type: 'string',
	typeOptions: { rows: 4 },
	default: '',
	description: 'The e-mail as plain text, for mail programs that do not show HTML',
	displayOptions: { show: { content: ['custom'] } },
};

/** One name/value row of Variables and Recipient Variables. */
const variableRow = [
	{
		displayName: 'Variable',
		name: 'variable',
		values: [
			{
				displayName: 'Name',
				name: 'name',
				type: 'string' as const,
				default: '',
				description: 'Name of the variable as written in the e-mail',
			},
			{
				displayName: 'Value',
				name: 'value',
				type: 'string' as const,
				default: '',
				description: 'Text the variable is replaced with',
			},
		],
	},
];

const variables: INodeProperties = {
	displayName: 'Variables',
	name: 'variables',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Variable',
	default: {},
	description: 'Values for the variables in the subject and body, for every recipient',
	options: variableRow,
};

const variablesJson: INodeProperties = {
	displayName: 'Variables (JSON)',
	name: 'variablesJson',
	type: 'json',
	default: '{}',
	description:
		'Variables as a JSON object of names and values, for every recipient; they override Variables given as pairs',
};

const recipientVariables: INodeProperties = {
	displayName: 'Recipient Variables',
	name: 'recipientVariables',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Variable',
	default: {},
	description:
		"Values for the variables in the subject and body, for this item's recipients only (each item is one recipient with One Request for All Items); they override Variables",
	options: variableRow,
};

const recipientVariablesJson: INodeProperties = {
	displayName: 'Recipient Variables (JSON)',
	name: 'recipientVariablesJson',
	type: 'json',
	default: '{}',
	description:
		"Recipient Variables as a JSON object of names and values, for this item's recipients only; they override Recipient Variables given as pairs",
};

const additionalFields: INodeProperties = {
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: [
		{
			displayName: 'Attachments',
			name: 'attachments',
			type: 'string',
			default: '',
			placeholder: 'data, invoice',
			description:
				'Names of the binary properties of the input item to attach, separated by commas (attachments must be enabled for the account)',
		},
		recipientVariables,
		recipientVariablesJson,
		{
			displayName: 'Reply-To Email',
			name: 'replyTo',
			type: 'string',
			default: '',
			placeholder: 'support@example.com',
			description:
				'Address replies go to. Not in the API reference: sent as email.replyTo, as public clients of the live API do.',
		},
		{
			displayName: 'Tags',
			name: 'tags',
			type: 'string',
			default: '',
			placeholder: 'order, eshop',
			description:
				'Tags to find the e-mail by later (Get Many filters by them), separated by commas. The reference lists tags only on Get Many: sent as email.tags, e.g. "order,eshop".',
		},
		{
			displayName: 'Track Clicks',
			name: 'trackClicks',
			type: 'boolean',
			default: true,
			description: 'Whether to record clicks on the links in the e-mail',
		},
		{
			displayName: 'Track Opens',
			name: 'trackOpens',
			type: 'boolean',
			default: true,
			description: 'Whether to record when the e-mail is opened',
		},
		variables,
		variablesJson,
	],
};

/** Variables given as name/value pairs and as JSON, the JSON winning; undefined when none. */
function readVariables(
	ctx: IExecuteFunctions,
	fields: IDataObject,
	pairs: INodeProperties,
	json: INodeProperties,
	itemIndex: number,
): IDataObject | undefined {
	const rows = { rowKey: 'variable', noun: 'variable', label: pairs.displayName };
	const values = {
		...readPairs(ctx, fields[pairs.name], rows, itemIndex),
		...(asJson(ctx, fields[json.name] ?? '', json.displayName, itemIndex) as IDataObject),
	};
	return Object.keys(values).length ? values : undefined;
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
			fail(
				ctx,
				itemIndex,
				`Attachments: the input item has no binary property "${property}"`,
				available.length
					? `Its binary properties are: ${available.join(', ')}.`
					: 'The input item has no binary data; read the file with a node that outputs binary data first.',
			);
		}
		const binary = ctx.helpers.assertBinaryData(itemIndex, property);
		const data = await ctx.helpers.getBinaryDataBuffer(itemIndex, property);
		attachments.push({
			contentType: binary.mimeType,
			name: binary.fileName ?? property,
			content: data.toString('base64'),
		});
	}
	return attachments;
}

function readRecipients(ctx: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const addresses = readRecipientList(ctx, to, /[\s,;]+/, itemIndex).map(
		(address) => asEmail(ctx, address, to.displayName, itemIndex) as string,
	);
	const fields = ctx.getNodeParameter(additionalFields.name, itemIndex, {}) as IDataObject;
	const values = readVariables(ctx, fields, recipientVariables, recipientVariablesJson, itemIndex);
	return addresses.map((address) => (values ? { address, variables: values } : { address }));
}

/** An e-mail written here needs a body: Mail Komplet would send an empty one. */
function readBody(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const body = compact({
		bodyHtml: ctx.getNodeParameter(bodyHtml.name, itemIndex, '') as string,
		bodyText: ctx.getNodeParameter(bodyText.name, itemIndex, '') as string,
	});
	if (Object.keys(body).length === 0) {
		fail(
			ctx,
			itemIndex,
			'Set the HTML Body or the Text Body',
			'An e-mail written here needs a body. To send a prepared template, set Content to From a Campaign.',
		);
	}
	return body;
}

async function readMessage(ctx: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const fields = ctx.getNodeParameter(additionalFields.name, itemIndex, {}) as IDataObject;
	const source =
		ctx.getNodeParameter(content.name, itemIndex) === 'campaign'
			? { campaignId: readRequired<number>(ctx, campaignId, itemIndex, asId) }
			: {
					subject: readRequired<string>(ctx, subject, itemIndex),
					...readBody(ctx, itemIndex),
				};
	const message: IDataObject = {
		fromAddress: readRequired<string>(ctx, fromAddress, itemIndex, asEmail),
		...compact({
			fromDisplayName: ctx.getNodeParameter(fromDisplayName.name, itemIndex, '') as string,
		}),
		...source,
	};
	if (fields.replyTo)
		message.replyTo = asEmail(ctx, fields.replyTo, 'Reply-To Email', itemIndex) as string;
	const tags = splitList(fields.tags, /[,;]/);
	if (tags.length) message.tags = tags.join(',');
	for (const track of ['trackOpens', 'trackClicks']) {
		if (track in fields) message[track] = fields[track];
	}
	const values = readVariables(ctx, fields, variables, variablesJson, itemIndex);
	if (values) message.variables = values;
	const attachments = await readAttachments(ctx, fields.attachments, itemIndex);
	if (attachments.length) message.attachments = attachments;
	return message;
}

const endpoints = {
	main: {
		endpoint: 'POST /transactionalEmails',
		repeat: {
			safe: false,
			kind: 'send',
			why: 'every POST sends the e-mail again',
		},
	},
} satisfies Endpoints;

export const send: ChoosingOperation = {
	value: 'send',
	name: 'Send',
	action: 'Send a transactional e-mail',
	description:
		"Send a transactional e-mail to each input item's recipients, or one e-mail with every item as a recipient; needs the sender, the recipients and either a subject and body written here or a transactional campaign, with variables and attachments from binary data. Returns one item per recipient with email and guid (for Get Many, opens, clicks and bounces).",
	endpoints,
	properties: [
		sendMode,
		batchSize,
		fromAddress,
		fromDisplayName,
		to,
		content,
		campaignId,
		subject,
		bodyHtml,
		bodyText,
		additionalFields,
	],
	...sendByMode({
		endpoint: endpoints.main,
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
