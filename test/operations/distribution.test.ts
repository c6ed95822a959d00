import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { MailKomplet } from '../../nodes/MailKomplet/MailKomplet.node';
import { jsonOf, listSearch } from '../harness';
import { fixClockAndGuids, NOW, returnAllPages } from '../helpers/operations';
import { useSandbox } from '../helpers/sandbox';

const t = useSandbox();

fixClockAndGuids(t);

function campaign(name: string) {
	return t.sandbox.store.addCampaign({ name, mailFromAddress: 'info@webkomplet.cz' }).campaignId;
}

/** A finished distribution of the campaign with its statistics. */
function finished(campaignId: number) {
	t.sandbox.store.addGeneratorExecution({
		campaignId,
		status: 1,
		phase: 4,
		totalCount: 200,
		deliveryCount: 190,
		openCount: 95,
		openCountTotal: 120,
		clickCount: 19,
		clickCountTotal: 25,
		unsubscribeCount: 2,
		softBounceCount: 6,
		hardBounceCount: 4,
		spentCredits: 200,
		executed: NOW,
	});
}

describe('Distribution > Get Many', () => {
	it('pages through every distribution with Return All and returns its statistics as given', async () => {
		const spring = campaign('Spring');
		for (let i = 0; i < 4; i++) t.sandbox.store.addGeneratorExecution({ campaignId: spring });
		finished(spring);

		const result = await returnAllPages(
			t,
			{ resource: 'distribution', operation: 'getAll' },
			{ path: '/generatorExecutions', pages: 3 },
		);
		expect(jsonOf(result).map((d) => d.generatorExecutionId)).toEqual([
			81301, 81302, 81303, 81304, 81305,
		]);
		expect(result.items[4]).toEqual({
			json: {
				campaignName: 'Spring',
				campaignId: spring,
				campaignType: 1,
				generatorExecutionId: 81305,
				status: 1,
				phase: 4,
				spentCredits: 200,
				totalCount: 200,
				clickCount: 19,
				clickCountTotal: 25,
				openCount: 95,
				openCountTotal: 120,
				unsubscribeCount: 2,
				openRatio: 0.5,
				clickRatio: 0.1,
				unsubscribeRatio: 0.0105,
				created: NOW,
				executed: NOW,
				isTesting: false,
				softBounceCount: 6,
				hardBounceCount: 4,
				bounceCount: 10,
				softBounceRatio: 0.03,
				hardBounceRatio: 0.02,
				bounceRatio: 0.05,
				deliveryRatio: 0.95,
				deliveryCount: 190,
				smsPrice: 0,
				groupName: '',
				groupColor: '',
				campaignGroupId: null,
			},
			pairedItem: { item: 0 },
		});
	});

	it('sends campaignId, isTesting and the named status and phase as the API numbers', async () => {
		const spring = campaign('Spring');
		t.sandbox.store.addGeneratorExecution({ campaignId: spring, status: 2, phase: 3 });
		t.sandbox.store.addGeneratorExecution({
			campaignId: spring,
			status: 2,
			phase: 3,
			isTesting: true,
		});
		t.sandbox.store.addGeneratorExecution({ campaignId: spring, status: 1, phase: 3 });

		const result = await t.run({
			resource: 'distribution',
			operation: 'getAll',
			returnAll: true,
			filters: { campaignId: String(spring), isTesting: false, status: 2, phase: 3 },
		});

		expect(t.sent()[0].query).toEqual({
			campaignId: String(spring),
			isTesting: 'false',
			status: '2',
			phase: '3',
			page: '1',
			pageSize: '1000',
		});
		expect(jsonOf(result).map((d) => d.generatorExecutionId)).toEqual([81301]);
	});

	it('returns the main fields and counts only with Simplify, on by default from node version 1.1', async () => {
		const spring = campaign('Spring');
		finished(spring);
		const parameters = { resource: 'distribution', operation: 'getAll', returnAll: true };

		const simplified = await t.run(parameters, { typeVersion: 1.1 });
		const full = await t.run({ ...parameters, simplify: false }, { typeVersion: 1.1 });

		expect(jsonOf(simplified)).toEqual([
			{
				generatorExecutionId: 81301,
				campaignId: spring,
				campaignName: 'Spring',
				isTesting: false,
				status: 1,
				phase: 4,
				executed: NOW,
				totalCount: 200,
				deliveryCount: 190,
				openCount: 95,
				clickCount: 19,
				bounceCount: 10,
				unsubscribeCount: 2,
				deliveryRatio: 0.95,
				openRatio: 0.5,
				clickRatio: 0.1,
				bounceRatio: 0.05,
				unsubscribeRatio: 0.0105,
			},
		]);
		expect(Object.keys(jsonOf(full)[0])).toHaveLength(31);
	});

	it('names the status and phase options as people read them', () => {
		const filters = new MailKomplet().description.properties.find(
			(p) =>
				p.name === 'filters' &&
				(p.displayOptions?.show?.resource as string[]).includes('distribution'),
		)!;
		const options = (name: string) =>
			(
				(filters.options as INodeProperties[]).find((o) => o.name === name)!
					.options as INodePropertyOptions[]
			).map((o) => [o.value, o.name]);

		expect(options('status')).toEqual([
			[1, 'In Progress'],
			[2, 'Paused'],
			[3, 'Cancelled'],
			[4, 'Error'],
		]);
		expect(options('phase')).toEqual([
			[1, 'Waiting'],
			[2, 'Generating'],
			[3, 'Sending'],
			[4, 'Finished All'],
			[5, 'Finished With Unpaid'],
		]);
	});
});

describe('Distribution picker', () => {
	it('labels distributions by campaign name and date', async () => {
		const spring = campaign('Spring');
		t.sandbox.store.addGeneratorExecution({ campaignId: spring, executed: '2026-01-10T08:00:00' });

		const found = await listSearch(t.credentials, 'searchDistributions');

		expect(found.results).toEqual([{ name: 'Spring - 2026-01-10T08:00:00', value: '81301' }]);
	});
});
