import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

/** One Mail Komplet webhook event, keyed by the `webhookTypeId` Mail Komplet sends. */
export interface MailKompletEvent {
	/** The `webhookTypeId` in Mail Komplet's payload. */
	id: number;
	/** Stable name written to the output's `event` field and used as the option value. */
	name: string;
	/** Human name, written to the output's `eventLabel` field and shown in the event list. */
	label: string;
	description: string;
}

/** The webhook events of Mail Komplet's API reference, section "Webhooks". */
export const MAIL_KOMPLET_EVENTS: readonly MailKompletEvent[] = [
	{
		id: 1,
		name: 'transactionalEmail.delivered',
		label: 'Transactional Email Delivered',
		description: 'A transactional email was delivered to the recipient',
	},
	{
		id: 2,
		name: 'transactionalEmail.clicked',
		label: 'Transactional Email Link Clicked',
		description: 'The recipient clicked a link in a transactional email',
	},
	{
		id: 3,
		name: 'transactionalEmail.opened',
		label: 'Transactional Email Opened',
		description: 'The recipient opened a transactional email',
	},
	{
		id: 4,
		name: 'transactionalEmail.softBounced',
		label: 'Transactional Email Soft Bounce',
		description: 'A transactional email bounced temporarily (e.g. a full mailbox)',
	},
	{
		id: 5,
		name: 'transactionalEmail.hardBounced',
		label: 'Transactional Email Hard Bounce',
		description: 'A transactional email bounced permanently (e.g. the address does not exist)',
	},
	{
		id: 6,
		name: 'transactionalEmail.unsubscribed',
		label: 'Transactional Email Unsubscribed',
		description: 'The recipient unsubscribed through a transactional email',
	},
	{
		id: 7,
		name: 'transactionalEmail.spamComplaint',
		label: 'Transactional Email Spam Complaint',
		description: 'The recipient marked a transactional email as spam',
	},
	{
		id: 8,
		name: 'marketingEmail.unsubscribed',
		label: 'Mass Email Unsubscribed',
		description: 'The recipient unsubscribed through a mass (campaign) email',
	},
];

export const ALL_EVENT_NAMES: string[] = MAIL_KOMPLET_EVENTS.map((event) => event.name);

const EVENTS_BY_ID = new Map<number, MailKompletEvent>(
	MAIL_KOMPLET_EVENTS.map((event) => [event.id, event]),
);

export function findEventById(id: number): MailKompletEvent | undefined {
	return EVENTS_BY_ID.get(id);
}

/** Options for the node's event list, sorted by name as n8n's lint expects. */
export function eventOptions(): INodePropertyOptions[] {
	return [...MAIL_KOMPLET_EVENTS]
		.sort((a, b) => a.label.localeCompare(b.label))
		.map((event) => ({ name: event.label, value: event.name, description: event.description }));
}

/**
 * The item for one event: the fields as Mail Komplet sent them, plus `event` and `eventLabel`.
 * Mail Komplet's documentation spells the sender's display name `fromDispalyName`; the
 * correctly spelled `fromDisplayName` is added beside it (the original stays, in case a
 * workflow already uses it).
 */
export function toOutputJson(payload: IDataObject, event: MailKompletEvent): IDataObject {
	const json: IDataObject = { ...payload };
	if (
		Object.prototype.hasOwnProperty.call(payload, 'fromDispalyName') &&
		!Object.prototype.hasOwnProperty.call(payload, 'fromDisplayName')
	) {
		json.fromDisplayName = payload.fromDispalyName;
	}
	json.event = event.name;
	json.eventLabel = event.label;
	return json;
}
