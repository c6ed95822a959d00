import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { FieldSpec } from '../../helpers/fields';
import { collection, readCollection, readRequired, toProperty } from '../../helpers/fields';
import { queuePriorityOptions } from '../enums';
import { readRecipientList, sendExecutors, sendModeProperties } from '../send';
import type { OperationDefinition } from '../types';

const textSpec: FieldSpec = {
	name: 'text',
	label: 'Text',
	type: 'text',
	description:
		'Text of the SMS. 160 characters fit one SMS, 70 with Czech diacritics; longer texts are sent in parts.',
};

const optionalSpecs: FieldSpec[] = [
	{
		name: 'priority',
		label: 'Priority',
		type: 'options',
		options: queuePriorityOptions,
		default: 3,
		description: 'How urgently Mail Komplet sends the SMS',
	},
	{
		name: 'groupId',
		label: 'SMS Group ID',
		type: 'id',
		description: 'Transactional SMS group the SMS belongs to',
	},
];

const PHONE = /^\+?\d{6,15}$/;

function readNumbers(ctx: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const list = readRecipientList(
		ctx,
		{ name: 'to', label: 'Phone Numbers', example: '+420775123456 or {{ $json.phone }}' },
		/[\n,;]+/,
		itemIndex,
	);
	return list.map((raw) => {
		// Spaces, dashes, dots and brackets are how people write numbers, not part of them.
		const number = raw.replace(/[\s\-().]/g, '');
		if (!PHONE.test(number)) {
			throw new NodeOperationError(
				ctx.getNode(),
				`Phone Numbers: ${JSON.stringify(raw)} is not a phone number (item ${itemIndex})`,
				{ itemIndex, description: 'Write numbers with the country code, e.g. +420775123456.' },
			);
		}
		return { number };
	});
}

export const send: OperationDefinition = {
	value: 'send',
	name: 'Send',
	action: 'Send a transactional SMS',
	description:
		'Send an SMS to one or several phone numbers per input item, or one SMS to the numbers of all items. Returns one item per recipient with number and guid.',
	endpoints: ['POST /transactionalSms'],
	properties: [
		...sendModeProperties('SMS'),
		toProperty(
			{
				name: 'to',
				label: 'Phone Numbers',
				type: 'string',
				placeholder: '+420775123456',
				description:
					'Recipient phone number with country code, usually mapped from the input, e.g. {{ $json.phone }}. Several numbers separated by commas or new lines each get the SMS.',
			},
			{ required: true },
		),
		toProperty(textSpec, { required: true }),
		collection('additionalFields', 'Additional Fields', optionalSpecs),
	],
	...sendExecutors({
		path: 'transactionalSms',
		envelope: 'sms',
		recipients: readNumbers,
		message: async (ctx, itemIndex) => ({
			...readRequired(ctx, [textSpec], itemIndex),
			...readCollection(ctx, 'additionalFields', optionalSpecs, itemIndex),
		}),
		check: { operation: 'Transactional SMS > Get Many', filter: 'Number Contains', key: 'number' },
	}),
};
