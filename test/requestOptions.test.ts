import type { INodeProperties } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { resources } from '../nodes/MailKomplet/actions';
import { requestOptionsProperty } from '../nodes/MailKomplet/actions/requestOptions.descriptions';
import { REQUEST_OPTION_LABELS } from '../nodes/MailKomplet/transport/settings';

const options = requestOptionsProperty.options as INodeProperties[];

describe('Retries and Timeout', () => {
	it('errors about an option name it as the editor shows it', () => {
		const shown = Object.fromEntries(options.map((o) => [o.name, o.displayName]));

		expect(REQUEST_OPTION_LABELS).toEqual(shown);
	});

	it('shows Parallel Requests only where items run one request each', () => {
		const parallelRequests = options.find((o) => o.name === 'parallelRequests')!;
		// The editor's own rule; '/name' conditions read the node's parameters (the root values).
		const shownFor = (root: Record<string, string>) =>
			NodeHelpers.displayParameter({}, parallelRequests, { typeVersion: 1.1 }, null, root);
		const where = resources.flatMap((resource) =>
			resource.operations.flatMap((operation) => {
				const modes = operation.runs === 'byParameter' ? ['perItem', 'batch'] : [operation.runs];
				return modes.map((mode) => ({
					operation: `${resource.value}.${operation.value}${operation.runs === 'byParameter' ? ` (${mode})` : ''}`,
					perItem: mode === 'perItem',
					shown: shownFor({
						resource: resource.value,
						operation: operation.value,
						...(operation.runs === 'byParameter'
							? { sendMode: mode === 'batch' ? 'batch' : 'perItem' }
							: {}),
					}),
				}));
			}),
		);

		expect(where.filter((w) => w.shown !== w.perItem)).toEqual([]);
	});
});
