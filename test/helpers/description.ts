import type { INodeProperties } from 'n8n-workflow';

export interface NestedParameter {
	property: INodeProperties;
	/** The top-level parameter it sits in (itself at the top): its displayOptions apply. */
	top: INodeProperties;
	/** Parameter names from the top, as saved workflows hold them: `filters.mailingListId`. */
	path: string;
	/** Display names from the top, as a person finds it: `Filters > Mailing List`. */
	label: string;
}

/** Every parameter at any depth: collection options and fixedCollection values included. */
export function allParameters(
	properties: INodeProperties[],
	parent?: Omit<NestedParameter, 'property'>,
): NestedParameter[] {
	return properties.flatMap((property) => {
		const here: NestedParameter = {
			property,
			top: parent?.top ?? property,
			path: parent ? `${parent.path}.${property.name}` : property.name,
			label: parent ? `${parent.label} > ${property.displayName}` : property.displayName,
		};
		const nested = (property.options ?? []).flatMap((option) => {
			if ('values' in option) {
				return allParameters(option.values, {
					top: here.top,
					path: `${here.path}.${option.name}`,
					label: `${here.label} > ${option.displayName}`,
				});
			}
			return 'type' in option ? allParameters([option as INodeProperties], here) : [];
		});
		return [here, ...nested];
	});
}
