import { randomUUID } from 'node:crypto';
import { formatTimestamp } from './dates';
import { Clock } from './clock';
import { Table } from './table';
import type {
	BulkOperation,
	Campaign,
	CampaignGroup,
	Contact,
	ContactInput,
	CustomColumn,
	DeliveryInfo,
	Dispatcher,
	ExcludeListEntry,
	GeneratorExecution,
	MailingList,
	MarketingClick,
	MarketingEmail,
	MarketingOpen,
	Order,
	SaleCoupon,
	SaleCouponGroup,
	SubscribeRequest,
	Template,
	Timestamp,
	TransactionalClick,
	TransactionalEmail,
	TransactionalOpen,
	TransactionalSms,
} from './model';

/** How an existing contact's values are combined with incoming ones. */
export type ContactWriteMode =
	/** Fields present in the input replace stored ones (API create/update). */
	| 'partial'
	/** Non-empty incoming values replace stored ones (bulk import mode 1). */
	| 'merge'
	/** All fields are replaced; missing ones become null (bulk import mode 2). */
	| 'overwrite'
	/** Stored values are kept (bulk import mode 3). */
	| 'skip';

export interface AddContactsOptions {
	mailingListIds?: number[];
	/** Domain of the generated addresses (default example.com). */
	domain?: string;
	customColumns?: Record<string, unknown>;
}

/** Drops keys whose value is undefined so spreading a partial never erases defaults. */
function defined<T extends object>(partial: T): T {
	const out = {} as T;
	for (const key of Object.keys(partial) as Array<keyof T>) {
		if (partial[key] !== undefined) out[key] = partial[key];
	}
	return out;
}

const CONTACT_SCALARS = ['name', 'surname', 'title', 'sex', 'mobilePhone', 'company'] as const;

/**
 * The in-memory data of one Mail Komplet account. Each table starts its IDs in a different
 * range, so an ID of the wrong kind is not accidentally found.
 */
export class Store {
	readonly mailingLists = new Table<MailingList>((r) => r.mailingListId, 11601);
	readonly contacts = new Table<Contact>((r) => r.contactId, 7457801);
	readonly subscribeRequests = new Table<SubscribeRequest>((r) => r.subscribeRequestId, 81901);
	readonly templates = new Table<Template>((r) => r.templateId, 82401);
	readonly campaignGroups = new Table<CampaignGroup>((r) => r.campaignGroupId, 301);
	readonly campaigns = new Table<Campaign>((r) => r.campaignId, 26701);
	readonly dispatchers = new Table<Dispatcher>((r) => r.dispatcherId, 1601);
	readonly generatorExecutions = new Table<GeneratorExecution>(
		(r) => r.generatorExecutionId,
		81301,
	);
	readonly marketingEmails = new Table<MarketingEmail>((r) => r.emailId, 417901);
	readonly marketingOpens = new Table<MarketingOpen>((r) => r.openId, 12501);
	readonly marketingClicks = new Table<MarketingClick>((r) => r.clickId, 48001);
	readonly transactionalEmails = new Table<TransactionalEmail>((r) => r.emailId, 989201);
	readonly transactionalOpens = new Table<TransactionalOpen>((r) => r.openId, 562601);
	readonly transactionalClicks = new Table<TransactionalClick>((r) => r.clickId, 114601);
	readonly deliveryInfos = new Table<DeliveryInfo>((r) => r.deliveryInfoId, 11284301);
	readonly transactionalSms = new Table<TransactionalSms>((r) => r.smsId, 59401);
	readonly customColumns = new Table<CustomColumn>((r) => r.customColumnId, 4301);
	readonly excludeLists = new Table<ExcludeListEntry>((r) => r.excludeListId, 161201);
	readonly saleCouponGroups = new Table<SaleCouponGroup>((r) => r.couponGroupId, 1);
	readonly saleCoupons = new Table<SaleCoupon>((r) => r.couponId, 1);
	readonly orders = new Table<Order>((r) => r.recordId, 1);
	readonly bulkOperations = new Map<string, BulkOperation>();

