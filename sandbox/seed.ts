import { formatTimestamp } from './dates';
import type { Contact, MarketingEmail, TransactionalEmail } from './model';
import type { Store } from './store';
import type { SeedName } from './types';

/**
 * Deterministic demo data of a small Czech bakery's account ("Pekárna U Zlatého klasu"):
 * lists, ~50 contacts with custom columns of every data type, templates, campaigns,
 * dispatchers, distributions with statistics, marketing and transactional e-mails with opens,
 * clicks and bounces, SMS, unsubscriptions and sale coupons.
 */

export function seedStore(store: Store, seed: SeedName): void {
	if (seed === 'demo') seedDemo(store);
}

/** mulberry32: a small deterministic PRNG. */
function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const BASE = Date.UTC(2025, 2, 3, 8, 0, 0); // 2025-03-03T08:00:00

/** Timestamp `days` days (fractional allowed) after 2025-03-03 08:00. */
const at = (days: number, seconds = 0): string =>
	formatTimestamp(new Date(BASE + days * 86_400_000 + seconds * 1000));
const later = (stamp: string, seconds: number): string =>
	formatTimestamp(new Date(Date.parse(`${stamp}Z`) + seconds * 1000));

const fold = (text: string): string =>
	text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase();

const MALE_NAMES = [
	'Jan',
	'Petr',
	'Tomáš',
	'Martin',
	'Jiří',
	'Pavel',
	'Lukáš',
	'Jakub',
	'Ondřej',
	'Michal',
	'David',
	'Josef',
	'Karel',
	'Filip',
	'Vojtěch',
	'Adam',
	'Marek',
	'Roman',
	'Zdeněk',
	'Milan',
	'Daniel',
	'Radek',
	'Miroslav',
	'Vladimír',
	'Václav',
];
const FEMALE_NAMES = [
	'Jana',
	'Eva',
	'Hana',
	'Lucie',
	'Petra',
	'Tereza',
	'Kateřina',
	'Lenka',
	'Veronika',
	'Martina',
	'Alena',
	'Barbora',
	'Markéta',
	'Michaela',
	'Zuzana',
	'Klára',
	'Monika',
	'Ivana',
	'Simona',
	'Kristýna',
	'Věra',
	'Marie',
	'Anna',
	'Eliška',
	'Jitka',
];
/** [male surname, its vocative, female surname] */
const SURNAMES: Array<[string, string, string]> = [
	['Novák', 'Nováku', 'Nováková'],
	['Svoboda', 'Svobodo', 'Svobodová'],
	['Novotný', 'Novotný', 'Novotná'],
	['Dvořák', 'Dvořáku', 'Dvořáková'],
	['Černý', 'Černý', 'Černá'],
	['Procházka', 'Procházko', 'Procházková'],
	['Kučera', 'Kučero', 'Kučerová'],
	['Veselý', 'Veselý', 'Veselá'],
	['Horák', 'Horáku', 'Horáková'],
	['Němec', 'Němci', 'Němcová'],
	['Pokorný', 'Pokorný', 'Pokorná'],
	['Marek', 'Marku', 'Marková'],
	['Pospíšil', 'Pospíšile', 'Pospíšilová'],
	['Hájek', 'Hájku', 'Hájková'],
	['Jelínek', 'Jelínku', 'Jelínková'],
	['Král', 'Králi', 'Králová'],
	['Růžička', 'Růžičko', 'Růžičková'],
	['Beneš', 'Beneši', 'Benešová'],
	['Fiala', 'Fialo', 'Fialová'],
	['Sedláček', 'Sedláčku', 'Sedláčková'],
	['Doležal', 'Doležale', 'Doležalová'],
	['Zeman', 'Zemane', 'Zemanová'],
	['Kolář', 'Koláři', 'Kolářová'],
	['Navrátil', 'Navrátile', 'Navrátilová'],
	['Čermák', 'Čermáku', 'Čermáková'],
];
const DOMAINS = [
	'seznam.cz',
	'email.cz',
	'gmail.com',
	'centrum.cz',
	'post.cz',
	'volny.cz',
	'outlook.cz',
];
const CITIES = [
	'Praha',
	'Brno',
	'Ostrava',
	'Plzeň',
	'Liberec',
	'Olomouc',
	'České Budějovice',
	'Hradec Králové',
	'Pardubice',
	'Zlín',
];
const COMPANIES = [
	'Kavárna Slavia s.r.o.',
	'Hotel Zlatá Hvězda',
	'Bistro Na Rohu',
	'Stavby Morava a.s.',
	'Školní jídelna Vinohrady',
	'Catering Hanák s.r.o.',
];
const TITLES = ['Ing.', 'Mgr.', 'Bc.', 'MUDr.', 'PhDr.'];
const PREFIXES = [
	'601',
	'602',
	'603',
	'604',
	'605',
	'606',
	'608',
	'702',
	'704',
	'720',
	'721',
	'723',
	'724',
	'728',
	'731',
	'732',
	'734',
	'736',
	'737',
	'739',
	'774',
	'775',
	'776',
	'777',
	'792',
	'797',
];
const SEGMENTS = ['Nový', 'Stálý', 'VIP', 'Neaktivní'];
const BROWSERS = [
	'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36',
	'Mozilla/5.0 (iPhone; CPU iPhone OS 17_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
	'Mozilla/5.0 (Linux; Android 14; SM-A546B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Mobile Safari/537.36',
	'Mozilla/4.0 (compatible; ms-office; MSOffice 16)',
	'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3 Safari/605.1.15',
];
const SHOP = 'Pekárna U Zlatého klasu';

