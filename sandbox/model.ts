/**
 * Records of the in-memory Mail Komplet account. Field names follow the vendor's REST
 * documentation; `*_FIELDS` lists give the documented response fields in the documented order.
 */

export type Timestamp = string;

export interface MailingList {
	mailingListId: number;
	name: string;
	description: string | null;
	created: Timestamp;
	updated: Timestamp | null;
	guid: string;
	isTest: boolean;
}

export type CustomValues = Record<string, unknown>;

export interface Contact {
	contactId: number;
	name: string | null;
	surname: string | null;
	email: string;
	sex: boolean | null;
	mobilePhone: string | null;
	company: string | null;
	title: string | null;
	created: Timestamp;
	userAgent: string;
	ipAddress: string;
	lastOpen: Timestamp | null;
	lastClick: Timestamp | null;
	dateCreated: Timestamp | null;
	lastUpdate: Timestamp | null;
	confirmed: boolean | null;
	/** Values keyed by the column's originalName (`cc_<name>`). */
	customColumns: CustomValues;
	/** Mailing list ID -> date of assignment. */
	lists: Map<number, Timestamp>;
}

export const CONTACT_FIELDS = [
	'customColumns',
	'contactId',
	'name',
	'surname',
	'email',
	'sex',
	'mobilePhone',
	'company',
	'title',
	'created',
	'userAgent',
	'ipAddress',
	'lastOpen',
	'lastClick',
	'dateCreated',
	'lastUpdate',
	'confirmed',
] as const;

export interface SubscribeRequest {
	subscribeRequestId: number;
	dispatcherId: number;
	email: string;
	created: Timestamp;
	/** Set once the contact exists (at once when the dispatcher does not ask for confirmation). */
	contactId: number | null;
	confirmed: boolean;
	payload: Record<string, unknown>;
}

export interface Template {
	templateId: number;
	created: Timestamp;
	updated: Timestamp | null;
	name: string;
	subject: string;
	isCampaignBound: boolean;
	isHtml: boolean;
	type: 1 | 2 | 3;
	body: string;
	bodyAlternative: string | null;
	templateThumbnailUrl: string;
	useWysiwyg: boolean;
}

export interface CampaignGroup {
	campaignGroupId: number;
	name: string;
	color: string;
}

export interface Campaign {
	campaignId: number;
	campaignGroupId: number | null;
	templateId: number | null;
	dispatcherId: number | null;
	name: string;
	description: string | null;
	webTrackParam: string | null;
	senderDisplayName: string | null;
	senderEmail: string | null;
	mailFromDisplayName: string | null;
	mailFromAddress: string;
	replyToDisplayName: string | null;
	replyToAddress: string | null;
	insertTrackingImage: boolean;
	ignoreExcludeList: boolean;
	useWysiwyg: boolean;
	autoLinkTracking: boolean;
	unsubscribeTypeId: 1 | 2 | 3;
	status: number;
	schedulerId: number | null;
	nextRunTime: Timestamp | null;
	campaignType: 1 | 2 | 3 | 4;
	created: Timestamp;
	/** Mailing lists the campaign sends to (not part of any response). */
	mailingListIds: number[];
}

export const CAMPAIGN_LIST_FIELDS = [
	'campaignId',
	'templateId',
	'name',
	'description',
	'insertTrackingImage',
	'ignoreExcludeList',
	'useWysiwyg',
	'autoLinkTracking',
	'status',
	'schedulerId',
	'nextRunTime',
	'mailFromDisplayName',
	'mailFromAddress',
	'replyToDisplayName',
	'replyToAddress',
] as const;

export const CAMPAIGN_DETAIL_FIELDS = [
	'campaignId',
	'campaignGroupId',
	'name',
	'description',
	'webTrackParam',
	'senderDisplayName',
	'senderEmail',
	'mailFromDisplayName',
	'mailFromAddress',
	'replyToDisplayName',
	'replyToAddress',
	'insertTrackingImage',
	'ignoreExcludeList',
	'autoLinkTracking',
	'unsubscribeTypeId',
	'dispatcherId',
	'templateId',
	'useWysiwyg',
	'campaignType',
] as const;

