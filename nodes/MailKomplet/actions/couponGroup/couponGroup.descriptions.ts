import type { INodeProperties } from 'n8n-workflow';

/** Fields of a coupon group: required on Create, Update Fields on Update. */

export const groupName: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
	description: 'Name of the coupon group as shown in Mail Komplet',
};

export const color: INodeProperties = {
	displayName: 'Color',
	name: 'color',
	type: 'color',
	default: '#3E50B4',
	description: 'Colour of the group flag in Mail Komplet, as hex e.g. #3E50B4',
};
