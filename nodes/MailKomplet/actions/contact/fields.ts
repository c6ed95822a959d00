import type { FieldSpec } from '../../helpers/fields';

/** Legacy: Unsubscribe > Create still reads its e-mail with this; delete once it is converted. */
export const emailSpec: FieldSpec = {
	name: 'email',
	label: 'Email',
	type: 'email',
	description: 'E-mail address of the contact; Mail Komplet identifies contacts by it',
};