export interface Dispatcher {
	dispatcherId: number;
	status: 0 | 1 | 2;
	genericDispatcherId: number;
	genericDispatcherDomain: string;
	name: string;
	title: string;
	url: string;
	useHttps: boolean;
	subscribeReturnUrl: string;
	unsubscribeReturnUrl: string;
	useSubscribeAuthentication: boolean;
	sendSubscribeAuthenticationFormReturnUrl: string;
	subscribeCampaignId: number | null;
	useSendWelcomeMail: boolean;
	welcomeCampaignId: number | null;
	useUnsubscribeAuthentication: boolean;
	unsubscribeAuthenticationReturnUrl: string;
	sendUnsubscribeAuthenticationFormReturnUrl: string;
	useFeedback: boolean;
	feedback: string | null;
	feedbackUrl: string | null;
	domainRewrite: string;
	cnameRecord: string | null;
	useIdentifier: boolean;
}

/** A distribution; ratios and campaign names are derived when read. */
export interface GeneratorExecution {
	generatorExecutionId: number;
	campaignId: number;
	status: number;
	phase: number;
	spentCredits: number;
	totalCount: number;
	deliveryCount: number;
	clickCount: number;
	clickCountTotal: number;
	openCount: number;
	openCountTotal: number;
	unsubscribeCount: number;
	softBounceCount: number;
	hardBounceCount: number;
	smsPrice: number;
	created: Timestamp;
	executed: Timestamp | null;
	isTesting: boolean;
}

export interface MarketingEmail {
	emailId: number;
	campaignId: number;
	generatorExecutionId: number;
	created: Timestamp;
	sent: Timestamp | null;
	delivered: Timestamp | null;
	fromAddress: string;
	toAddress: string;
	toDisplayName: string | null;
	guid: string;
	variant: number;
	metadata: string | null;
}

export const MARKETING_EMAIL_FIELDS = [
	'emailId',
	'campaignId',
	'generatorExecutionId',
	'created',
	'sent',
	'delivered',
	'fromAddress',
	'toAddress',
	'toDisplayName',
	'guid',
	'variant',
	'metadata',
] as const;

export interface MarketingOpen {
	openId: number;
	emailId: number;
	campaignId: number;
	generatorExecutionId: number;
	created: Timestamp;
	toAddress: string;
	ipAddress: string;
	userAgent: string;
	/** The documentation's example shows the variant as a string. */
	variant: string;
}

export interface MarketingClick {
	clickId: number;
	emailId: number;
	campaignId: number;
	generatorExecutionId: number;
	created: Timestamp;
	toAddress: string;
	linkUrl: string;
	linkIndex: number;
	ipAddress: string;
	userAgent: string;
}

export interface TransactionalEmail {
	emailId: number;
	queuePriority: number;
	phase: number;
	state: number;
	created: Timestamp;
	sendAt: Timestamp;
	sent: Timestamp | null;
	delivered: Timestamp | null;
	fromAddress: string;
	fromDisplayName: string | null;
	toAddress: string;
	toDisplayName: string | null;
	subject: string;
	bodyFormat: boolean;
	emlSize: number;
	result: string | null;
	opened: Timestamp | null;
	clicked: Timestamp | null;
	softBounced: boolean | null;
	hardBounced: boolean | null;
	isBulk: boolean;
	unsubscribed: Timestamp | null;
	reportedAsSpam: Timestamp | null;
	guid: string;
	tags: string | null;
	isClicked: 0 | 1;
	isOpened: 0 | 1;
	/** Not part of responses. */
	campaignId: number | null;
	/** The e-mail's Reply-To (email.replyTo, not in the reference); not part of responses. */
	replyTo: string | null;
	trackOpens: boolean;
	trackClicks: boolean;
	attachmentCount: number;
}

export const TRANSACTIONAL_EMAIL_FIELDS = [
	'emailId',
	'queuePriority',
	'phase',
	'state',
	'created',
	'sendAt',
	'sent',
	'delivered',
	'fromAddress',
	'fromDisplayName',
	'toAddress',
	'toDisplayName',
	'subject',
	'bodyFormat',
	'emlSize',
	'result',
	'opened',
	'clicked',
	'softBounced',
	'hardBounced',
	'isBulk',
	'unsubscribed',
	'reportedAsSpam',
	'guid',
	'tags',
	'isClicked',
	'isOpened',
] as const;

