import type { INodeProperties } from 'n8n-workflow';

import { REQUEST_LIMITS } from '../transport';

/** The "Retries and Timeout" options; every operation offers them. */
export const requestOptionsProperty: INodeProperties = {
	displayName: 'Retries and Timeout',
	name: 'requestOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	description:
		'How often and how long to retry when Mail Komplet is busy or the connection fails. Only requests that are safe to repeat are repeated.',
	options: [
		{
			displayName: 'First Retry Delay (Ms)',
			name: 'retryDelayMs',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 1000,
			description:
				'How long to wait before the second try when Mail Komplet does not say (Retry-After); each further wait doubles, with some randomness',
		},
		{
			displayName: 'Max Total Wait (Seconds)',
			name: 'maxWaitSeconds',
			type: 'number',
			typeOptions: {
				minValue: REQUEST_LIMITS.maxWaitSeconds.min,
				maxValue: REQUEST_LIMITS.maxWaitSeconds.max,
			},
			default: 60,
			description:
				'Longest time to spend waiting between tries of one request; a Retry-After longer than what is left ends the retries',
		},
		{
			displayName: 'Max Tries',
			name: 'maxTries',
			type: 'number',
			typeOptions: { minValue: REQUEST_LIMITS.maxTries.min, maxValue: REQUEST_LIMITS.maxTries.max },
			default: 5,
			description: 'How many times one request is sent at most, the first time included',
		},
		{
			displayName: 'Pages in Parallel',
			name: 'pageConcurrency',
			type: 'number',
			typeOptions: {
				minValue: REQUEST_LIMITS.pageConcurrency.min,
				maxValue: REQUEST_LIMITS.pageConcurrency.max,
			},
			default: 4,
			displayOptions: { show: { '/returnAll': [true] } },
			description:
				"For Get Many with Return All: how many pages to read at the same time after the first page has told how many there are. Output keeps the server's order; 1 reads the pages one after another.",
		},
		{
			displayName: 'Parallel Requests',
			name: 'parallelRequests',
			type: 'number',
			typeOptions: {
				minValue: REQUEST_LIMITS.parallelRequests.min,
				maxValue: REQUEST_LIMITS.parallelRequests.max,
			},
			default: 1,
			// Operations that send all items in few requests have nothing to run side by side.
			displayOptions: {
				hide: { '/operation': ['bulkImport'], '/sendMode': ['batch'], '/resource': ['order'] },
			},
			description:
				'How many items to send to Mail Komplet at once; 1 sends one after another. Output keeps the input order and sends and creates are never repeated; when an item fails, the items already under way still finish.',
		},
		{
			displayName: 'Timeout (Ms)',
			name: 'timeoutMs',
			type: 'number',
			typeOptions: {
				minValue: REQUEST_LIMITS.timeoutMs.min,
				maxValue: REQUEST_LIMITS.timeoutMs.max,
			},
			default: 120000,
			description:
				'How long to wait for an answer to one request. A read that times out is retried; a send that times out is reported, never sent again.',
		},
	],
};