export function seedDemo(store: Store): void {
	const rand = prng(20250303);
	const int = (max: number): number => Math.floor(rand() * max);
	const pickOne = <T>(items: readonly T[]): T => items[int(items.length)];
	const uuid = (): string => {
		const hex = Array.from({ length: 32 }, () => int(16).toString(16));
		hex[12] = '4';
		hex[16] = (8 + int(4)).toString(16);
		const h = hex.join('');
		return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
	};
	const ip = (): string =>
		`${pickOne([46, 77, 78, 80, 89, 90, 185, 213])}.${int(256)}.${int(256)}.${1 + int(254)}`;

	// ------------------------------------------------------------ custom columns (every data type)
	store.addCustomColumn({
		name: 'wk_pane_pani',
		dataTypeId: 1,
		caption: 'Oslovení (Pane/Paní)',
		description: 'Vokativ pro oslovení, vyplňuje systém',
		system: true,
		order: 1,
	});
	store.addCustomColumn({
		name: 'wk_mily_mila',
		dataTypeId: 1,
		caption: 'Oslovení (Milý/Milá)',
		description: 'Vokativ pro oslovení, vyplňuje systém',
		system: true,
		order: 2,
	});
	store.addCustomColumn({
		name: 'last_order',
		dataTypeId: 4,
		caption: 'Poslední objednávka',
		description: 'Datum a čas poslední objednávky z e-shopu',
		order: 10,
	});
	store.addCustomColumn({
		name: 'city',
		dataTypeId: 1,
		caption: 'Město',
		description: 'Město doručení',
		size: 100,
		order: 11,
	});
	store.addCustomColumn({
		name: 'loyalty_points',
		dataTypeId: 2,
		caption: 'Věrnostní body',
		description: 'Stav věrnostního konta',
		defaultValue: '0',
		minValue: 0,
		precision: 0,
		order: 12,
	});
	store.addCustomColumn({
		name: 'vip',
		dataTypeId: 3,
		caption: 'VIP zákazník',
		description: 'Zákazník s nadstandardní slevou',
		defaultValue: 'false',
		order: 13,
	});
	store.addCustomColumn({
		name: 'birthday',
		dataTypeId: 5,
		caption: 'Datum narození',
		description: 'Pro narozeninová přání',
		order: 14,
	});
	store.addCustomColumn({
		name: 'delivery_time',
		dataTypeId: 6,
		caption: 'Preferovaný čas doručení',
		description: 'Čas rozvozu objednávek',
		order: 15,
	});
	store.addCustomColumn({
		name: 'segment',
		dataTypeId: 7,
		caption: 'Zákaznický segment',
		description: 'Možnosti: Nový, Stálý, VIP, Neaktivní',
		defaultValue: 'Nový',
		order: 16,
	});

	// ------------------------------------------------------------ mailing lists
	const newsletter = store.addMailingList({
		name: 'Newsletter – zákazníci',
		description: 'Hlavní seznam odběratelů newsletteru z e-shopu',
		created: at(-180),
		updated: at(-12, 3600),
		guid: uuid(),
	});
	const promo = store.addMailingList({
		name: 'Akce a slevy',
		description: 'Odběratelé upozornění na akční nabídky',
		created: at(-150),
		updated: at(-40),
		guid: uuid(),
	});
	const b2b = store.addMailingList({
		name: 'B2B partneři',
		description: 'Kavárny, hotely a jídelny odebírající pečivo',
		created: at(-120),
		updated: at(-120),
		guid: uuid(),
	});
	const testList = store.addMailingList({
		name: 'Testovací seznam',
		description: 'Interní adresy pro testovací rozesílky',
		created: at(-200),
		updated: at(-200),
		guid: uuid(),
		isTest: true,
	});

	// ------------------------------------------------------------ contacts
	const contacts: Contact[] = [];
	for (let i = 0; i < 50; i++) {
		const male = i % 2 === 0;
		const first = (male ? MALE_NAMES : FEMALE_NAMES)[Math.floor(i / 2) % 25];
		const [maleSurname, vocative, femaleSurname] = SURNAMES[(i * 3) % 25];
		const surname = male ? maleSurname : femaleSurname;
		const unknownSex = i === 33 || i === 46;
		const company = i % 5 === 2 ? COMPANIES[i % COMPANIES.length] : null;
		const created = at(-170 + i * 3, int(36_000));
		const custom: Record<string, unknown> = {
			cc_wk_pane_pani: unknownSex
				? 'Vážený zákazníku'
				: male
					? `Pane ${vocative}`
					: `Paní ${femaleSurname}`,
			cc_wk_mily_mila: unknownSex
				? 'Milý zákazníku'
				: male
					? `Milý pane ${vocative}`
					: `Milá paní ${femaleSurname}`,
			cc_city: CITIES[(i * 7) % CITIES.length],
			cc_loyalty_points: int(60) * 10,
			cc_vip: i % 9 === 0,
			cc_segment: i % 9 === 0 ? 'VIP' : i > 44 ? 'Neaktivní' : pickOne(SEGMENTS.slice(0, 2)),
		};
		if (i % 3 !== 1) custom.cc_last_order = at(-int(60), int(80_000));
		if (i % 4 === 0)
			custom.cc_birthday = `${1965 + int(40)}-${String(1 + int(12)).padStart(2, '0')}-${String(1 + int(28)).padStart(2, '0')}`;
		if (i % 6 === 1)
			custom.cc_delivery_time = pickOne(['07:30', '08:00', '09:30', '16:00', '17:30']);
		const lists = [
			...(i < 40 ? [newsletter.mailingListId] : []),
			...(i % 3 === 0 ? [promo.mailingListId] : []),
			...(company ? [b2b.mailingListId] : []),
			...(i < 3 ? [testList.mailingListId] : []),
		];
		contacts.push(
			store.addContact(
				{
					email:
						i === 0
							? 'jan.novak@seznam.cz'
							: `${fold(first)}.${fold(surname)}@${company ? fold(company.split(' ')[0]) + '.cz' : DOMAINS[i % DOMAINS.length]}`,
					name: first,
					surname,
					title: i % 8 === 3 ? TITLES[i % TITLES.length] : null,
					sex: unknownSex ? null : male,
					mobilePhone:
						i % 4 === 3
							? null
							: `+420${pickOne(PREFIXES)}${String(int(1_000_000)).padStart(6, '0')}`,
					company,
					mailingListIds: lists,
					customColumns: custom,
				},
				{
					created,
					lastUpdate: later(created, 3600 + int(500_000)),
					confirmed: i % 7 === 0 ? true : null,
					ipAddress: i % 5 === 0 ? ip() : '',
					userAgent: i % 5 === 0 ? pickOne(BROWSERS) : '',
				},
			),
		);
	}

	// ------------------------------------------------------------ templates, groups, dispatchers, campaigns
	const tplSpring = store.addTemplate({
		name: 'Jarní newsletter 2025',
		subject: 'Jaro v pekárně: nové kváskové chleby',
		created: at(-20),
		updated: at(-3, 4000),
		type: 2,
		isCampaignBound: true,
		body: '<html><body><h1>{{cc_wk_mily_mila}},</h1><p>jaro je tady a s ním i nové kváskové chleby.</p><a href="https://www.pekarna-klas.cz/jaro">Prohlédnout nabídku</a></body></html>',
	});
	const tplOrder = store.addTemplate({
		name: 'Potvrzení objednávky',
		subject: 'Potvrzení objednávky č. {{orderNumber}}',
		created: at(-90),
		updated: at(-30),
		type: 1,
		isCampaignBound: true,
		body: '<p>Dobrý den, děkujeme za objednávku č. {{orderNumber}}. Vyzvednout si ji můžete {{pickupDate}}.</p>',
		bodyAlternative: 'Dobrý den, děkujeme za objednávku č. {{orderNumber}}.',
	});
	const tplEaster = store.addTemplate({
		name: 'Velikonoční akce',
		subject: 'Mazanec a beránek se slevou 20 %',
		created: at(20),
		updated: at(24),
		type: 2,
		isCampaignBound: true,
		body: '<html><body><p>{{cc_wk_pane_pani}}, na Velikonoce máme slevu 20 % na mazance.</p></body></html>',
	});
	store.addTemplate({
		name: 'SMS připomínka vyzvednutí',
		subject: 'Připomínka',
		created: at(-60),
		updated: at(-60),
		type: 3,
		isHtml: false,
		useWysiwyg: false,
		body: 'Vase objednavka je pripravena k vyzvednuti. Pekarna U Zlateho klasu',
		bodyAlternative: null,
	});
	const tplWelcome = store.addTemplate({
		name: 'Vítací e-mail',
		subject: 'Vítejte mezi odběrateli Pekárny U Zlatého klasu',
		created: at(-160),
		updated: at(-100),
		type: 1,
		isCampaignBound: true,
		body: '<p>Děkujeme za přihlášení k odběru. Jako dárek posíláme slevu 10 % na první nákup.</p>',
	});

	const groupNews = store.addCampaignGroup({ name: 'Newslettery', color: '#3E50B4' });
	const groupTran = store.addCampaignGroup({ name: 'Transakční e-maily', color: '#4CAF50' });

	const generic = store.addDispatcher({ subscribeCampaignId: null, welcomeCampaignId: null });
	const own = store.addDispatcher({
		status: 2,
		name: 'news.pekarna-klas.cz',
		title: 'https://news.pekarna-klas.cz/m/',
		url: 'https://news.pekarna-klas.cz/m/',
		useHttps: true,
		subscribeReturnUrl: 'https://www.pekarna-klas.cz/newsletter/dekujeme',
		unsubscribeReturnUrl: 'https://www.pekarna-klas.cz/newsletter/odhlaseno',
		useSubscribeAuthentication: true,
		sendSubscribeAuthenticationFormReturnUrl:
			'https://www.pekarna-klas.cz/newsletter/potvrdte-email',
		useSendWelcomeMail: true,
		useUnsubscribeAuthentication: false,
		useFeedback: true,
		feedback: 'Proč se odhlašujete?',
		feedbackUrl: 'https://www.pekarna-klas.cz/newsletter/zpetna-vazba',
		domainRewrite: 'news.pekarna-klas.cz',
		cnameRecord: 'm1.mail-komplet.cz',
	});
	store.addDispatcher({
		status: 0,
		name: 'info.pekarna-klas.cz',
		title: 'http://info.pekarna-klas.cz/m/',
		url: 'http://info.pekarna-klas.cz/m/',
		domainRewrite: 'info.pekarna-klas.cz',
		cnameRecord: null,
	});

	const from = { mailFromDisplayName: SHOP, senderDisplayName: SHOP };
	const spring = store.addCampaign({
		...from,
		name: 'Jarní newsletter',
		description: 'Novinky v sortimentu na jaro 2025',
		templateId: tplSpring.templateId,
		dispatcherId: generic.dispatcherId,
		campaignGroupId: groupNews.campaignGroupId,
		status: 4,
		mailFromAddress: 'newsletter@pekarna-klas.cz',
		senderEmail: 'newsletter@pekarna-klas.cz',
		replyToDisplayName: 'Zákaznická podpora',
		replyToAddress: 'podpora@pekarna-klas.cz',
		webTrackParam: 'utm_source=newsletter&utm_medium=email&utm_campaign=jaro2025',
		unsubscribeTypeId: 2,
		mailingListIds: [newsletter.mailingListId],
		created: at(-10),
	});
	const easter = store.addCampaign({
		...from,
		name: 'Velikonoční slevy',
		description: 'Sleva 20 % na mazance a beránky',
		templateId: tplEaster.templateId,
		dispatcherId: own.dispatcherId,
		campaignGroupId: groupNews.campaignGroupId,
		status: 4,
		mailFromAddress: 'akce@pekarna-klas.cz',
		senderEmail: 'akce@pekarna-klas.cz',
		webTrackParam: 'utm_source=newsletter&utm_medium=email&utm_campaign=velikonoce2025',
		unsubscribeTypeId: 1,
		mailingListIds: [promo.mailingListId],
		created: at(25),
	});
	const orders = store.addCampaign({
		...from,
		name: 'Potvrzení objednávky',
		description: 'Transakční e-mail po odeslání objednávky z e-shopu',
		templateId: tplOrder.templateId,
		dispatcherId: generic.dispatcherId,
		campaignGroupId: groupTran.campaignGroupId,
		status: 5,
		campaignType: 3,
		mailFromAddress: 'objednavky@pekarna-klas.cz',
		senderEmail: 'objednavky@pekarna-klas.cz',
		unsubscribeTypeId: 3,
		created: at(-90),
	});
	store.addCampaign({
		...from,
		name: 'Letní výprodej',
		description: 'Plánovaná kampaň na červen',
		templateId: tplSpring.templateId,
		dispatcherId: generic.dispatcherId,
		campaignGroupId: groupNews.campaignGroupId,
		status: 6,
		schedulerId: 5121,
		nextRunTime: '2025-06-02T08:00:00',
		mailFromAddress: 'newsletter@pekarna-klas.cz',
		senderEmail: 'newsletter@pekarna-klas.cz',
		unsubscribeTypeId: 2,
		mailingListIds: [newsletter.mailingListId, promo.mailingListId],
		created: at(40),
	});
	store.addCampaign({
		...from,
		name: 'Podzimní novinky (koncept)',
		description: null,
		templateId: null,
		dispatcherId: null,
		status: 2,
		mailFromAddress: 'newsletter@pekarna-klas.cz',
		senderEmail: 'newsletter@pekarna-klas.cz',
		insertTrackingImage: true,
		autoLinkTracking: false,
		unsubscribeTypeId: 2,
		created: at(45),
	});
	const welcome = store.addCampaign({
		...from,
		name: 'Vítací e-mail',
		description: 'Odesílá se po potvrzení odběru',
		templateId: tplWelcome.templateId,
		dispatcherId: own.dispatcherId,
		campaignGroupId: groupTran.campaignGroupId,
		status: 5,
		mailFromAddress: 'newsletter@pekarna-klas.cz',
		senderEmail: 'newsletter@pekarna-klas.cz',
		unsubscribeTypeId: 3,
		created: at(-160),
	});
	const internal = store.addCampaign({
		...from,
		name: 'Interní test šablony',
		description: 'Kontrola zobrazení jarního newsletteru',
		templateId: tplSpring.templateId,
		dispatcherId: generic.dispatcherId,
		status: 4,
		mailFromAddress: 'newsletter@pekarna-klas.cz',
		senderEmail: 'newsletter@pekarna-klas.cz',
		unsubscribeTypeId: 1,
		mailingListIds: [testList.mailingListId],
		created: at(-4),
	});
	own.subscribeCampaignId = welcome.campaignId;
	own.welcomeCampaignId = welcome.campaignId;

	// ------------------------------------------------------------ distributions with marketing e-mails
	const links = [
		'https://www.pekarna-klas.cz/jaro',
		'https://www.pekarna-klas.cz/eshop/kváskový-chléb',
		'https://www.pekarna-klas.cz/prodejny',
		'https://www.facebook.com/pekarnaklas',
	];
	const unsubscribed: Array<{ mail: MarketingEmail; ge: number }> = [];
	const bounced: MarketingEmail[] = [];
	const distribute = (
		campaignId: number,
		day: number,
		options: { isTesting?: boolean } = {},
	): void => {
		const campaign = store.campaigns.get(campaignId);
		if (!campaign) return;
		const recipients = contacts.filter((c) =>
			campaign.mailingListIds.some((id) => c.lists.has(id)),
		);
		const created = at(day);
		const executed = later(created, 92);
		const ge = store.addGeneratorExecution({
			campaignId,
			status: 1,
			phase: 4,
			created,
			executed,
			isTesting: options.isTesting ?? false,
			spentCredits: recipients.length,
			totalCount: recipients.length,
		});
		recipients.forEach((contact, n) => {
			const sent = later(executed, 5 + n * 2);
			const hard = !options.isTesting && n === 7;
			const soft = !options.isTesting && n === 12;
			const mail = store.addMarketingEmail({
				campaignId,
				generatorExecutionId: ge.generatorExecutionId,
				created: executed,
				sent,
				delivered: hard || soft ? null : later(sent, 3 + int(20)),
				fromAddress: campaign.mailFromAddress,
				toAddress: contact.email,
				toDisplayName: [contact.name, contact.surname].filter(Boolean).join(' ') || null,
				guid: uuid(),
			});
			if (hard) {
				ge.hardBounceCount++;
				bounced.push(mail);
				return;
			}
			if (soft) {
				ge.softBounceCount++;
				return;
			}
			ge.deliveryCount++;
			if (rand() < 0.5) {
				ge.openCount++;
				const opens = 1 + int(3);
				for (let k = 0; k < opens; k++) {
					const open = store.addMarketingOpen(mail, {
						created: later(sent, 600 + int(200_000)),
						ipAddress: ip(),
						userAgent: pickOne(BROWSERS),
					});
					ge.openCountTotal++;
					if (!contact.lastOpen || contact.lastOpen < open.created) contact.lastOpen = open.created;
				}
				if (rand() < 0.4) {
					ge.clickCount++;
					const clicks = 1 + int(2);
					for (let k = 0; k < clicks; k++) {
						const linkIndex = int(links.length);
						const click = store.addMarketingClick(mail, {
							created: later(sent, 900 + int(200_000)),
							linkUrl: links[linkIndex],
							linkIndex: linkIndex + 1,
							ipAddress: ip(),
							userAgent: pickOne(BROWSERS),
						});
						ge.clickCountTotal++;
						if (!contact.lastClick || contact.lastClick < click.created)
							contact.lastClick = click.created;
					}
				}
				if (!options.isTesting && unsubscribed.length < 2 && n % 5 === 4) {
					unsubscribed.push({ mail, ge: ge.generatorExecutionId });
					ge.unsubscribeCount++;
				}
			}
		});
	};
	distribute(spring.campaignId, 2);
	distribute(easter.campaignId, 37);
	distribute(internal.campaignId, 1, { isTesting: true });
	store.addGeneratorExecution({
		campaignId: spring.campaignId,
		status: 3,
		phase: 1,
		created: at(1, 600),
		executed: null,
	});

	// ------------------------------------------------------------ transactional e-mails
	const subjects: Array<[string, string | null]> = [
		['Potvrzení objednávky č. 2025-0131', 'objednavka'],
		['Potvrzení objednávky č. 2025-0132', 'objednavka'],
		['Vaše objednávka je připravena k vyzvednutí', 'objednavka,vyzvednuti'],
		['Potvrzení objednávky č. 2025-0133', 'objednavka'],
		['Faktura č. FV-2025-0087', 'faktura'],
		['Potvrzení registrace do e-shopu', 'registrace'],
		['Obnovení hesla', null],
		['Potvrzení objednávky č. 2025-0134', 'objednavka'],
		['Faktura č. FV-2025-0088', 'faktura'],
		['Potvrzení objednávky č. 2025-0135', 'objednavka'],
		['Potvrzení registrace do e-shopu', 'registrace'],
		['Vaše objednávka je připravena k vyzvednutí', 'objednavka,vyzvednuti'],
		['Potvrzení objednávky č. 2025-0136', 'objednavka'],
		['Potvrzení objednávky č. 2025-0137', 'objednavka'],
	];
	const tran: TransactionalEmail[] = subjects.map(([subject, tags], k) => {
		const created = at(17 + k * 3, int(30_000));
		const to = k === 3 ? 'objednavky@neexistujici-domena.cz' : contacts[(k * 7 + 1) % 50].email;
		const email = store.addTransactionalEmail({
			created,
			sendAt: created,
			queuePriority: subject.startsWith('Obnovení') ? 1 : 3,
			fromAddress: 'objednavky@pekarna-klas.cz',
			fromDisplayName: SHOP,
			toAddress: to,
			toDisplayName: null,
			subject,
			bodyFormat: true,
			emlSize: 6000 + int(9000),
			guid: uuid(),
			tags,
			campaignId: tags?.startsWith('objednavka') ? orders.campaignId : null,
		});
		if (k === 7) {
			email.phase = 1; // still being transmitted
		} else if (k === 11) {
			email.phase = 0; // being composed
		} else if (k === 9) {
			email.state = 4;
			email.result = 'Odeslání zrušeno uživatelem.';
		} else {
			email.state = 2;
			email.phase = 2;
			email.sent = later(created, 4 + int(10));
			email.delivered = k === 3 ? null : later(email.sent, 5 + int(30));
		}
		return email;
	});
	for (const email of tran) {
		if (!email.delivered || rand() > 0.65) continue;
		const open = store.addTransactionalOpen(email, {
			created: later(email.delivered, 300 + int(40_000)),
			ipAddress: ip(),
			userAgent: pickOne(BROWSERS),
		});
		if (rand() < 0.5) {
			store.addTransactionalClick(email, {
				created: later(open.created, 20 + int(600)),
				linkUrl: 'https://www.pekarna-klas.cz/muj-ucet/objednavky',
				linkIndex: 1,
				ipAddress: open.ipAddress,
				userAgent: open.userAgent,
			});
		}
	}
	store.addDeliveryInfo(tran[3], {
		created: later(tran[3].sent ?? tran[3].created, 2),
		dsnStatus: '5.1.1',
		dsnInfo:
			'smtp; 550-5.1.1 The email account that you tried to reach does not exist. Remote-MTA: dns; mx.neexistujici-domena.cz',
	});
	store.addDeliveryInfo(tran[5], {
		created: later(tran[5].sent ?? tran[5].created, 1),
		dsnStatus: '4.2.2',
		dsnInfo:
			'smtp; 452 4.2.2 The email account that you tried to reach is over quota. Remote-MTA: dns; mx.seznam.cz',
	});
	tran[4].unsubscribed = later(tran[4].delivered ?? tran[4].created, 7200);
	tran[6].reportedAsSpam = later(tran[6].delivered ?? tran[6].created, 5400);

	// ------------------------------------------------------------ unsubscriptions
	for (const { mail, ge } of unsubscribed) {
		const campaign = store.campaigns.get(mail.campaignId);
		store.addExcludeListEntry({
			email: mail.toAddress,
			mailingListId:
				campaign?.unsubscribeTypeId === 2 ? (campaign.mailingListIds[0] ?? null) : null,
			campaignId: campaign?.unsubscribeTypeId === 1 ? campaign.campaignId : null,
			createdDate: later(mail.sent ?? mail.created, 86_000),
			reason: 'Příliš mnoho e-mailů',
			sourceGeneratorExecutionId: ge,
			origin: 1,
			reasonId: 1,
			sourceCampaignId: mail.campaignId,
			sourceMarketingEmailId: mail.emailId,
		});
	}
	for (const mail of bounced) {
		store.addExcludeListEntry({
			email: mail.toAddress,
			createdDate: later(mail.sent ?? mail.created, 600),
			origin: 3,
			reasonId: 2,
			bounceTypeId: 1,
			deliveryInfoErrorCode: '5.1.1',
			sourceGeneratorExecutionId: mail.generatorExecutionId,
			sourceCampaignId: mail.campaignId,
			sourceMarketingEmailId: mail.emailId,
		});
	}
	store.addExcludeListEntry({
		email: contacts[47].email,
		createdDate: at(30, 40_000),
		reason: 'Požádal telefonicky o vyřazení ze všech rozesílek',
		origin: 2,
		reasonId: 1,
	});
	store.addExcludeListEntry({
		email: tran[4].toAddress,
		createdDate: tran[4].unsubscribed ?? at(40),
		origin: 1,
		reasonId: 1,
		sourceTransactionalEmailId: tran[4].emailId,
		reason: null,
	});
	store.addExcludeListEntry({
		email: tran[6].toAddress,
		createdDate: tran[6].reportedAsSpam ?? at(40),
		origin: 4,
		reasonId: 1,
		sourceTransactionalEmailId: tran[6].emailId,
		reason: 'Stížnost na spam (feedback loop)',
		isSpamComplaint: true,
	});
	store.addExcludeListEntry({
		email: contacts[44].email,
		mailingListId: promo.mailingListId,
		createdDate: at(50, 3000),
		origin: 1,
		reasonId: 1,
		validFrom: at(50, 3000),
		validTo: '2025-12-31T23:59:59',
		reason: 'Dočasně nechci dostávat akce',
	});

	// ------------------------------------------------------------ transactional SMS
	const smsTexts: Array<[string, number]> = [
		[
			'Vase objednavka c. 2025-0131 je pripravena k vyzvednuti v prodejne Vinohradska. Pekarna U Zlateho klasu',
			3,
		],
		[
			'Vaše objednávka č. 2025-0132 je připravena k vyzvednutí. Otevřeno 6:30–18:00. Pekárna U Zlatého klasu',
			3,
		],
		['Pripominame rozvoz objednavky 2025-0134 zitra mezi 7:30 a 8:00.', 3],
		['Kod pro overeni telefonu: 482913', 5],
		['Vase objednavka c. 2025-0136 byla zrusena. Pro info volejte 800 123 456.', 6],
		['Dnes 20 % sleva na mazance ve vsech prodejnach!', 2],
	];
	const phones = contacts.filter((c) => c.mobilePhone).map((c) => c.mobilePhone as string);
	smsTexts.forEach(([text, state], k) => {
		const created = at(18 + k * 5, int(30_000));
		const unicode = /[^\x20-\x7e]/.test(text);
		const parts =
			text.length <= (unicode ? 70 : 160) ? 1 : Math.ceil(text.length / (unicode ? 67 : 153));
		store.addTransactionalSms({
			to: phones[(k * 5) % phones.length],
			text,
			state,
			queuePriority: k === 3 ? 1 : 3,
			created,
			due: created,
			sent: state === 3 || state === 5 ? later(created, 4) : null,
			received: state === 3 ? later(created, 7) : null,
			smsGroupId: k === 5 ? 1 : null,
			guid: uuid(),
			price: state === 6 ? 0 : Math.round(parts * 0.8 * 100) / 100,
		});
	});

	// ------------------------------------------------------------ sale coupons
	const spring20 = store.addSaleCouponGroup({ name: 'Jarní slevy', color: '#E91E63' });
	const loyalty = store.addSaleCouponGroup({ name: 'Věrnostní program', color: '#3E50B4' });
	const code = (prefix: string): string =>
		`${prefix}-${Array.from({ length: 6 }, () => 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'[int(32)]).join('')}`;
	const springMails = store.marketingEmails.rows.filter((m) => m.campaignId === spring.campaignId);
	for (let k = 0; k < 8; k++) {
		const mail = k < 3 ? springMails[k] : undefined;
		store.addSaleCoupon({
			couponGroupId: spring20.couponGroupId,
			coupon: code('JARO25'),
			created: at(-1, k * 60),
			validity: '2025-05-31T23:59:59',
			email: mail?.toAddress ?? null,
			mailId: mail?.emailId ?? null,
			generatorExecutionId: mail?.generatorExecutionId ?? null,
			sent: mail?.sent ?? null,
		});
	}
	for (let k = 0; k < 4; k++) {
		const email = k === 0 ? tran[0] : undefined;
		store.addSaleCoupon({
			couponGroupId: loyalty.couponGroupId,
			coupon: code('VERNOST'),
			created: at(10, k * 60),
			validity: null,
			email: email?.toAddress ?? null,
			transactionalEmailId: email?.emailId ?? null,
			transactionalEmailGuid: email?.guid ?? null,
			sent: email?.sent ?? null,
		});
	}
}
