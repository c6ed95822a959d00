import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fail } from '../../helpers/parameters';
import { asId, asNumber, readFields, readRequired } from '../../helpers/values';
import { queuePriorityOptions } from '../enums';
import { readRecipientList, sendByMode } from '../send';
import { batchSize, sendMode } from '../send.descriptions';
import type { ChoosingOperation } from '../types';
import type { Endpoints } from '../../transport';

const to: INodeProperties = {
	displayName: 'Phone Numbers',
	name: 'to',
	type: 'string',
	required: true,
	default: '',
	placeholder: '+420775123456',
	description:
		'Recipient phone number with country code, usually an expression reading it from the input item. Several numbers separated by commas or new lines each get the SMS.',
};

const text: INodeProperties = {
	displayName: 'Text',
	name: 'text',
	type: 'string',
	typeOptions: { rows: 4 },
	required: true,
	default: '',
	description:
		'Text of the SMS. 160 characters fit one SMS, 70 with Czech diacritics; longer texts are sent in parts.',
};

const additionalFields: INodeProperties = {
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: [
		{
			displayName: 'Priority',
			name: 'priority',
			type: 'options',
			options: queuePriorityOptions,
			default: 3,
			description: 'How urgently Mail Komplet sends the SMS',
		},
		{
			// No endpoint lists SMS groups, so the ID is typed.
			displayName: 'SMS Group ID',
			name: 'groupId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 7',
			description: 'Numeric ID of the transactional SMS group the SMS belongs to',
		},
	],
};

const PHONE = /^\+?\d{6,15}$/;

function readNumbers(ctx: IExecuteFunctions, itemIndex: number): IDataObject[] {
	return readRecipientList(ctx, to, /[\n,;]+/, itemIndex).map((raw) => {
		// Spaces, dashes, dots and brackets are how people write numbers, not part of them.
		const number = raw.replace(/[\s\-().]/g, '');
		if (!PHONE.test(number)) {
			fail(
				ctx,
				itemIndex,
				`${to.displayName}: ${JSON.stringify(raw)} is not a phone number`,
				'Write numbers with the country code, e.g. +420775123456.',
			);
		}
		return { number };
	});
}

async function readMessage(ctx: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return {
		text: readRequired<string>(ctx, text, itemIndex),
		...readFields(ctx, additionalFields, itemIndex, { priority: asNumber, groupId: asId }),
	};
}

const endpoints = {
	main: {
		endpoint: 'POST /transactionalSms',
		repeat: {
			safe: false,
			kind: 'send',
			why: 'every POST sends the SMS again and is charged again',
		},
	},
} satisfies Endpoints;

export const send: ChoosingOperation = {
	value: 'send',
	name: 'Send',
	action: 'Send a transactional SMS',
	description:
		'Send an SMS to one or several phone numbers per input item, or one SMS to the numbers of all items; needs the numbers with country code and the text. Returns one item per recipient with number and guid (for Get Many).',
	endpoints,
	properties: [sendMode, batchSize, to, text, additionalFields],
	...sendByMode({
		endpoint: endpoints.main,
		envelope: 'sms',
		recipients: readNumbers,
		message: readMessage,
		check: {
			operation: 'Transactional SMS > Get Many',
			filter: 'Number Contains',
			key: 'number',
		},
	}),
};
