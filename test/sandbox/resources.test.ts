import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { call } from './helpers';

describe('sandbox campaigns, messages, exclude lists, coupons (demo seed)', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ seed: 'demo' });
	});
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.reset());

	it('templates and dispatchers: list and filter by ID', async () => {
		const templates = await call(sandbox, 'GET', '/templates');
		expect(templates.body.totalRecordCount).toBe(sandbox.store.templates.size);
		const first = templates.body.data[0];
		expect(Object.keys(first)).toEqual([
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
		]);
		expect(first.templateThumbnailUrl).toContain(
			`/api/${sandbox.baseCrypt}/thumbnail/?templateId=${first.templateId}`,
		);
		const one = await call(sandbox, 'GET', '/templates', {
			query: { templateId: first.templateId },
		});
		expect(one.body).toMatchObject({ totalRecordCount: 1, pageCount: 1 });
		const dispatchers = await call(sandbox, 'GET', '/dispatchers', {
			query: { dispatcherId: sandbox.store.dispatchers.rows[1].dispatcherId },
		});
		expect(dispatchers.body.data[0]).toMatchObject({
			status: 2,
			useHttps: true,
			domainRewrite: 'news.pekarna-klas.cz',
		});
		expect(Object.keys(dispatchers.body.data[0])).toHaveLength(24);
	});

	it('campaigns: list vs detail, create, update, delete', async () => {
		const list = await call(sandbox, 'GET', '/campaigns', { query: { name: 'NEWSLETTER' } });
		expect(list.body.totalRecordCount).toBe(1);
		expect(Object.keys(list.body.data[0])).toEqual([
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
		]);
		const id = list.body.data[0].campaignId;
		const detail = await call(sandbox, 'GET', '/campaigns', { query: { campaignId: id } });
		expect(Object.keys(detail.body)).toEqual(['data']);
		expect(Object.keys(detail.body.data)).toEqual([
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
		]);
		expect((await call(sandbox, 'GET', '/campaigns', { query: { campaignId: 1 } })).status).toBe(
			404,
		);
		const group = sandbox.store.campaignGroups.rows[0].campaignGroupId;
		expect(
			(
				await call(sandbox, 'GET', '/campaigns', { query: { campaignGroupId: group } })
			).body.data.every(
				(c: { campaignId: number }) =>
					sandbox.store.campaigns.get(c.campaignId)?.campaignGroupId === group,
			),
		).toBe(true);

		const templateId = sandbox.store.templates.rows[0].templateId;
		const body = {
			templateId,
			unsubscribeTypeId: 2,
			name: 'Nová kampaň',
			mailFromAddress: 'info@webkomplet.cz',
			mailFromDisplayName: 'Webkomplet',
			webTrackParam: 'utm_source=newsletter',
		};
		const created = await call(sandbox, 'POST', '/campaigns', { body });
		expect(created.body).toEqual({ campaignId: expect.any(Number) });
		for (const [patch, field] of [
			[{ unsubscribeTypeId: undefined }, 'unsubscribeTypeId'],
			[{ unsubscribeTypeId: 4 }, 'unsubscribeTypeId'],
			[{ name: '' }, 'name'],
			[{ mailFromAddress: 'nope' }, 'mailFromAddress'],
			[{ templateId: 1 }, 'templateId'],
		] as const) {
			const res = await call(sandbox, 'POST', '/campaigns', { body: { ...body, ...patch } });
			expect([res.status, res.body.message]).toEqual([400, expect.stringContaining(field)]);
		}
		const campaignId = created.body.campaignId;
		expect(
			(
				await call(sandbox, 'PUT', `/campaigns/${campaignId}`, {
					body: { name: 'Přejmenovaná', autoLinkTracking: false },
				})
			).status,
		).toBe(200);
		const after = await call(sandbox, 'GET', '/campaigns', { query: { campaignId } });
		expect(after.body.data).toMatchObject({
			name: 'Přejmenovaná',
			autoLinkTracking: false,
			unsubscribeTypeId: 2,
			campaignType: 1,
			senderEmail: 'info@webkomplet.cz',
		});
		expect((await call(sandbox, 'PUT', '/campaigns/5', { body: { name: 'x' } })).status).toBe(404);
		expect(
			(await call(sandbox, 'DELETE', '/campaigns', { query: { id: campaignId } })).status,
		).toBe(200);
		expect(
			(await call(sandbox, 'DELETE', '/campaigns', { query: { id: campaignId } })).status,
		).toBe(404);
	});

	it('distributions with statistics and their marketing e-mails, opens, clicks', async () => {
		const all = await call(sandbox, 'GET', '/generatorExecutions');
		const first = all.body.data[0];
		expect(first).toMatchObject({
			campaignName: expect.any(String),
			status: 1,
			phase: 4,
			isTesting: false,
			groupName: 'Newslettery',
		});
		expect(first.openRatio).toBeCloseTo(first.openCount / first.deliveryCount, 3);
		expect(Object.keys(first)).toHaveLength(31);
		expect(
			(await call(sandbox, 'GET', '/generatorExecutions', { query: { isTesting: true } })).body
				.totalRecordCount,
		).toBe(1);
		expect(
			(await call(sandbox, 'GET', '/generatorExecutions', { query: { status: 3 } })).body
				.totalRecordCount,
		).toBe(1);
		expect(
			(await call(sandbox, 'GET', '/generatorExecutions', { query: { phase: 9 } })).status,
		).toBe(400);

		const ge = first.generatorExecutionId;
		const emails = await call(sandbox, 'GET', '/marketingEmails', {
			query: { generatorExecutionId: ge, pageSize: 100 },
		});
		expect(emails.body.totalRecordCount).toBe(first.totalCount);
		expect(Object.keys(emails.body.data[0])).toEqual([
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
		]);
		const opens = await call(sandbox, 'GET', '/marketingEmails/opens', {
			query: { generatorExecutionId: ge },
		});
		expect(opens.body.totalRecordCount).toBe(first.openCountTotal);
		const clicks = await call(sandbox, 'GET', '/marketingEmails/clicks', {
			query: { generatorExecutionId: ge },
		});
		expect(clicks.body.totalRecordCount).toBe(first.clickCountTotal);
		expect(clicks.body.data[0]).toMatchObject({
			linkUrl: expect.stringMatching(/^https:/),
			linkIndex: expect.any(Number),
		});
		for (const path of ['/marketingEmails', '/marketingEmails/opens', '/marketingEmails/clicks']) {
			expect((await call(sandbox, 'GET', path)).status).toBe(400);
			expect(
				(await call(sandbox, 'GET', path, { query: { generatorExecutionId: 1 } })).status,
			).toBe(404);
		}
	});

	it('transactional e-mails: send, list with filters, opens, clicks, bounce info', async () => {
		const send = await call(sandbox, 'POST', '/transactionalEmails', {
			body: {
				email: {
					fromAddress: 'jan@webkomplet.cz',
					fromDisplayName: 'Mail Komplet',
					to: [
						{ address: 'jana@webkomplet.cz', variables: { a: '1' } },
						{ address: 'petr@webkomplet.cz' },
					],
					subject: 'Your first email message.',
					bodyHtml: 'Hello world.',
					attachments: [
						{ contentType: 'text/plain', name: 'file.txt', content: 'VGhpcyBpcyB0ZXN0' },
					],
					trackOpens: true,
					tags: 'api,test',
				},
			},
		});
		expect(send.status).toBe(200);
		expect(send.body.data).toEqual([
			{ email: 'jana@webkomplet.cz', guid: expect.stringMatching(/^[0-9a-f-]{36}$/) },
			{ email: 'petr@webkomplet.cz', guid: expect.any(String) },
		]);
		const byGuid = await call(sandbox, 'GET', '/transactionalEmails', {
			query: { guid: send.body.data[0].guid },
		});
		expect(byGuid.body.data[0]).toMatchObject({
			state: 1,
			toAddress: 'jana@webkomplet.cz',
			subject: 'Your first email message.',
			fromDisplayName: 'Mail Komplet',
			isOpened: 0,
			tags: 'api,test',
		});
		expect(Object.keys(byGuid.body.data[0])).toHaveLength(27);
		expect(
			(await call(sandbox, 'GET', '/transactionalEmails', { query: { tags: 'test' } })).body
				.totalRecordCount,
		).toBe(2);
		expect(
			(await call(sandbox, 'GET', '/transactionalEmails', { query: { toAddress: 'PETR@' } })).body
				.totalRecordCount,
		).toBe(1);
		expect(
			(await call(sandbox, 'GET', '/transactionalEmails', { query: { state: 3 } })).body.data.every(
				(e: { state: number }) => e.state === 3,
			),
		).toBe(true);
		const opened = await call(sandbox, 'GET', '/transactionalEmails', {
			query: { isOpened: true, pageSize: 100 },
		});
		expect(opened.body.totalRecordCount).toBe(
			sandbox.store.transactionalEmails.rows.filter((e) => e.isOpened).length,
		);
		const range = await call(sandbox, 'GET', '/transactionalEmails', {
			query: { createdFrom: '2025-03-20', createdTo: '2025-04-01T00:00:00Z' },
		});
		expect(
			range.body.data.every(
				(e: { created: string }) => e.created >= '2025-03-20' && e.created <= '2025-04-01',
			),
		).toBe(true);
		expect(
			(await call(sandbox, 'GET', '/transactionalEmails', { query: { createdFrom: 'yesterday' } }))
				.status,
		).toBe(400);
		expect(
			(await call(sandbox, 'GET', '/transactionalEmails', { query: { state: 7 } })).status,
		).toBe(400);

		const invalid: Array<[unknown, string]> = [
			[{}, 'email'],
			[{ email: { to: [{ address: 'a@b.cz' }], subject: 'x' } }, 'fromAddress'],
			[{ email: { fromAddress: 'a@b.cz', to: [], subject: 'x' } }, 'email.to'],
			[
				{ email: { fromAddress: 'a@b.cz', to: [{ address: 'bad' }], subject: 'x' } },
				'email.to[0].address',
			],
			[{ email: { fromAddress: 'a@b.cz', to: [{ address: 'c@d.cz' }] } }, 'subject'],
			[
				{
					email: {
						fromAddress: 'a@b.cz',
						to: [{ address: 'c@d.cz' }],
						subject: 'x',
						attachments: [{ contentType: 'text/plain', name: 'f', content: 'not base64!' }],
					},
				},
				'content',
			],
			[
				{ email: { fromAddress: 'a@b.cz', to: [{ address: 'c@d.cz' }], campaignId: 5 } },
				'campaignId',
			],
		];
		for (const [body, fragment] of invalid) {
			const res = await call(sandbox, 'POST', '/transactionalEmails', { body });
			expect([res.status, res.body.message]).toEqual([400, expect.stringContaining(fragment)]);
		}
		const campaign = sandbox.store.campaigns.rows.find((c) => c.campaignType === 3);
		const viaCampaign = await call(sandbox, 'POST', '/transactionalEmails', {
			body: {
				email: {
					fromAddress: 'a@b.cz',
					to: [{ address: 'c@d.cz' }],
					campaignId: campaign?.campaignId,
				},
			},
		});
		expect(viaCampaign.status).toBe(200);

		const open = sandbox.store.transactionalOpens.rows[0];
		const opens = await call(sandbox, 'GET', '/transactionalEmails/opens', {
			query: { emailId: open.emailId },
		});
		expect(opens.body.data[0]).toEqual({
			openId: open.openId,
			emailId: open.emailId,
			created: open.created,
			toAddress: open.toAddress,
			ipAddress: open.ipAddress,
			userAgent: open.userAgent,
		});
		expect(
			(await call(sandbox, 'GET', '/transactionalEmails/opens', { query: { openId: open.openId } }))
				.body.totalRecordCount,
		).toBe(1);
		const clicks = await call(sandbox, 'GET', '/transactionalEmails/clicks', {
			query: { from: '2020-01-01T00:00:00+01:00', to: '2030-01-01' },
		});
		expect(clicks.body.totalRecordCount).toBe(sandbox.store.transactionalClicks.size);
		const bounce = sandbox.store.deliveryInfos.rows[0];
		const info = await call(sandbox, 'GET', '/transactionalEmails/bounceInfo', {
			query: { emailId: bounce.emailId },
		});
		expect(info.body.data[0]).toMatchObject({
			deliveryInfoId: bounce.deliveryInfoId,
			dsnStatus: '5.1.1',
			emailId: bounce.emailId,
		});
		expect((await call(sandbox, 'GET', '/transactionalEmails/bounceInfo')).status).toBe(400);
		expect(
			(await call(sandbox, 'GET', '/transactionalEmails/bounceInfo', { query: { emailId: 1 } }))
				.status,
		).toBe(404);
	});

	it('transactional SMS: send and list', async () => {
		const send = await call(sandbox, 'POST', '/transactionalSms', {
			body: {
				sms: {
					to: [{ number: '+420 775 123 456' }, { number: '608111222' }],
					text: 'Vaše objednávka je připravena.',
					priority: 5,
					groupId: 1,
				},
			},
		});
		expect(send.body.data).toEqual([
			{ number: '+420775123456', guid: expect.any(String) },
			{ number: '+420608111222', guid: expect.any(String) },
		]);
		const got = await call(sandbox, 'GET', '/transactionalSms', {
			query: { guid: send.body.data[0].guid },
		});
		expect(got.body).toEqual({
			data: [
				expect.objectContaining({
					to: '+420775123456',
					queuePriority: 5,
					smsGroupId: 1,
					price: 0.8,
					text: 'Vaše objednávka je připravena.',
				}),
			],
			totalRecordCount: 1,
		});
		expect(
			(await call(sandbox, 'GET', '/transactionalSms', { query: { to: '608111' } })).body
				.totalRecordCount,
		).toBe(1);
		expect(
			(
				await call(sandbox, 'POST', '/transactionalSms', {
					body: { sms: { to: [{ number: '1' }], text: 'x' } },
				})
			).body.message,
		).toContain('sms.to[0].number');
		expect(
			(
				await call(sandbox, 'POST', '/transactionalSms', {
					body: { sms: { to: [{ number: '775123456' }] } },
				})
			).body.message,
		).toContain('text');
		expect(
			(
				await call(sandbox, 'POST', '/transactionalSms', {
					body: { sms: { to: [{ number: '775123456' }], text: 'x', priority: 6 } },
				})
			).status,
		).toBe(400);
	});

	it('exclude lists: create (global or scoped), filter, delete', async () => {
		const listId = sandbox.store.mailingLists.rows[0].mailingListId;
		const before = sandbox.store.excludeLists.size;
		expect(
			(
				await call(sandbox, 'POST', '/excludeLists', {
					body: { email: 'info@webkomplet.cz', reason: 'text' },
				})
			).status,
		).toBe(200);
		expect(
			(
				await call(sandbox, 'POST', '/excludeLists', {
					body: { email: 'info@webkomplet.cz', mailingListId: listId },
				})
			).status,
		).toBe(200);
		expect(
			(await call(sandbox, 'POST', '/excludeLists', { body: { email: 'nope' } })).body.message,
		).toContain('email');
		expect(
			(await call(sandbox, 'POST', '/excludeLists', { body: { email: 'a@b.cz', campaignId: 3 } }))
				.body.message,
		).toContain('campaignId');
		expect(sandbox.store.excludeLists.size).toBe(before + 2);
		const scoped = await call(sandbox, 'GET', '/excludeLists', {
			query: { mailingListId: listId },
		});
		const mine = scoped.body.data.find((e: { email: string }) => e.email === 'info@webkomplet.cz');
		expect(mine).toMatchObject({
			mailingListId: listId,
			mailingListName: sandbox.store.mailingLists.rows[0].name,
			campaignId: null,
			origin: 2,
			reasonId: 1,
		});
		expect(Object.keys(mine)).toHaveLength(19);
		expect(
			(await call(sandbox, 'DELETE', '/excludeLists', { query: { id: mine.excludeListId } }))
				.status,
		).toBe(200);
		expect(
			(await call(sandbox, 'DELETE', '/excludeLists', { query: { id: mine.excludeListId } }))
				.status,
		).toBe(404);
	});

	it('sale coupon groups (update via POST) and sale coupons', async () => {
		const created = await call(sandbox, 'POST', '/saleCouponGroups', {
			body: { color: '#3E50B4', name: 'treti' },
		});
		const couponGroupId = created.body.couponGroupId;
		expect(created.body).toEqual({ couponGroupId: expect.any(Number) });
		const updated = await call(sandbox, 'POST', '/saleCouponGroups', {
			body: { couponGroupId, name: 'treti edit', color: '#FF0000' },
		});
		expect(updated.body).toEqual({ couponGroupId });
		expect(sandbox.store.saleCouponGroups.get(couponGroupId)).toEqual({
			couponGroupId,
			name: 'treti edit',
			color: '#FF0000',
		});
		expect(
			(
				await call(sandbox, 'POST', '/saleCouponGroups', {
					body: { couponGroupId: 999, name: 'x', color: '#000000' },
				})
			).status,
		).toBe(404);
		expect(
			(await call(sandbox, 'POST', '/saleCouponGroups', { body: { name: 'x' } })).body.message,
		).toContain('color');
		const groups = await call(sandbox, 'GET', '/saleCouponGroups');
		expect(groups.body.totalRecordCount).toBe(groups.body.data.length);

		const coupons = await call(sandbox, 'POST', '/saleCoupons', {
			body: {
				couponGroupId,
				coupons: [
					{ code: 'coupon1', validity: '2022-11-26T05:53:32' },
					{ code: 'coupon2', validity: null },
				],
			},
		});
		expect([coupons.status, coupons.text]).toEqual([200, '']);
		expect(
			(
				await call(sandbox, 'POST', '/saleCoupons', {
					body: { couponGroupId: 999, coupons: [{ code: 'x' }] },
				})
			).body.message,
		).toContain('couponGroupId');
		expect(
			(
				await call(sandbox, 'POST', '/saleCoupons', {
					body: { couponGroupId, coupons: [{ code: 'coupon1' }] },
				})
			).body.message,
		).toContain('coupon1');
		const listed = await call(sandbox, 'GET', '/saleCoupons', { query: { couponGroupId } });
		expect(listed.body).toEqual({
			data: [
				expect.objectContaining({ coupon: 'coupon1', validity: '2022-11-26T05:53:32', sent: null }),
				expect.objectContaining({ coupon: 'coupon2' }),
			],
			totalRecordCount: 2,
		});
		expect(Object.keys(listed.body.data[0])[0]).toBe('couponId');
		const sent = await call(sandbox, 'GET', '/saleCoupons', { query: { sent: true } });
		expect(sent.body.data.every((c: { sent: string | null }) => c.sent !== null)).toBe(true);
		expect(
			(await call(sandbox, 'GET', '/saleCoupons', { query: { coupon: 'COUPON2' } })).body
				.totalRecordCount,
		).toBe(1);
		const couponId = listed.body.data[0].couponId;
		expect((await call(sandbox, 'DELETE', `/saleCoupons/${couponId}`)).status).toBe(200);
		expect((await call(sandbox, 'DELETE', `/saleCoupons/${couponId}`)).status).toBe(404);
		expect(
			(await call(sandbox, 'DELETE', '/saleCouponGroups', { query: { id: couponGroupId } })).status,
		).toBe(200);
		expect(
			(await call(sandbox, 'GET', '/saleCoupons', { query: { couponGroupId } })).body
				.totalRecordCount,
		).toBe(0);
	});
});