	private readonly emailIndex = new Map<string, Contact>();
	private readonly columnIndex = new Map<string, CustomColumn>();

	constructor(
		readonly baseCrypt: string,
		/** Dates created and updated stamps. */
		readonly clock = new Clock(),
	) {}

	now(): Timestamp {
		return formatTimestamp(this.clock.date());
	}

	guid(): string {
		return randomUUID();
	}

	clear(): void {
		for (const value of Object.values(this)) {
			if (value instanceof Table) value.clear();
		}
		this.bulkOperations.clear();
		this.emailIndex.clear();
		this.columnIndex.clear();
	}

	// ---------------------------------------------------------------- mailing lists

	addMailingList(p: Partial<MailingList> & { name: string }): MailingList {
		const created = p.created ?? this.now();
		return this.mailingLists.create((id) => ({
			mailingListId: id,
			description: null,
			created,
			updated: created,
			guid: this.guid(),
			isTest: false,
			...defined(p),
		}));
	}

	/** Contacts assigned to a list (a scan of all contacts, in ID order). */
	membersOf(mailingListId: number): Contact[] {
		return this.contacts.rows.filter((c) => c.lists.has(mailingListId));
	}

	/** Deletes lists; with `unassign` false their member contacts are deleted too. */
	deleteMailingLists(ids: number[], unassign: boolean): void {
		const set = new Set(ids);
		if (!unassign) {
			this.deleteContactsWhere((c) => [...c.lists.keys()].some((id) => set.has(id)));
		}
		for (const contact of this.contacts.rows) {
			if (contact.lists.size) for (const id of set) contact.lists.delete(id);
		}
		for (const campaign of this.campaigns.rows) {
			campaign.mailingListIds = campaign.mailingListIds.filter((id) => !set.has(id));
		}
		this.mailingLists.deleteWhere((l) => set.has(l.mailingListId));
	}

	// ---------------------------------------------------------------- contacts

	findContactByEmail(email: string): Contact | undefined {
		return this.emailIndex.get(email.trim().toLowerCase());
	}

	private newContact(id: number, email: string, now: Timestamp): Contact {
		return {
			contactId: id,
			name: null,
			surname: null,
			email,
			sex: null,
			mobilePhone: null,
			company: null,
			title: null,
			created: now,
			userAgent: '',
			ipAddress: '',
			lastOpen: null,
			lastClick: null,
			dateCreated: null,
			lastUpdate: now,
			confirmed: null,
			customColumns: {},
			lists: new Map(),
		};
	}

	/** Creates a contact (the e-mail must be new). Extra record fields may be preset. */
	addContact(input: ContactInput & { email: string }, extra: Partial<Contact> = {}): Contact {
		if (this.findContactByEmail(input.email))
			throw new Error(`Contact ${input.email} already exists`);
		const now = extra.created ?? this.now();
		const contact = this.newContact(this.contacts.nextId(), input.email, now);
		this.applyContact(contact, input, 'overwrite', extra.created ?? now);
		Object.assign(contact, defined(extra));
		this.contacts.insert(contact);
		this.emailIndex.set(contact.email.toLowerCase(), contact);
		return contact;
	}

	/**
	 * Generates `count` contacts quickly (kontakt.<id>@example.com), optionally assigned to lists.
	 * Fast enough for 100,000 contacts.
	 */
	addContacts(count: number, options: AddContactsOptions = {}): Contact[] {
		const now = this.now();
		const domain = options.domain ?? 'example.com';
		const lists = options.mailingListIds ?? [];
		for (const id of lists) {
			if (!this.mailingLists.has(id)) throw new Error(`Mailing list ${id} does not exist`);
		}
		const added: Contact[] = new Array(count);
		for (let i = 0; i < count; i++) {
			const id = this.contacts.nextId();
			const email = `kontakt.${id}@${domain}`;
			if (this.emailIndex.has(email)) throw new Error(`Contact ${email} already exists`);
			const contact = this.newContact(id, email, now);
			contact.name = 'Kontakt';
			contact.surname = String(id);
			if (options.customColumns) contact.customColumns = { ...options.customColumns };
			for (const listId of lists) contact.lists.set(listId, now);
			this.contacts.insert(contact);
			this.emailIndex.set(email, contact);
			added[i] = contact;
		}
		return added;
	}

