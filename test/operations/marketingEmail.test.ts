import { jsonOf } from '../harness';
import { fixClockAndGuids, guid, NOW, returnAllPages } from '../helpers/operations';
import { byId, useSandbox } from '../helpers/sandbox';

const t = useSandbox();

fixClockAndGuids(t);

/** A distribution of a campaign that sent `count` e-mails, plus another distribution's e-mail. */
function distribution(count: number) {
	const { store } = t.sandbox;
	const campaignId = store.addCampaign({
		name: 'Spring',
		mailFromAddress: 'info@webkomplet.cz',
	}).campaignId;
	const { generatorExecutionId } = store.addGeneratorExecution({ campaignId });
	const other = store.addGeneratorExecution({ campaignId }).generatorExecutionId;
	const send = (id: number, i: number) =>
		store.addMarketingEmail({
			generatorExecutionId: id,
			campaignId,
			fromAddress: 'info@webkomplet.cz',
			toAddress: `r${i}@example.cz`,
		});
	const emails = Array.from({ length: count }, (_, i) => send(generatorExecutionId, i + 1));
	send(other, 99);
	return { campaignId, generatorExecutionId, emails };
}

describe('Marketing Email > Get Many', () => {
	it('GETs /marketingEmails (not /marketing) for the distribution, every page', async () => {
		const { generatorExecutionId } = distribution(3);

		const result = await returnAllPages(
			t,
			{
				resource: 'marketingEmail',
				operation: 'getAll',
				generatorExecutionId: byId(generatorExecutionId),
			},
			{ path: '/marketingEmails', pages: 2, query: { generatorExecutionId: '81301' } },
		);
		expect(jsonOf(result).map((e) => e.toAddress)).toEqual([
			'r1@example.cz',
			'r2@example.cz',
			'r3@example.cz',
		]);
		expect(jsonOf(result)[0]).toEqual({
			emailId: 417901,
			campaignId: 26701,
			generatorExecutionId: 81301,
			created: NOW,
			sent: NOW,
			delivered: NOW,
			fromAddress: 'info@webkomplet.cz',
			toAddress: 'r1@example.cz',
			toDisplayName: null,
			guid: guid(1),
			variant: 0,
			metadata: null,
		});
	});

	it('returns the main fields only with Simplify, on by default from node version 1.1', async () => {
		const { generatorExecutionId } = distribution(1);
		const parameters = {
			resource: 'marketingEmail',
			operation: 'getAll',
			generatorExecutionId: byId(generatorExecutionId),
			returnAll: true,
		};

		const simplified = await t.run(parameters, { typeVersion: 1.1 });
		const full = await t.run({ ...parameters, simplify: false }, { typeVersion: 1.1 });

		expect(jsonOf(simplified)).toEqual([
			{
				emailId: 417901,
				campaignId: 26701,
				generatorExecutionId: 81301,
				toAddress: 'r1@example.cz',
				sent: NOW,
				delivered: NOW,
				guid: guid(1),
			},
		]);
		expect(Object.keys(jsonOf(full)[0])).toHaveLength(12);
	});

	it('refuses a Distribution ID that is not a number, without a request', async () => {
		const result = await t.run(
			{
				resource: 'marketingEmail',
				operation: 'getAll',
				generatorExecutionId: byId('={{ $json.distribution }}'),
				returnAll: true,
			},
			{ items: [{ json: { distribution: 'spring' } }] },
		);

		expect(result.error?.message).toBe('Distribution must be a numeric ID, got "spring"');
		expect(t.sent()).toEqual([]);
	});

	it('reports a distribution that does not exist as a 404', async () => {
		const result = await t.run({
			resource: 'marketingEmail',
			operation: 'getAll',
			generatorExecutionId: byId(999),
			returnAll: true,
		});

		expect(result.error?.httpCode).toBe('404');
	});
});

describe('Marketing Email > Get Opens', () => {
	it('GETs /marketingEmails/opens for the distribution with Return All over pages', async () => {
		const { generatorExecutionId, emails } = distribution(3);
		for (const email of emails) t.sandbox.store.addMarketingOpen(email);

		const result = await returnAllPages(
			t,
			{
				resource: 'marketingEmail',
				operation: 'getOpens',
				generatorExecutionId: byId(generatorExecutionId),
			},
			{ path: '/marketingEmails/opens', pages: 2, query: { generatorExecutionId: '81301' } },
		);
		expect(jsonOf(result)).toEqual(
			emails.map((email, i) => ({
				openId: 12501 + i,
				emailId: email.emailId,
				campaignId: 26701,
				generatorExecutionId: 81301,
				created: NOW,
				toAddress: email.toAddress,
				ipAddress: '80.95.120.66',
				userAgent: 'Mozilla/4.0 (compatible; ms-office; MSOffice 16)',
				variant: '0',
			})),
		);
	});
});

describe('Marketing Email > Get Clicks', () => {
	function seedClicks() {
		const { generatorExecutionId, emails } = distribution(3);
		for (const email of emails) {
			t.sandbox.store.addMarketingClick(email, { linkUrl: 'https://www.webkomplet.cz/' });
		}
		const parameters = {
			resource: 'marketingEmail',
			operation: 'getClicks',
			generatorExecutionId: byId(generatorExecutionId),
		};
		return { parameters, emails };
	}

	it('GETs /marketingEmails/clicks for the distribution with Return All over pages', async () => {
		const { parameters, emails } = seedClicks();

		const result = await returnAllPages(t, parameters, {
			path: '/marketingEmails/clicks',
			pages: 2,
			query: { generatorExecutionId: '81301' },
		});

		expect(jsonOf(result).map((c) => c.toAddress)).toEqual([
			'r1@example.cz',
			'r2@example.cz',
			'r3@example.cz',
		]);
		expect(jsonOf(result)[0]).toEqual({
			clickId: 48001,
			emailId: emails[0].emailId,
			campaignId: 26701,
			generatorExecutionId: 81301,
			created: NOW,
			toAddress: 'r1@example.cz',
			linkUrl: 'https://www.webkomplet.cz/',
			linkIndex: 1,
			ipAddress: '80.95.120.66',
			userAgent:
				'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36',
		});
	});

	it('stops at the Limit', async () => {
		const { parameters } = seedClicks();

		const result = await t.run({ ...parameters, returnAll: false, limit: 2 });

		expect(t.sent().map((r) => r.query)).toEqual([
			{ generatorExecutionId: '81301', page: '1', pageSize: '2' },
		]);
		expect(result.items).toHaveLength(2);
	});
});
