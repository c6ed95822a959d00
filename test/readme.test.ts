import { readFileSync } from 'node:fs';

import { MailKomplet } from '../nodes/MailKomplet/MailKomplet.node';
import { operationsTable, README, withTable } from '../scripts/readme';

test('the README operations table matches the node description (run `npm run docs` to refresh)', () => {
	const readme = readFileSync(README, 'utf8');
	expect(readme).toBe(withTable(readme, operationsTable(new MailKomplet().description)));
});