	/** Creates or updates (by e-mail) a contact; assigns it to the input's lists. */
	saveContact(
		input: ContactInput & { email: string },
		mode: ContactWriteMode,
	): { contact: Contact; created: boolean } {
		const existing = this.findContactByEmail(input.email);
		if (existing) {
			// The e-mail is the match key: the stored spelling is kept.
			this.updateContact(existing, { ...input, email: undefined }, mode);
			return { contact: existing, created: false };
		}
		return { contact: this.addContact(input), created: true };
	}

	/** Applies an update; an e-mail change must not collide (checked by the caller). */
	updateContact(contact: Contact, input: ContactInput, mode: ContactWriteMode): void {
		const oldKey = contact.email.toLowerCase();
		this.applyContact(contact, input, mode, this.now());
		const newKey = contact.email.toLowerCase();
		if (newKey !== oldKey) {
			this.emailIndex.delete(oldKey);
			this.emailIndex.set(newKey, contact);
		}
	}

	private applyContact(
		contact: Contact,
		input: ContactInput,
		mode: ContactWriteMode,
		now: Timestamp,
	): void {
		if (mode !== 'skip') {
			if (input.email !== undefined) contact.email = input.email;
			for (const key of CONTACT_SCALARS) {
				const value = input[key];
				if (mode === 'overwrite') {
					(contact as unknown as Record<string, unknown>)[key] = value ?? null;
				} else if (value !== undefined && !(mode === 'merge' && (value === null || value === ''))) {
					(contact as unknown as Record<string, unknown>)[key] = value;
				}
			}
			if (mode === 'overwrite') {
				contact.customColumns = { ...(input.customColumns ?? {}) };
			} else if (input.customColumns) {
				for (const [key, value] of Object.entries(input.customColumns)) {
					if (mode === 'merge' && (value === null || value === '')) continue;
					contact.customColumns[key] = value;
				}
			}
			contact.lastUpdate = now;
		}
		for (const listId of input.mailingListIds ?? []) {
			if (!contact.lists.has(listId)) contact.lists.set(listId, now);
		}
	}

	deleteContacts(ids: number[]): number {
		const set = new Set(ids);
		return this.deleteContactsWhere((c) => set.has(c.contactId));
	}

	private deleteContactsWhere(predicate: (c: Contact) => boolean): number {
		return this.contacts.deleteWhere((c) => {
			if (!predicate(c)) return false;
			this.emailIndex.delete(c.email.toLowerCase());
			return true;
		});
	}

	// ---------------------------------------------------------------- custom columns

	/** Finds a column by name or originalName (`cc_` prefix), ignoring case. */
	findCustomColumn(name: string): CustomColumn | undefined {
		return this.columnIndex.get(name.toLowerCase());
	}

	addCustomColumn(p: Partial<CustomColumn> & { name: string; dataTypeId: number }): CustomColumn {
		const order = this.customColumns.rows.reduce((max, c) => Math.max(max, c.order), 0) + 1;
		const column = this.customColumns.create((id) => ({
			customColumnId: id,
			customColumnTypeId: 1,
			customColumnGroupId: null,
			caption: null,
			description: null,
			defaultValue: null,
			minValue: null,
			maxValue: null,
			required: false,
			unique: false,
			disabled: false,
			precision: null,
			system: false,
			order,
			deleted: null,
			size: null,
			...defined(p),
			originalName: `cc_${p.name}`,
		}));
		this.indexColumn(column);
		return column;
	}

