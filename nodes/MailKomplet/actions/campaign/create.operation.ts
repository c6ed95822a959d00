import { createOperation } from '../crud';
import {
	mailFromAddressSpec,
	nameSpec,
	optionalCampaignFields,
	unsubscribeTypeSpec,
} from './fields';

export const create = createOperation({
	noun: 'campaign',
	path: 'campaigns',
	repeat: { safe: false, kind: 'create', why: 'a second POST makes a second campaign' },
	identifiedBy: ['name', 'mailFromAddress'],
	description:
		'Create a campaign with its sender, unsubscribe type and optionally template, domain redirect and tracking. Returns the new campaignId.',
	required: [nameSpec, mailFromAddressSpec, unsubscribeTypeSpec],
	additional: optionalCampaignFields,
});