export interface TransactionalOpen {
	openId: number;
	emailId: number;
	created: Timestamp;
	toAddress: string;
	ipAddress: string;
	userAgent: string;
}

export interface TransactionalClick {
	clickId: number;
	emailId: number;
	created: Timestamp;
	toAddress: string;
	linkUrl: string;
	linkIndex: number;
	ipAddress: string;
	userAgent: string;
}

/** Bounce information (delivery status notification) of a transactional e-mail. */
export interface DeliveryInfo {
	deliveryInfoId: number;
	guid: string;
	emailId: number;
	email: string;
	created: Timestamp;
	dsnInfo: string;
	dsnStatus: string;
}

/** A line of an order, as the vendor's WooCommerce plugin 1.1.2 sends it. */
export interface OrderItem {
	name: string;
	amount: number;
	category: string | null;
	/** Unit price. */
	price: number | null;
	productUrl: string | null;
}

/**
 * An order received by POST /orders/json (not in the reference; the vendor's e-shop plugins
 * send it). Kept once per order received: whether the real API replaces an order by orderId
 * is unknown, so a repeat shows here as a second record.
 */
export interface Order {
	/** The sandbox's own number for the record; the API returns nothing. */
	recordId: number;
	received: Timestamp;
	email: string;
	orderId: number;
	created: Timestamp;
	finished: Timestamp | null;
	totalPrice: number | null;
	items: OrderItem[];
}

export interface TransactionalSms {
	smsId: number;
	state: number;
	queuePriority: number;
	to: string;
	created: Timestamp;
	due: Timestamp;
	sent: Timestamp | null;
	received: Timestamp | null;
	text: string;
	smsGroupId: number | null;
	guid: string;
	price: number;
}

export interface CustomColumn {
	customColumnId: number;
	customColumnTypeId: number;
	customColumnGroupId: number | null;
	dataTypeId: number;
	name: string;
	caption: string | null;
	description: string | null;
	defaultValue: string | null;
	minValue: unknown;
	maxValue: unknown;
	required: boolean;
	unique: boolean;
	disabled: boolean;
	precision: number | null;
	system: boolean;
	order: number;
	deleted: Timestamp | null;
	size: number | null;
	originalName: string;
}

export interface ExcludeListEntry {
	excludeListId: number;
	mailingListId: number | null;
	campaignId: number | null;
	email: string;
	createdDate: Timestamp;
	reason: string | null;
	sourceGeneratorExecutionId: number | null;
	origin: 1 | 2 | 3 | 4;
	reasonId: 1 | 2;
	bounceTypeId: 1 | 2 | null;
	deliveryInfoErrorCode: string | null;
	validFrom: Timestamp | null;
	validTo: Timestamp | null;
	variant: number;
	sourceCampaignId: number | null;
	sourceTransactionalEmailId: number | null;
	sourceMarketingEmailId: number | null;
	/** A complaint (feedback loop) rather than an unsubscription; not part of responses. */
	isSpamComplaint: boolean;
}

export const EXCLUDE_LIST_FIELDS = [
	'excludeListId',
	'mailingListId',
	'campaignId',
	'email',
	'createdDate',
	'reason',
	'sourceGeneratorExecutionId',
	'origin',
	'reasonId',
	'bounceTypeId',
	'deliveryInfoErrorCode',
	'validFrom',
	'validTo',
	'variant',
	'sourceCampaignId',
	'sourceTransactionalEmailId',
	'sourceMarketingEmailId',
] as const;

export interface SaleCouponGroup {
	couponGroupId: number;
	name: string;
	color: string;
}

export interface SaleCoupon {
	couponId: number;
	couponGroupId: number;
	mailId: number | null;
	generatorExecutionId: number | null;
	transactionalEmailId: number | null;
	transactionalEmailGuid: string | null;
	coupon: string;
	email: string | null;
	created: Timestamp;
	validity: Timestamp | null;
	sent: Timestamp | null;
}

export type BulkStatus = 'Composing' | 'Queued' | 'Processing' | 'SuccessfulyFinished' | 'Error';

/** Parsed fields of a contact as sent in a create, update or import request. */
export interface ContactInput {
	email?: string;
	name?: string | null;
	surname?: string | null;
	title?: string | null;
	sex?: boolean | null;
	mobilePhone?: string | null;
	company?: string | null;
	mailingListIds?: number[];
	/** Keyed by originalName. */
	customColumns?: CustomValues;
}

