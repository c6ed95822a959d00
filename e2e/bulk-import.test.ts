/**
 * In real n8n: a Bulk Import that replaces a mailing list (Before Import "Empty the Lists First"
 * or "Delete List Contacts First") with more contacts than one batch holds. 250 contacts at
 * Batch Size 100 used to leave only the last 50 on the list, each batch emptying it again. The
 * sandbox's stored list is the judge.
 */
import {
	executeWorkflow,
	importCredentials,
	importWorkflows,
	nodeError,
	nodeOutput,
	succeeded,
} from '../scripts/n8n/cli';
import type { WorkflowFile } from '../scripts/n8n/cli';
import { sandboxCredential } from '../scripts/n8n/sandbox';
import { selectedReleases } from '../scripts/n8n/versions';
import type { Sandbox } from '../sandbox';
import { useEnvironment } from './support/lifecycle';
import { codeIntoNodeWorkflow } from './support/workflows';

const IMPORT = 'Bulk Import';
const OLD_MEMBERS = 300;
/** 200 new contacts, then 50 of the old members again: three batches of 100, 100 and 50. */
const NEW = 200;
const KEPT = 50;

interface Replacement {
	preImportAction: 2 | 3;
	listId: number;
	/** The e-mails imported, in item order. */
	emails: string[];
	/** The list's members before the import. */
	oldEmails: string[];
	workflow: WorkflowFile;
}

/** Seeds a list of old members and builds the workflow that replaces it with `emails`. */
function replacement(sandbox: Sandbox, preImportAction: 2 | 3): Replacement {
	const listId = sandbox.store.addMailingList({
		name: `Replaced by ${preImportAction}`,
	}).mailingListId;
	const oldEmails = sandbox.store
		.addContacts(OLD_MEMBERS, { mailingListIds: [listId], domain: `stary${preImportAction}.cz` })
		.map((contact) => contact.email);
	const emails = [
		...Array.from({ length: NEW }, (_, i) => `novy.${i}@import${preImportAction}.cz`),
		...oldEmails.slice(-KEPT),
	];
	const workflow = codeIntoNodeWorkflow(
		`E2E replacing bulk import (${preImportAction})`,
		`return ${JSON.stringify(emails)}.map((email) => ({ json: { email } }));`,
		{
			name: IMPORT,
			parameters: {
				resource: 'contact',
				operation: 'bulkImport',
				mailingListIds: [String(listId)],
				preImportAction,
				options: { batchSize: 100 },
			},
		},
	);
	return { preImportAction, listId, emails, oldEmails, workflow };
}

describe.each(selectedReleases().map((release) => [release.version, release] as const))(
	'n8n %s',
	(_version, release) => {
		const env = useEnvironment({ release, label: 'bulk-import' });
		const cases: Replacement[] = [];

		beforeAll(async () => {
			const { n8n, sandbox } = env();
			sandbox.sandbox.reset('empty');
			cases.push(replacement(sandbox.sandbox, 2), replacement(sandbox.sandbox, 3));
			await importCredentials(n8n, [sandboxCredential(sandbox.client.account)]);
			await importWorkflows(
				n8n,
				cases.map((c) => c.workflow),
			);
		});

		test.each([
			['Empty the Lists First', 0],
			['Delete List Contacts First', 1],
		])(
			'"%s" with 250 contacts at Batch Size 100 leaves exactly those 250 on the list',
			async (_label, index) => {
				const { n8n, sandbox } = env();
				const { preImportAction, listId, emails, oldEmails, workflow } = cases[index];
				const { store } = sandbox.sandbox;
				const kept = new Set(emails);
				sandbox.sandbox.takeRequests();

				const execution = await executeWorkflow(n8n, workflow.id);

				expect(nodeError(execution.run, IMPORT)).toBeUndefined();
				expect(succeeded(execution)).toEqual({ status: 'success', finished: true });
				expect(
					nodeOutput(execution.run, IMPORT).map((item) => [item.status, item.contactCount]),
				).toEqual([
					['SuccessfulyFinished', 100],
					['SuccessfulyFinished', 100],
					['SuccessfulyFinished', 50],
				]);
				const members = store.membersOf(listId).map((contact) => contact.email);
				expect(members).toHaveLength(NEW + KEPT);
				expect(members.sort()).toEqual([...emails].sort());
				const gone = oldEmails.filter((email) => !kept.has(email));
				expect(gone.filter((email) => store.findContactByEmail(email)?.lists.has(listId))).toEqual(
					[],
				);
				// Empty the Lists First keeps them in the account; Delete List Contacts First deletes them.
				expect(gone.filter((email) => store.findContactByEmail(email)).length).toBe(
					preImportAction === 2 ? gone.length : 0,
				);
				// The list is emptied once, by the first batch; the other two only add.
				const uploads = sandbox.sandbox
					.takeRequests()
					.filter((request) => request.method === 'POST')
					.map((request) => (request.body as { preImportAction: number }).preImportAction);
				expect(uploads).toEqual([preImportAction, 1, 1]);
			},
		);
	},
);
