import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { describeProperties, findOperation } from './actions';
import { getCustomColumnFields } from './actions/contact/customColumns';
import { asNodeError } from './helpers/errors';
import { listSearch, loadOptions } from './methods';

export class MailKomplet implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Mail Komplet',
		name: 'mailKomplet',
		icon: {
			light: 'file:../../icons/mailKomplet.svg',
			dark: 'file:../../icons/mailKomplet.dark.svg',
		},
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Manage contacts and mailing lists, send transactional e-mails and SMS, and read campaign results in Mail Komplet',
		defaults: { name: 'Mail Komplet' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'mailKompletApi', required: true }],
		properties: describeProperties(),
	};

	methods = { listSearch, loadOptions, resourceMapping: { getCustomColumnFields } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const resource = this.getNodeParameter('resource', 0) as string;
		const operationName = this.getNodeParameter('operation', 0) as string;
		const operation = findOperation(resource, operationName);
		if (!operation) {
			throw new NodeOperationError(
				this.getNode(),
				`The operation "${operationName}" is not known for resource "${resource}"`,
			);
		}
		if (operation.executeBatch && (operation.batchWhen?.call(this) ?? true)) {
			return [await operation.executeBatch.call(this, items)];
		}

		const output: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				const result = await operation.execute!.call(this, itemIndex);
				for (const json of Array.isArray(result) ? result : [result]) {
					output.push({ json, pairedItem: { item: itemIndex } });
				}
			} catch (error) {
				if (this.continueOnFail()) {
					output.push({
						json: { error: (error as Error).message } as IDataObject,
						pairedItem: { item: itemIndex },
					});
					continue;
				}
				throw asNodeError(this, error, itemIndex);
			}
		}
		return [output];
	}
}
