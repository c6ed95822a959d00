import type { INodeProperties } from 'n8n-workflow';

import { requestOptionsProperty } from '../nodes/MailKomplet/actions/requestOptions.descriptions';
import { REQUEST_OPTION_LABELS } from '../nodes/MailKomplet/transport/settings';

describe('Retries and Timeout', () => {
	it('errors about an option name it as the editor shows it', () => {
		const shown = Object.fromEntries(
			(requestOptionsProperty.options as INodeProperties[]).map((o) => [o.name, o.displayName]),
		);

		expect(REQUEST_OPTION_LABELS).toEqual(shown);
	});
});