export interface BulkOperation {
	operationId: string;
	created: Timestamp;
	preImportAction: 1 | 2 | 3;
	contactOverwriteMode: 1 | 2 | 3;
	mailingListIds: number[];
	rows: ContactInput[];
	/** Per-row problems found when the import was accepted; a non-empty list ends in Error. */
	rowErrors: string[];
	polls: number;
	finalStatus: 'SuccessfulyFinished' | 'Error' | null;
	errors: string | null;
	errorMessage: string | null;
	/** Counts once the import ran. */
	result: { created: number; updated: number; skipped: number } | null;
}

/** Picks the documented fields, in the documented order. */
export function pick<T extends object, K extends keyof T>(
	row: T,
	fields: readonly K[],
): Pick<T, K> {
	const out = {} as Pick<T, K>;
	for (const field of fields) out[field] = row[field];
	return out;
}

export const TEMPLATE_FIELDS = [
	'templateId',
	'created',
	'updated',
	'name',
	'subject',
	'isCampaignBound',
	'isHtml',
	'type',
	'body',
	'bodyAlternative',
	'templateThumbnailUrl',
	'useWysiwyg',
] as const;

export const DISPATCHER_FIELDS = [
	'dispatcherId',
	'status',
	'genericDispatcherId',
	'genericDispatcherDomain',
	'name',
	'title',
	'url',
	'useHttps',
	'subscribeReturnUrl',
	'unsubscribeReturnUrl',
	'useSubscribeAuthentication',
	'sendSubscribeAuthenticationFormReturnUrl',
	'subscribeCampaignId',
	'useSendWelcomeMail',
	'welcomeCampaignId',
	'useUnsubscribeAuthentication',
	'unsubscribeAuthenticationReturnUrl',
	'sendUnsubscribeAuthenticationFormReturnUrl',
	'useFeedback',
	'feedback',
	'feedbackUrl',
	'domainRewrite',
	'cnameRecord',
	'useIdentifier',
] as const;

export const MARKETING_OPEN_FIELDS = [
	'openId',
	'emailId',
	'campaignId',
	'generatorExecutionId',
	'created',
	'toAddress',
	'ipAddress',
	'userAgent',
	'variant',
] as const;

export const MARKETING_CLICK_FIELDS = [
	'clickId',
	'emailId',
	'campaignId',
	'generatorExecutionId',
	'created',
	'toAddress',
	'linkUrl',
	'linkIndex',
	'ipAddress',
	'userAgent',
] as const;

export const TRANSACTIONAL_OPEN_FIELDS = [
	'openId',
	'emailId',
	'created',
	'toAddress',
	'ipAddress',
	'userAgent',
] as const;

export const TRANSACTIONAL_CLICK_FIELDS = [
	'clickId',
	'emailId',
	'created',
	'toAddress',
	'linkUrl',
	'linkIndex',
	'ipAddress',
	'userAgent',
] as const;

export const DELIVERY_INFO_FIELDS = [
	'deliveryInfoId',
	'guid',
	'emailId',
	'email',
	'created',
	'dsnInfo',
	'dsnStatus',
] as const;

export const SMS_FIELDS = [
	'smsId',
	'state',
	'queuePriority',
	'to',
	'created',
	'due',
	'sent',
	'received',
	'text',
	'smsGroupId',
	'guid',
	'price',
] as const;

export const CUSTOM_COLUMN_FIELDS = [
	'customColumnId',
	'customColumnTypeId',
	'customColumnGroupId',
	'dataTypeId',
	'name',
	'caption',
	'description',
	'defaultValue',
	'minValue',
	'maxValue',
	'required',
	'unique',
	'disabled',
	'precision',
	'system',
	'order',
	'deleted',
	'size',
	'originalName',
] as const;

export const COUPON_GROUP_FIELDS = ['couponGroupId', 'name', 'color'] as const;

export const COUPON_FIELDS = [
	'couponId',
	'couponGroupId',
	'mailId',
	'generatorExecutionId',
	'transactionalEmailId',
	'transactionalEmailGuid',
	'coupon',
	'email',
	'created',
	'validity',
	'sent',
] as const;