	/** Renames a column and moves the contacts' stored values to the new key. */
	renameCustomColumn(column: CustomColumn, name: string): void {
		const oldKey = column.originalName;
		this.unindexColumn(column);
		column.name = name;
		column.originalName = `cc_${name}`;
		this.indexColumn(column);
		for (const contact of this.contacts.rows) {
			if (oldKey in contact.customColumns) {
				contact.customColumns[column.originalName] = contact.customColumns[oldKey];
				delete contact.customColumns[oldKey];
			}
		}
	}

	deleteCustomColumn(column: CustomColumn): void {
		this.unindexColumn(column);
		this.customColumns.delete(column.customColumnId);
		for (const contact of this.contacts.rows) {
			if (column.originalName in contact.customColumns)
				delete contact.customColumns[column.originalName];
		}
	}

	private indexColumn(column: CustomColumn): void {
		this.columnIndex.set(column.name.toLowerCase(), column);
		this.columnIndex.set(column.originalName.toLowerCase(), column);
	}

	private unindexColumn(column: CustomColumn): void {
		this.columnIndex.delete(column.name.toLowerCase());
		this.columnIndex.delete(column.originalName.toLowerCase());
	}

	// ---------------------------------------------------------------- templates, campaigns, dispatchers

	addTemplate(p: Partial<Template> & { name: string }): Template {
		const created = p.created ?? this.now();
		return this.templates.create((id) => ({
			templateId: id,
			created,
			updated: created,
			subject: p.name,
			isCampaignBound: false,
			isHtml: true,
			type: 2,
			body: '',
			bodyAlternative: null,
			templateThumbnailUrl: `https://admin.mail-komplet.cz//api/${this.baseCrypt}/thumbnail/?templateId=${id}&t=37`,
			useWysiwyg: true,
			...defined(p),
		}));
	}

	addCampaignGroup(p: Partial<CampaignGroup> & { name: string }): CampaignGroup {
		return this.campaignGroups.create((id) => ({
			campaignGroupId: id,
			color: '#3E50B4',
			...defined(p),
		}));
	}

	addCampaign(p: Partial<Campaign> & { name: string; mailFromAddress: string }): Campaign {
		return this.campaigns.create((id) => ({
			campaignId: id,
			campaignGroupId: null,
			templateId: null,
			dispatcherId: null,
			description: null,
			webTrackParam: null,
			senderDisplayName: p.mailFromDisplayName ?? null,
			senderEmail: p.mailFromAddress,
			mailFromDisplayName: null,
			replyToDisplayName: null,
			replyToAddress: null,
			insertTrackingImage: true,
			ignoreExcludeList: false,
			useWysiwyg: true,
			autoLinkTracking: true,
			unsubscribeTypeId: 2,
			status: 2,
			schedulerId: null,
			nextRunTime: null,
			campaignType: 1,
			created: this.now(),
			mailingListIds: [],
			...defined(p),
		}));
	}

	addDispatcher(p: Partial<Dispatcher> = {}): Dispatcher {
		return this.dispatchers.create((id) => ({
			dispatcherId: id,
			status: 2,
			genericDispatcherId: 1,
			genericDispatcherDomain: 'm1.mail-komplet.cz',
			name: '',
			title: 'http://m1.mail-komplet.cz/m/',
			url: 'http://m1.mail-komplet.cz/m/',
			useHttps: false,
			subscribeReturnUrl: '',
			unsubscribeReturnUrl: '',
			useSubscribeAuthentication: false,
			sendSubscribeAuthenticationFormReturnUrl: '',
			subscribeCampaignId: null,
			useSendWelcomeMail: false,
			welcomeCampaignId: null,
			useUnsubscribeAuthentication: false,
			unsubscribeAuthenticationReturnUrl: '',
			sendUnsubscribeAuthenticationFormReturnUrl: '',
			useFeedback: false,
			feedback: null,
			feedbackUrl: null,
			domainRewrite: '',
			cnameRecord: null,
			useIdentifier: false,
			...defined(p),
		}));
	}

