import type { FieldSpec } from '../../helpers/fields';
import { unsubscribeTypeOptions } from '../enums';

export const nameSpec: FieldSpec = {
	name: 'name',
	label: 'Name',
	type: 'string',
	description: 'Name of the campaign as shown in Mail Komplet',
};

export const mailFromAddressSpec: FieldSpec = {
	name: 'mailFromAddress',
	label: 'From Email',
	type: 'email',
	description: 'Sender e-mail address the recipients see',
};

export const unsubscribeTypeSpec: FieldSpec = {
	name: 'unsubscribeTypeId',
	label: 'Unsubscribe Type',
	type: 'options',
	options: unsubscribeTypeOptions,
	default: 2,
	description: 'What a recipient who clicks the unsubscribe link is unsubscribed from',
};

/** Optional campaign fields, the same on create and update. */
export const optionalCampaignFields: FieldSpec[] = [
	{
		name: 'templateId',
		label: 'Template ID',
		type: 'id',
		description: 'Template the campaign sends (Template > Get Many lists them)',
	},
	{
		name: 'dispatcherId',
		label: 'Domain Redirect ID',
		type: 'id',
		description:
			'Domain redirect whose domain carries the tracked links and unsubscribe page (Domain Redirect > Get Many lists them)',
	},
	{
		name: 'description',
		label: 'Description',
		type: 'string',
		description: 'Free text describing the campaign',
	},
	{
		name: 'mailFromDisplayName',
		label: 'From Name',
		type: 'string',
		description: 'Sender name the recipients see',
	},
	{
		name: 'webTrackParam',
		label: 'Link Tagging',
		type: 'string',
		placeholder: 'utm_source=newsletter&utm_medium=email',
		description: 'Parameters added to every link in the e-mail, e.g. for Google Analytics',
	},
	{
		name: 'insertTrackingImage',
		label: 'Track Opens',
		type: 'boolean',
		default: true,
		description: 'Whether to insert a tracking image that records when an e-mail is opened',
	},
	{
		name: 'autoLinkTracking',
		label: 'Track Clicks',
		type: 'boolean',
		default: true,
		description: 'Whether to track clicks on the links in the e-mail',
	},
	{
		name: 'ignoreExcludeList',
		label: 'Send to Unsubscribed',
		type: 'boolean',
		description:
			'Whether to send to recipients who have unsubscribed too (only for e-mails they must get, e.g. service notices)',
	},
];
