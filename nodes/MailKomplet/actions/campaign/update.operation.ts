import { updateOperation } from '../crud';
import { campaignIdOptions } from '../shared';
import {
	mailFromAddressSpec,
	nameSpec,
	optionalCampaignFields,
	unsubscribeTypeSpec,
} from './fields';

export const update = updateOperation({
	noun: 'campaign',
	description:
		'Change settings of a campaign: name, sender, template, domain redirect, tracking, unsubscribe type. Fields left out stay as they are.',
	id: { ...campaignIdOptions, description: 'The campaign to update' },
	fields: [nameSpec, mailFromAddressSpec, unsubscribeTypeSpec, ...optionalCampaignFields],
	endpoint: 'PUT /campaigns/{campaignId}',
	request: (id, changes) => ({ method: 'PUT', path: ['campaigns', id], body: changes }),
});
