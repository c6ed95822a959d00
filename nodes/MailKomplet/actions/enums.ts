import type { INodePropertyOptions } from 'n8n-workflow';

/** Mail Komplet's numeric enumerations, named as its reference describes them. */

type Names = Record<number, string>;

const toOptions = (names: Names): INodePropertyOptions[] =>
	Object.entries(names).map(([value, name]) => ({ name, value: Number(value) }));

/** "1 Active, 2 Finished" for descriptions of values the API only returns. */
export const describeValues = (names: Names): string =>
	Object.entries(names)
		.map(([value, name]) => `${value} ${name}`)
		.join(', ');

export const CAMPAIGN_STATUS: Names = {
	1: 'Canceled',
	2: 'Preparation',
	3: 'Finished With Unpaid',
	4: 'Finished All',
	5: 'Active',
	6: 'Scheduled',
	7: 'Evaluation',
};

export const CAMPAIGN_TYPE: Names = {
	1: 'Mass E-mail',
	2: 'Mass SMS',
	3: 'Transactional E-mail',
	4: 'A/B Testing',
};

export const unsubscribeTypeOptions: INodePropertyOptions[] = [
	{
		name: 'From This Campaign',
		value: 1,
		description: 'The recipient stops getting this campaign only',
	},
	{
		name: "From the Campaign's Mailing Lists",
		value: 2,
		description: 'The recipient leaves every mailing list the campaign is sent to',
	},
	{
		name: 'From Everything (Global)',
		value: 3,
		description: 'The recipient is unsubscribed from the whole account',
	},
];

export const emailStateOptions = toOptions({
	1: 'Active',
	2: 'Finished Successfully',
	3: 'Finished With Error',
	4: 'Canceled',
});

export const SMS_STATE: Names = {
	0: 'Composing',
	1: 'Batch Transmission In Progress',
	2: 'Transaction Transmission In Progress',
	3: 'Finished Successfully',
	4: 'Canceled',
	5: 'Finished With Error',
	6: 'Unpaid',
};

export const QUEUE_PRIORITY: Names = {
	1: 'Urgent',
	2: 'High',
	3: 'Normal',
	4: 'Below Normal',
	5: 'Low',
};

export const queuePriorityOptions = toOptions(QUEUE_PRIORITY);

export const DATA_TYPE: Names = {
	1: 'Text',
	2: 'Number',
	3: 'Yes/No',
	4: 'Date and Time',
	5: 'Date',
	6: 'Time',
	7: 'List of Options',
};

export const dataTypeOptions = toOptions(DATA_TYPE);

export const UNSUBSCRIBE_ORIGIN: Names = {
	1: 'Unsubscribe Form',
	2: 'Administration',
	3: 'Bounce Cleaning',
	4: 'Unsubscribe Message',
};

export const UNSUBSCRIBE_REASON: Names = {
	1: 'Does Not Want E-mails',
	2: 'Undeliverable Mailbox',
};

export const distributionStatusOptions = toOptions({
	1: 'In Progress',
	2: 'Paused',
	3: 'Cancelled',
	4: 'Error',
});

export const distributionPhaseOptions = toOptions({
	1: 'Waiting',
	2: 'Generating',
	3: 'Sending',
	4: 'Finished All',
	5: 'Finished With Unpaid',
});
