import type { INodeProperties } from 'n8n-workflow';

import { asEmail, asId, asNumber } from '../../helpers/values';
import { domainRedirectRLC, templateRLC } from '../common.descriptions';
import { unsubscribeTypeOptions } from '../enums';

/** Campaign settings that Create and Update share; Update offers all of them as Update Fields. */

export const campaignName: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
	description: 'Name of the campaign as shown in Mail Komplet',
};

export const mailFromAddress: INodeProperties = {
	displayName: 'From Email',
	name: 'mailFromAddress',
	type: 'string',
	placeholder: 'name@example.com',
	default: '',
	description: 'Sender e-mail address the recipients see',
};

export const unsubscribeTypeId: INodeProperties = {
	displayName: 'Unsubscribe Type',
	name: 'unsubscribeTypeId',
	type: 'options',
	options: unsubscribeTypeOptions,
	default: 2,
	description: 'What a recipient who clicks the unsubscribe link is unsubscribed from',
};

export const template: INodeProperties = {
	...templateRLC,
	description: 'Template the campaign sends',
};

export const domainRedirect: INodeProperties = {
	...domainRedirectRLC,
	description: 'Domain redirect whose domain carries the tracked links and the unsubscribe page',
};

export const description: INodeProperties = {
	displayName: 'Description',
	name: 'description',
	type: 'string',
	default: '',
	description: 'Free text describing the campaign',
};

export const mailFromDisplayName: INodeProperties = {
	displayName: 'From Name',
	name: 'mailFromDisplayName',
	type: 'string',
	default: '',
	description: 'Sender name the recipients see',
};

export const replyToAddress: INodeProperties = {
	displayName: 'Reply-To Email',
	name: 'replyToAddress',
	type: 'string',
	placeholder: 'support@example.com',
	default: '',
	description:
		'Address replies go to. The reference lists it only in what Get returns; sent as replyToAddress.',
};

export const replyToDisplayName: INodeProperties = {
	displayName: 'Reply-To Name',
	name: 'replyToDisplayName',
	type: 'string',
	default: '',
	description:
		'Name shown with the Reply-To address. The reference lists it only in what Get returns; sent as replyToDisplayName.',
};

export const webTrackParam: INodeProperties = {
	displayName: 'Link Tagging',
	name: 'webTrackParam',
	type: 'string',
	placeholder: 'utm_source=newsletter&utm_medium=email',
	default: '',
	description: 'Parameters added to every link in the e-mail, e.g. for Google Analytics',
};

export const insertTrackingImage: INodeProperties = {
	displayName: 'Track Opens',
	name: 'insertTrackingImage',
	type: 'boolean',
	default: true,
	description: 'Whether to insert a tracking image that records when an e-mail is opened',
};

export const autoLinkTracking: INodeProperties = {
	displayName: 'Track Clicks',
	name: 'autoLinkTracking',
	type: 'boolean',
	default: true,
	description: 'Whether to track clicks on the links in the e-mail',
};

export const ignoreExcludeList: INodeProperties = {
	displayName: 'Send to Unsubscribed',
	name: 'ignoreExcludeList',
	type: 'boolean',
	default: false,
	description:
		'Whether to send to recipients who have unsubscribed too (only for e-mails they must get, e.g. service notices)',
};

/** How the fields' values become what the API expects. */
export const campaignConverters = {
	mailFromAddress: asEmail,
	replyToAddress: asEmail,
	unsubscribeTypeId: asNumber,
	templateId: asId,
	dispatcherId: asId,
};
