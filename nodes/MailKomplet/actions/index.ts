import type { INodeProperties } from 'n8n-workflow';

import { businessUnit } from './businessUnit';
import { campaign } from './campaign';
import { contact } from './contact';
import { coupon } from './coupon';
import { couponGroup } from './couponGroup';
import { customColumn } from './customColumn';
import { distribution } from './distribution';
import { domainRedirect } from './domainRedirect';
import { mailingList } from './mailingList';
import { marketingEmail } from './marketingEmail';
import { order } from './order';
import { requestOptionsProperty } from './requestOptions.descriptions';
import { subscribeRequest } from './subscribeRequest';
import { template } from './template';
import { transactionalEmail } from './transactionalEmail';
import { transactionalSms } from './transactionalSms';
import type { OperationDefinition, ResourceDefinition } from './types';
import { unsubscribe } from './unsubscribe';

export const resources: ResourceDefinition[] = [
	businessUnit,
	campaign,
	contact,
	coupon,
	couponGroup,
	customColumn,
	distribution,
	domainRedirect,
	mailingList,
	marketingEmail,
	order,
	subscribeRequest,
	template,
	transactionalEmail,
	transactionalSms,
	unsubscribe,
].sort((a, b) => a.name.localeCompare(b.name));

/** Shows a property only for its resource and operation, keeping any conditions it has. */
function scoped(property: INodeProperties, resource: string, operation: string): INodeProperties {
	const show = property.displayOptions?.show ?? {};
	return {
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...show, resource: [resource], operation: [operation] },
		},
	};
}

export function describeProperties(): INodeProperties[] {
	const resourceProperty: INodeProperties = {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: resources.map(({ name, value, description }) => ({
			name,
			value,
			description,
		})),
		default: 'contact',
	};
	const operationProperties: INodeProperties[] = resources.map((resource) => {
		const { value: defaultOperation } =
			resource.operations.find((op) => op.value === 'getAll') ?? resource.operations[0];
		return {
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource.value] } },
			options: [...resource.operations]
				.sort((a, b) => a.name.localeCompare(b.name))
				.map(({ name, value, action, description }) => ({
					name,
					value,
					action,
					description,
				})),
			default: defaultOperation,
		};
	});
	const fields = resources.flatMap((resource) =>
		resource.operations.flatMap((operation) =>
			operation.properties.map((property) => scoped(property, resource.value, operation.value)),
		),
	);
	// Every operation talks to Mail Komplet, so Retries and Timeout is listed once, last.
	return [resourceProperty, ...operationProperties, ...fields, requestOptionsProperty];
}

export function findOperation(
	resource: string,
	operation: string,
): OperationDefinition | undefined {
	return resources
		.find((candidate) => candidate.value === resource)
		?.operations.find((candidate) => candidate.value === operation);
}
