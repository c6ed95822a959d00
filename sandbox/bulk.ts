import { ApiError, badRequest } from './errors';
import type { BulkOperation, BulkStatus, ContactInput } from './model';
import { readContactInput, readMailingListIds } from './routes/contactInput';
import type { ContactWriteMode, Store } from './store';
import { BodyReader, isPlainObject } from './validate';

/**
 * Bulk import of contacts (POST /contacts/bulk + GET /contacts/getBulkInfo).
 * Structurally bad requests are refused at once (400); problems in single rows are only
 * reported when the import ends (status Error, nothing imported), as an asynchronous import does.
 * Imports run later, one after another in the order they were accepted, and preImportAction 2
 * and 3 empty the lists when their import runs ("during import"), not when it is accepted: two
 * replacing imports queued together leave only the second one's contacts.
 */

const WRITE_MODES: Record<1 | 2 | 3, ContactWriteMode> = { 1: 'merge', 2: 'overwrite', 3: 'skip' };

export function acceptBulkImport(store: Store, body: unknown): BulkOperation {
	const reader = BodyReader.root(body);
	const preImportAction = reader.requiredInt('preImportAction', { min: 1, max: 3 }) as 1 | 2 | 3;
	const contactOverwriteMode = reader.requiredInt('contactOverwriteMode', { min: 1, max: 3 }) as
		| 1
		| 2
		| 3;
	const mailingListIds = readMailingListIds(reader, store) ?? [];
	if (preImportAction !== 1 && mailingListIds.length === 0) {
		throw badRequest(
			`The mailingListIds field is required when preImportAction is ${preImportAction}.`,
		);
	}
	const contacts = reader.requiredArray('contacts');
	const rows: ContactInput[] = [];
	const rowErrors: string[] = [];
	contacts.forEach((row, i) => {
		const field = `contacts[${i}]`;
		if (!isPlainObject(row)) throw badRequest(`The ${field} field must be an object.`);
		try {
			rows.push(readContactInput(BodyReader.nested(row, field), store, true));
		} catch (error) {
			if (!(error instanceof ApiError)) throw error;
			rowErrors.push(`Row ${i + 1}: ${error.message}`);
		}
	});
	const operation: BulkOperation = {
		operationId: store.guid(),
		created: store.now(),
		preImportAction,
		contactOverwriteMode,
		mailingListIds,
		rows,
		rowErrors,
		polls: 0,
		finalStatus: null,
		errors: null,
		errorMessage: null,
		result: null,
	};
	store.bulkOperations.set(operation.operationId, operation);
	return operation;
}

export interface BulkInfo {
	status: BulkStatus;
	errors: string | null;
	errorMessage: string | null;
}

/**
 * One poll: Queued and Processing last `pollsPerPhase` polls each, then the import runs, after
 * every import accepted before it (which would have run meanwhile, polled or not).
 */
export function pollBulkOperation(
	store: Store,
	operation: BulkOperation,
	pollsPerPhase: number,
): BulkInfo {
	operation.polls++;
	if (operation.finalStatus === null) {
		if (operation.polls <= pollsPerPhase)
			return { status: 'Queued', errors: null, errorMessage: null };
		if (operation.polls <= 2 * pollsPerPhase)
			return { status: 'Processing', errors: null, errorMessage: null };
		for (const queued of store.bulkOperations.values()) {
			finishBulkOperation(store, queued);
			if (queued === operation) break;
		}
	}
	return {
		status: operation.finalStatus ?? 'Error',
		errors: operation.errors,
		errorMessage: operation.errorMessage,
	};
}

/** Runs the import (or fails it when rows were invalid). Idempotent. */
export function finishBulkOperation(store: Store, operation: BulkOperation): void {
	if (operation.finalStatus !== null) return;
	const { rowErrors, rows } = operation;
	if (rowErrors.length) {
		operation.finalStatus = 'Error';
		operation.errors = rowErrors.join('\n');
		operation.errorMessage = `Import failed: ${rowErrors.length} of ${rows.length + rowErrors.length} rows are invalid, nothing was imported. ${rowErrors[0]}`;
		return;
	}
	const lists = operation.mailingListIds;
	const chosen = new Set(lists);
	const inChosen = (ids: Iterable<number>): boolean => [...ids].some((id) => chosen.has(id));
	if (operation.preImportAction === 2) {
		for (const contact of store.contacts.rows) for (const id of lists) contact.lists.delete(id);
	} else if (operation.preImportAction === 3) {
		store.deleteContacts(
			store.contacts.rows.filter((c) => inChosen(c.lists.keys())).map((c) => c.contactId),
		);
	}
	const mode = WRITE_MODES[operation.contactOverwriteMode];
	const result = { created: 0, updated: 0, skipped: 0 };
	for (const row of rows) {
		const email = row.email as string;
		const input: ContactInput = {
			...row,
			mailingListIds: [...new Set([...lists, ...(row.mailingListIds ?? [])])],
		};
		const existing = store.findContactByEmail(email);
		if (!existing) {
			store.addContact({ ...input, email });
			result.created++;
		} else if (operation.preImportAction === 1 && inChosen(existing.lists.keys())) {
			result.skipped++;
		} else {
			store.updateContact(existing, { ...input, email: undefined }, mode);
			if (mode === 'skip') result.skipped++;
			else result.updated++;
		}
	}
	operation.result = result;
	operation.finalStatus = 'SuccessfulyFinished';
}