	// ---------------------------------------------------------------- distributions and marketing e-mails

	addGeneratorExecution(
		p: Partial<GeneratorExecution> & { campaignId: number },
	): GeneratorExecution {
		const created = p.created ?? this.now();
		return this.generatorExecutions.create((id) => ({
			generatorExecutionId: id,
			status: 1,
			phase: 1,
			spentCredits: 0,
			totalCount: 0,
			deliveryCount: 0,
			clickCount: 0,
			clickCountTotal: 0,
			openCount: 0,
			openCountTotal: 0,
			unsubscribeCount: 0,
			softBounceCount: 0,
			hardBounceCount: 0,
			smsPrice: 0,
			created,
			executed: null,
			isTesting: false,
			...defined(p),
		}));
	}

	addMarketingEmail(
		p: Partial<MarketingEmail> & {
			generatorExecutionId: number;
			campaignId: number;
			fromAddress: string;
			toAddress: string;
		},
	): MarketingEmail {
		const created = p.created ?? this.now();
		return this.marketingEmails.create((id) => ({
			emailId: id,
			created,
			sent: created,
			delivered: created,
			toDisplayName: null,
			guid: this.guid(),
			variant: 0,
			metadata: null,
			...defined(p),
		}));
	}

	addMarketingOpen(email: MarketingEmail, p: Partial<MarketingOpen> = {}): MarketingOpen {
		return this.marketingOpens.create((id) => ({
			openId: id,
			emailId: email.emailId,
			campaignId: email.campaignId,
			generatorExecutionId: email.generatorExecutionId,
			created: this.now(),
			toAddress: email.toAddress,
			ipAddress: '80.95.120.66',
			userAgent: 'Mozilla/4.0 (compatible; ms-office; MSOffice 16)',
			variant: String(email.variant),
			...defined(p),
		}));
	}

	addMarketingClick(
		email: MarketingEmail,
		p: Partial<MarketingClick> & { linkUrl: string },
	): MarketingClick {
		return this.marketingClicks.create((id) => ({
			clickId: id,
			emailId: email.emailId,
			campaignId: email.campaignId,
			generatorExecutionId: email.generatorExecutionId,
			created: this.now(),
			toAddress: email.toAddress,
			linkIndex: 1,
			ipAddress: '80.95.120.66',
			userAgent:
				'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36',
			...defined(p),
		}));
	}

	// ---------------------------------------------------------------- transactional e-mails and SMS

	addTransactionalEmail(
		p: Partial<TransactionalEmail> & { fromAddress: string; toAddress: string; subject: string },
	): TransactionalEmail {
		const created = p.created ?? this.now();
		return this.transactionalEmails.create((id) => ({
			emailId: id,
			queuePriority: 3,
			phase: 0,
			state: 1,
			created,
			sendAt: created,
			sent: null,
			delivered: null,
			fromDisplayName: null,
			toDisplayName: null,
			bodyFormat: true,
			emlSize: 2048,
			result: null,
			opened: null,
			clicked: null,
			softBounced: null,
			hardBounced: null,
			isBulk: false,
			unsubscribed: null,
			reportedAsSpam: null,
			guid: this.guid(),
			tags: null,
			isClicked: 0,
			isOpened: 0,
			campaignId: null,
			replyTo: null,
			trackOpens: true,
			trackClicks: true,
			attachmentCount: 0,
			...defined(p),
		}));
	}

	/** Marks a transactional e-mail sent and delivered (state 2, phase 2). */
	deliverTransactionalEmail(email: TransactionalEmail, at: Timestamp = this.now()): void {
		email.state = 2;
		email.phase = 2;
		email.sent = email.sent ?? at;
		email.delivered = at;
	}

