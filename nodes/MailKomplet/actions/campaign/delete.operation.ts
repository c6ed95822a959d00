import { deleteOperation } from '../crud';
import { campaignIdOptions } from '../shared';

export const deleteCampaign = deleteOperation({
	noun: 'campaign',
	path: 'campaigns',
	description: 'Delete a campaign by its ID. Returns success and the campaignId.',
	id: { ...campaignIdOptions, description: 'The campaign to delete' },
	idIn: 'query',
});
