import type { INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';

/**
 * Many items sending transactional e-mails, for the Retry On Fail and Parallel Requests specs
 * and their e2e counterparts (so nothing here needs jest).
 */

export const address = (n: number) => `prijemce.${n}@example.cz`;

/** Items 0..count-1, each with the address of its number. */
export const recipients = (count: number) =>
	Array.from({ length: count }, (_, n) => ({ json: { email: address(n) } }));

/** from, from + 1, ..., to. */
export const range = (from: number, to: number) =>
	Array.from({ length: to - from + 1 }, (_, index) => from + index);

/** Transactional Email > Send, one e-mail per item to its address. */
export const sendEmail = (requestOptions: INodeParameters = {}): INodeParameters => ({
	resource: 'transactionalEmail',
	operation: 'send',
	fromAddress: 'shop@webkomplet.cz',
	to: '={{ $json.email }}',
	subject: 'Your order',
	bodyText: 'Thank you',
	requestOptions,
});

/** The recipients of each e-mail POST the sandbox received, in order (comma-separated per request). */
export const emailsPosted = (sandbox: Sandbox) =>
	sandbox
		.takeRequests()
		.filter((request) => request.method === 'POST')
		.map((request) => {
			const { email } = request.body as { email: { to: Array<{ address: string }> } };
			return email.to.map((to) => to.address).join(',');
		});

/** How many e-mails Mail Komplet holds for each recipient. */
export const emailsStored = (sandbox: Sandbox) => {
	const count: Record<string, number> = {};
	for (const email of sandbox.store.transactionalEmails.rows) {
		count[email.toAddress] = (count[email.toAddress] ?? 0) + 1;
	}
	return count;
};

/** One e-mail for each of these item numbers. */
export const once = (numbers: number[]) => Object.fromEntries(numbers.map((n) => [address(n), 1]));
