import type { Store } from './store';

/** Recipient history (GET /contacts/getContactActivity), derived from the stored events. */

export interface ContactActivity {
	actionTypeId: number;
	created: string;
	mailId: number | null;
	openId: number | null;
	clickId: number | null;
	tranMailId: number | null;
	tranOpenId: number | null;
	tranClickId: number | null;
	cfssId: number | null;
	orderId: number | null;
	cartItemId: number | null;
	email: string;
	generatorExecutionId: number | null;
	bounceTypeId: number | null;
	campaignId: number | null;
}

export function contactActivity(store: Store, email: string): ContactActivity[] {
	const key = email.toLowerCase();
	const same = (address: string): boolean => address.toLowerCase() === key;
	const out: ContactActivity[] = [];
	const add = (
		actionTypeId: number,
		created: string | null,
		fields: Partial<ContactActivity>,
	): void => {
		if (!created) return;
		out.push({
			actionTypeId,
			created,
			mailId: null,
			openId: null,
			clickId: null,
			tranMailId: null,
			tranOpenId: null,
			tranClickId: null,
			cfssId: null,
			orderId: null,
			cartItemId: null,
			email,
			generatorExecutionId: null,
			bounceTypeId: null,
			campaignId: null,
			...fields,
		});
	};
	for (const m of store.marketingEmails.rows) {
		if (same(m.toAddress))
			add(1, m.sent, {
				mailId: m.emailId,
				generatorExecutionId: m.generatorExecutionId,
				campaignId: m.campaignId,
			});
	}
	for (const o of store.marketingOpens.rows) {
		if (same(o.toAddress))
			add(2, o.created, {
				mailId: o.emailId,
				openId: o.openId,
				generatorExecutionId: o.generatorExecutionId,
				campaignId: o.campaignId,
			});
	}
	for (const c of store.marketingClicks.rows) {
		if (same(c.toAddress))
			add(3, c.created, {
				mailId: c.emailId,
				clickId: c.clickId,
				generatorExecutionId: c.generatorExecutionId,
				campaignId: c.campaignId,
			});
	}
	for (const t of store.transactionalEmails.rows) {
		if (same(t.toAddress))
			add(4, t.sent ?? t.created, { tranMailId: t.emailId, campaignId: t.campaignId });
	}
	for (const o of store.transactionalOpens.rows) {
		if (same(o.toAddress)) add(5, o.created, { tranMailId: o.emailId, tranOpenId: o.openId });
	}
	for (const c of store.transactionalClicks.rows) {
		if (same(c.toAddress)) add(6, c.created, { tranMailId: c.emailId, tranClickId: c.clickId });
	}
	for (const e of store.excludeLists.rows) {
		if (same(e.email) && e.reasonId === 1) {
			add(8, e.createdDate, {
				mailId: e.sourceMarketingEmailId,
				tranMailId: e.sourceTransactionalEmailId,
				generatorExecutionId: e.sourceGeneratorExecutionId,
				campaignId: e.campaignId ?? e.sourceCampaignId,
			});
		}
	}
	for (const d of store.deliveryInfos.rows) {
		if (same(d.email))
			add(9, d.created, {
				tranMailId: d.emailId,
				bounceTypeId: d.dsnStatus.startsWith('5') ? 1 : 2,
			});
	}
	// Newest first.
	return out.sort((a, b) =>
		a.created < b.created ? 1 : a.created > b.created ? -1 : a.actionTypeId - b.actionTypeId,
	);
}