	addTransactionalOpen(
		email: TransactionalEmail,
		p: Partial<TransactionalOpen> = {},
	): TransactionalOpen {
		const open = this.transactionalOpens.create((id) => ({
			openId: id,
			emailId: email.emailId,
			created: this.now(),
			toAddress: email.toAddress,
			ipAddress: '80.95.120.66',
			userAgent: 'Mozilla/4.0 (compatible; ms-office; MSOffice 16)',
			...defined(p),
		}));
		email.isOpened = 1;
		email.opened = email.opened ?? open.created;
		return open;
	}

	addTransactionalClick(
		email: TransactionalEmail,
		p: Partial<TransactionalClick> & { linkUrl: string },
	): TransactionalClick {
		const click = this.transactionalClicks.create((id) => ({
			clickId: id,
			emailId: email.emailId,
			created: this.now(),
			toAddress: email.toAddress,
			linkIndex: 1,
			ipAddress: '80.95.120.66',
			userAgent:
				'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36',
			...defined(p),
		}));
		email.isClicked = 1;
		email.clicked = email.clicked ?? click.created;
		return click;
	}

	/** Records a bounce; a 5.x.x status is a hard bounce, anything else a soft one. */
	addDeliveryInfo(
		email: TransactionalEmail,
		p: Partial<DeliveryInfo> & { dsnStatus: string; dsnInfo: string },
	): DeliveryInfo {
		const info = this.deliveryInfos.create((id) => ({
			deliveryInfoId: id,
			guid: email.guid,
			emailId: email.emailId,
			email: email.toAddress,
			created: this.now(),
			...defined(p),
		}));
		if (info.dsnStatus.startsWith('5')) {
			email.hardBounced = true;
			email.state = 3;
			email.result = info.dsnInfo;
		} else {
			email.softBounced = true;
		}
		return info;
	}

	addTransactionalSms(
		p: Partial<TransactionalSms> & { to: string; text: string },
	): TransactionalSms {
		const created = p.created ?? this.now();
		return this.transactionalSms.create((id) => ({
			smsId: id,
			state: 2,
			queuePriority: 3,
			created,
			due: created,
			sent: null,
			received: null,
			smsGroupId: null,
			guid: this.guid(),
			price: 0.8,
			...defined(p),
		}));
	}

	// ---------------------------------------------------------------- orders

	addOrder(p: Omit<Order, 'recordId' | 'received'>): Order {
		return this.orders.create((id) => ({ recordId: id, received: this.now(), ...p }));
	}

	// ---------------------------------------------------------------- exclude lists and coupons

	addExcludeListEntry(p: Partial<ExcludeListEntry> & { email: string }): ExcludeListEntry {
		return this.excludeLists.create((id) => ({
			excludeListId: id,
			mailingListId: null,
			campaignId: null,
			createdDate: this.now(),
			reason: null,
			sourceGeneratorExecutionId: null,
			origin: 2,
			reasonId: 1,
			bounceTypeId: null,
			deliveryInfoErrorCode: null,
			validFrom: null,
			validTo: null,
			variant: 0,
			sourceCampaignId: null,
			sourceTransactionalEmailId: null,
			sourceMarketingEmailId: null,
			isSpamComplaint: false,
			...defined(p),
		}));
	}

	addSaleCouponGroup(
		p: Partial<SaleCouponGroup> & { name: string; color: string },
	): SaleCouponGroup {
		return this.saleCouponGroups.create((id) => ({ couponGroupId: id, ...defined(p) }));
	}

	addSaleCoupon(p: Partial<SaleCoupon> & { couponGroupId: number; coupon: string }): SaleCoupon {
		return this.saleCoupons.create((id) => ({
			couponId: id,
			mailId: null,
			generatorExecutionId: null,
			transactionalEmailId: null,
			transactionalEmailGuid: null,
			email: null,
			created: this.now(),
			validity: null,
			sent: null,
			...defined(p),
		}));
	}

	addSubscribeRequest(
		p: Omit<SubscribeRequest, 'subscribeRequestId' | 'created'>,
	): SubscribeRequest {
		return this.subscribeRequests.create((id) => ({
			subscribeRequestId: id,
			created: this.now(),
			...p,
		}));
	}
}
