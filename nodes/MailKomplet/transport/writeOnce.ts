import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { asNodeError } from '../helpers/errors';
import { AmbiguousWriteError } from './apiErrors';
import type { CreateSafety, SendSafety, WriteSpec } from './endpoint';
import type { ApiRequest } from './request';
import { apiRequest } from './request';
import { timing } from './settings';

/**
 * How long a create's lookup waits before looking a second time: a create still being committed
 * when its answer was lost (a timeout, a gateway giving up) lands a moment later, and a single
 * early look would miss it and send a duplicate.
 */
export const LATE_COMMIT_MS = 2_000;

/**
 * A create that makes no duplicate when its answer is lost: the record is looked up by what
 * identifies it (`findExisting`, with the create's own item, so its credential and business
 * unit), and again after LATE_COMMIT_MS; found, it is the result; not found either time, the
 * create is sent once more. Returns the API's answer, or the found record.
 */
export async function createOnce(
	this: IExecuteFunctions,
	request: ApiRequest<WriteSpec<CreateSafety>>,
	findExisting: (this: IExecuteFunctions) => Promise<IDataObject | undefined>,
): Promise<unknown> {
	for (let sent = 1; ; sent++) {
		try {
			return await apiRequest.call(this, request);
		} catch (error) {
			if (!(error instanceof AmbiguousWriteError))
				throw asNodeError(this, error, request.itemIndex);
			// A failed lookup proves nothing either way, so it must not lead to a second create.
			const lookUp = async () => await findExisting.call(this).catch(() => error);
			let found = await lookUp();
			if (found === undefined) {
				await timing.sleep(LATE_COMMIT_MS);
				found = await lookUp();
			}
			if (found === error) throw asNodeError(this, error, request.itemIndex);
			if (found) return found;
			if (sent === 2) throw asNodeError(this, error, request.itemIndex);
		}
	}
}

/**
 * A transactional e-mail or SMS: never sent twice. When its answer is lost the item fails with
 * AmbiguousWriteError saying when it was sent and how to check (`howToCheck`), since Mail
 * Komplet has no idempotency key and a message it queued need not be listed yet.
 */
export async function sendOnce(
	this: IExecuteFunctions,
	request: ApiRequest<WriteSpec<SendSafety>>,
	howToCheck: string,
): Promise<unknown> {
	const sentAt = new Date(timing.now()).toISOString();
	try {
		return await apiRequest.call(this, request);
	} catch (error) {
		if (error instanceof AmbiguousWriteError) {
			error.description = `It was sent at ${sentAt} and not again, so it cannot go out twice. ${howToCheck} Send it again only if it is not listed.`;
		}
		throw asNodeError(this, error, request.itemIndex);
	}
}
