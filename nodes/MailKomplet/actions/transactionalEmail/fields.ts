import type { FieldSpec } from '../../helpers/fields';
import type { IdOptions } from '../shared';

export const transactionalEmailIdOptions: IdOptions = {
	name: 'emailId',
	label: 'Transactional Email ID',
	description: 'The transactional e-mail to work on',
	searchListMethod: 'searchTransactionalEmails',
};

/** Filters the opens and clicks endpoints share. */
export const activityFilters = (what: string): FieldSpec[] => [
	{
		name: 'emailId',
		label: 'Transactional Email ID',
		type: 'id',
		description: `Return only ${what} of this e-mail`,
	},
	{
		name: 'from',
		label: 'From',
		type: 'dateTime',
		description: `Return only ${what} from this date and time on`,
	},
	{
		name: 'to',
		label: 'To',
		type: 'dateTime',
		description: `Return only ${what} up to this date and time`,
	},
];
