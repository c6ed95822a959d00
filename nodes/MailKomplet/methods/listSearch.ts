import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { pickerSources, searchPicker } from './sources';

/** List search of every ID picker (a resource locator's From List mode). */

export async function searchMailingLists(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPicker(this, pickerSources.MailingLists, filter, paginationToken);
}

export async function searchContacts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPicker(this, pickerSources.Contacts, filter, paginationToken);
}

export async function searchDomainRedirects(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPicker(this, pickerSources.DomainRedirects, filter, paginationToken);
}

export async function searchTemplates(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPicker(this, pickerSources.Templates, filter, paginationToken);
}

export async function searchCampaigns(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPicker(this, pickerSources.Campaigns, filter, paginationToken);
}

export async function searchDistributions(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPicker(this, pickerSources.Distributions, filter, paginationToken);
}

export async function searchCustomColumns(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPicker(this, pickerSources.CustomColumns, filter, paginationToken);
}

export async function searchCouponGroups(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPicker(this, pickerSources.CouponGroups, filter, paginationToken);
}

export async function searchCoupons(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPicker(this, pickerSources.Coupons, filter, paginationToken);
}

export async function searchTransactionalEmails(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPicker(this, pickerSources.TransactionalEmails, filter, paginationToken);
}

export async function searchUnsubscribes(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPicker(this, pickerSources.Unsubscribes, filter, paginationToken);
}

export async function searchTransactionalEmailOpens(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPicker(this, pickerSources.TransactionalEmailOpens, filter, paginationToken);
}

export async function searchTransactionalEmailClicks(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPicker(this, pickerSources.TransactionalEmailClicks, filter, paginationToken);
}

export async function searchTransactionalSms(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPicker(this, pickerSources.TransactionalSms, filter, paginationToken);
}

export async function searchBusinessUnits(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPicker(this, pickerSources.BusinessUnits, filter, paginationToken);
}
