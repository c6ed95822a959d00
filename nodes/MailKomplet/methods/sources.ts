import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import type { ListResponse, ReadSpec } from '../transport';
import { apiRequest, hasMorePages } from '../transport';

const SEARCH_PAGE_SIZE = 100;

/** How a list endpoint feeds a picker. */
export interface PickerSource {
	/** The list endpoint the picker reads. */
	list: ReadSpec;
	idKey: string;
	label: (record: IDataObject) => string;
	/** Query parameter the API filters by; without one the page is filtered here. */
	searchParam?: string;
	/** False for endpoints that answer every record at once, without page/pageSize. */
	paged?: false;
}

const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));

/** Label from the record's name, or the noun and ID when it has none. */
const nameOr = (noun: string, idKey: string) => (r: IDataObject) =>
	text(r.name) || `${noun} ${text(r[idKey])}`;

const joined = (...parts: unknown[]) => parts.map(text).filter(Boolean).join(' - ');

export const pickerSources = {
	MailingLists: {
		list: { endpoint: 'GET /mailingLists' },
		idKey: 'mailingListId',
		label: nameOr('Mailing list', 'mailingListId'),
	},
	Contacts: {
		list: { endpoint: 'GET /contacts' },
		idKey: 'contactId',
		label: (r: IDataObject) => joined(r.email, [text(r.name), text(r.surname)].join(' ').trim()),
		searchParam: 'email',
	},
	DomainRedirects: {
		list: { endpoint: 'GET /dispatchers' },
		idKey: 'dispatcherId',
		label: (r: IDataObject) =>
			text(r.name) || text(r.url) || `Domain redirect ${text(r.dispatcherId)}`,
	},
	Templates: {
		list: { endpoint: 'GET /templates' },
		idKey: 'templateId',
		label: nameOr('Template', 'templateId'),
	},
	Campaigns: {
		list: { endpoint: 'GET /campaigns' },
		idKey: 'campaignId',
		label: nameOr('Campaign', 'campaignId'),
		searchParam: 'name',
	},
	Distributions: {
		list: { endpoint: 'GET /generatorExecutions' },
		idKey: 'generatorExecutionId',
		label: (r: IDataObject) =>
			joined(r.campaignName || `Campaign ${text(r.campaignId)}`, r.executed ?? r.created),
	},
	CustomColumns: {
		list: { endpoint: 'GET /customColumns' },
		idKey: 'customColumnId',
		label: (r: IDataObject) => joined(r.caption, r.name),
	},
	CouponGroups: {
		list: { endpoint: 'GET /saleCouponGroups' },
		idKey: 'couponGroupId',
		label: nameOr('Coupon group', 'couponGroupId'),
		paged: false,
	},
	Coupons: {
		list: { endpoint: 'GET /saleCoupons' },
		idKey: 'couponId',
		label: (r: IDataObject) => text(r.coupon) || `Coupon ${text(r.couponId)}`,
		searchParam: 'coupon',
	},
	TransactionalEmails: {
		list: { endpoint: 'GET /transactionalEmails' },
		idKey: 'emailId',
		label: (r: IDataObject) => joined(r.toAddress, r.subject, r.created),
		searchParam: 'toAddress',
	},
	TransactionalEmailOpens: {
		list: { endpoint: 'GET /transactionalEmails/opens' },
		idKey: 'openId',
		label: (r: IDataObject) => joined(r.email ?? r.toAddress, r.created),
	},
	TransactionalEmailClicks: {
		list: { endpoint: 'GET /transactionalEmails/clicks' },
		idKey: 'clickId',
		label: (r: IDataObject) => joined(r.email ?? r.toAddress, r.linkUrl, r.created),
	},
	TransactionalSms: {
		list: { endpoint: 'GET /transactionalSms' },
		idKey: 'smsId',
		label: (r: IDataObject) => joined(r.to, r.text, r.created),
		searchParam: 'to',
	},
	BusinessUnits: {
		list: { endpoint: 'GET /businessUnits' },
		idKey: 'baseCrypt',
		label: nameOr('Business unit', 'baseCrypt'),
		paged: false,
	},
	Unsubscribes: {
		list: { endpoint: 'GET /excludeLists' },
		idKey: 'excludeListId',
		label: (r: IDataObject) =>
			joined(r.email, r.mailingListName ?? r.campaignName ?? 'all lists and campaigns'),
	},
} satisfies Record<string, PickerSource>;

async function fetchPage(
	ctx: ILoadOptionsFunctions,
	source: PickerSource,
	page: number,
	pageSize: number,
	filter?: string,
): Promise<{ records: IDataObject[]; hasMore: boolean }> {
	const qs: IDataObject = source.paged === false ? {} : { page, pageSize };
	if (filter && source.searchParam) qs[source.searchParam] = filter;
	const response = (await apiRequest.call(ctx, {
		endpoint: source.list,
		qs,
	})) as ListResponse;
	const records = Array.isArray(response?.data) ? response.data : [];
	const hasMore = source.paged !== false && hasMorePages(response, page, pageSize, records.length);
	return { records, hasMore };
}

function toOption(source: PickerSource, record: IDataObject) {
	return { name: source.label(record), value: text(record[source.idKey]) };
}

/** One page of a picker's list search, filtered by the API where it can and here otherwise. */
export async function searchPicker(
	ctx: ILoadOptionsFunctions,
	source: PickerSource,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = Number(paginationToken) || 1;
	const { records, hasMore } = await fetchPage(ctx, source, page, SEARCH_PAGE_SIZE, filter);
	const needle = (filter ?? '').trim().toLowerCase();
	const results = records
		.map((record) => toOption(source, record))
		.filter(
			(option) =>
				source.searchParam !== undefined ||
				!needle ||
				option.name.toLowerCase().includes(needle) ||
				option.value === needle,
		);
	return { results, paginationToken: hasMore ? String(page + 1) : undefined };
}

/** The options of a multi-select: one page only, since expressions cover larger accounts. */
export async function pickerOptions(
	ctx: ILoadOptionsFunctions,
	source: PickerSource,
): Promise<INodePropertyOptions[]> {
	const { records } = await fetchPage(ctx, source, 1, 1000);
	return records
		.map((record) => toOption(source, record))
		.sort((a, b) => a.name.localeCompare(b.name));
}
