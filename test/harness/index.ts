/**
 * Runs the Mail Komplet node the way n8n does: a real Workflow, n8n-core's WorkflowExecute and
 * execution contexts, real parameter and expression resolution, and httpRequestWithAuthentication
 * with the credential's own authenticate definition. Only the credential store is ours, and it
 * decrypts as n8n does (see CredentialsHelper).
 */
import type * as Di from '@n8n/di';
import { createRequire } from 'module';
import {
	Cipher,
	Credentials,
	EncryptionKeyProxy,
	ExecutionLifecycleHooks,
	InstanceSettings,
	LoadOptionsContext,
	WorkflowExecute,
} from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IExecuteData,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeListSearchResult,
	INodeParameters,
	INodePropertyOptions,
	INodeType,
	INodeTypes,
	IRun,
	IVersionedNodeType,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	ResourceMapperFields,
} from 'n8n-workflow';
import { createRunExecutionData, ICredentialsHelper, isExpression, Workflow } from 'n8n-workflow';

import { MailKompletApi } from '../../credentials/MailKompletApi.credentials';
import { MailKompletLoginApi } from '../../credentials/MailKompletLoginApi.credentials';
import { MailKomplet } from '../../nodes/MailKomplet/MailKomplet.node';
import type * as listSearchMethods from '../../nodes/MailKomplet/methods/listSearch';
import type * as loadOptionsMethods from '../../nodes/MailKomplet/methods/loadOptions';

export const NODE_TYPE = 'n8n-nodes-mail-komplet.mailKomplet';
export const NODE_NAME = 'Mail Komplet';

const nodeTypeInstances: Record<string, INodeType> = {
	[NODE_TYPE]: new MailKomplet(),
};
const credentialTypes: Record<string, ICredentialType> = {
	mailKompletApi: new MailKompletApi(),
	mailKompletLoginApi: new MailKompletLoginApi(),
};

class NodeTypes implements INodeTypes {
	getByName(type: string): INodeType | IVersionedNodeType {
		return this.getByNameAndVersion(type);
	}

	getByNameAndVersion(type: string): INodeType {
		const nodeType = nodeTypeInstances[type];
		if (!nodeType) throw new Error(`Unknown node type ${type}`);
		return nodeType;
	}

	getKnownTypes() {
		return {};
	}
}

/** The test's credentials by type; sign-in writes its session into them, as n8n saves it. */
export type CredentialStore = Record<string, ICredentialDataDecryptedObject>;

/** The dependency container n8n-core takes its Cipher from (n8n-core's own copy of @n8n/di). */
const { Container } = createRequire(require.resolve('n8n-core'))('@n8n/di') as typeof Di;

let keyReady = false;

/**
 * n8n's instance key as the encryption key, as n8n keeps credentials saved before key rotation
 * (no key prefix; AES-256-CBC under the instance key). Set on first use, so the instance
 * settings come from the user folder a test has chosen by then.
 */
function useInstanceKey(): void {
	if (keyReady) return;
	const { encryptionKey } = Container.get(InstanceSettings);
	const key = {
		id: 'instance',
		value: Container.get(Cipher).encryptDEKWithInstanceKey(encryptionKey),
		algorithm: 'aes-256-cbc',
		format: 'no-prefix' as const,
	};
	Container.get(EncryptionKeyProxy).setProvider({
		getActiveKey: async () => key,
		getKeyById: async () => null,
		getLegacyKey: async () => key,
	});
	keyReady = true;
}

/**
 * Hands test credentials to n8n, applies a credential's authenticate definition and, like n8n's
 * own credentials helper, runs a credential's preAuthentication when its expirable property is
 * empty or the request reported it expired, then saves what it returned.
 *
 * Each credential is saved encrypted, with n8n-core's Credentials and Cipher, and every
 * `getDecrypted` decrypts it again, as n8n does for each resolution: a resolution costs here the
 * decryption it costs in n8n. Not modelled: n8n's two database queries per resolution (the
 * credential and its sharing), so a resolution still costs less here than in a real n8n.
 * `resolutions` counts them by type.
 */
class CredentialsHelper extends ICredentialsHelper {
	readonly resolutions: Record<string, number> = {};
	private readonly saved = new Map<string, Promise<Credentials>>();

	constructor(private readonly credentials: CredentialStore) {
		super();
	}

	/** The credential of `type` as saved: encrypted once, re-encrypted when it is updated. */
	private async savedCredential(type: string): Promise<Credentials> {
		let saved = this.saved.get(type);
		if (!saved) {
			const data = this.credentials[type];
			if (!data) throw new Error(`No test credentials of type ${type}`);
			useInstanceKey();
			const credential = new Credentials({ id: type, name: type }, type);
			saved = credential.setData({ ...data }).then(() => credential);
			this.saved.set(type, saved);
		}
		return await saved;
	}

	getParentTypes() {
		return [];
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = credentialTypes[typeName];
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (authenticate?.type !== 'generic') return requestOptions;
		const resolve = (value: string) =>
			isExpression(value)
				? String(
						workflow.expression.getSimpleParameterValue(
							node,
							value,
							'internal',
							{ $credentials: credentials },
							undefined,
							'',
						) ?? '',
					)
				: value;
		for (const [target, entries] of Object.entries(authenticate.properties)) {
			const bag = ((requestOptions as unknown as Record<string, IDataObject>)[target] ??= {});
			for (const [key, value] of Object.entries(entries as IDataObject)) {
				bag[resolve(key)] = resolve(String(value));
			}
		}
		return requestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = credentialTypes[typeName];
		const expirable = type?.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;
		const output = await type.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined || !node.credentials?.[typeName]) return undefined;
		Object.assign(credentials, output);
		await this.updateCredentials(node.credentials[typeName], typeName, credentials);
		return credentials;
	}

	async runPreAuthentication() {
		return undefined;
	}

	async getCredentials(_details: INodeCredentialsDetails, type: string) {
		return await this.savedCredential(type);
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		this.resolutions[type] = (this.resolutions[type] ?? 0) + 1;
		const data = await (await this.savedCredential(type)).getData();
		// Defaults filled in, as n8n does for each use.
		const defaults = Object.fromEntries(
			this.getCredentialsProperties(type).map((property) => [property.name, property.default]),
		);
		return { ...defaults, ...data } as ICredentialDataDecryptedObject;
	}

	/** Saves encrypted, and into the test's object, where tests read what sign-in stored. */
	async updateCredentials(
		_details: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	) {
		Object.assign(this.credentials[type], data);
		await (await this.savedCredential(type)).setData({ ...this.credentials[type] });
	}

	async updateCredentialsOauthTokenData() {}

	getCredentialsProperties(type: string) {
		return credentialTypes[type]?.properties ?? [];
	}

	isCredentialUsableByNode() {
		return true;
	}
}

export interface SandboxCredentials {
	apiKey: string;
	baseCrypt: string;
	baseUrl: string;
}

/** A Mail Komplet Login credential as saved: the login, and the session once signed in. */
export interface LoginCredentials {
	server: string;
	userName: string;
	password: string;
	baseUrl: string;
	businessUnit?: string;
	sessionToken?: string;
	baseCrypt?: string;
}

function additionalData(
	credentials: SandboxCredentials,
	hooks?: ExecutionLifecycleHooks,
	login?: LoginCredentials,
	executionId = '1',
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper: new CredentialsHelper({
			mailKompletApi: credentials as unknown as ICredentialDataDecryptedObject,
			...(login ? { mailKompletLoginApi: login as unknown as ICredentialDataDecryptedObject } : {}),
		}),
		hooks,
		executionId,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		currentNodeParameters: undefined,
		variables: {},
		userId: 'test-user',
		executeWorkflow: async () => {
			throw new Error('not supported in tests');
		},
		getRunExecutionData: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('not supported in tests');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
}

/** The node's Settings tab: n8n's own Retry On Fail and how it retries. */
export type NodeSettings = Pick<INode, 'retryOnFail' | 'maxTries' | 'waitBetweenTries'>;

/** n8n's Retry On Fail as users switch it on: two tries, 1 ms apart. */
export const RETRY_ON_FAIL: NodeSettings = { retryOnFail: true, maxTries: 2, waitBetweenTries: 1 };

function buildNode(
	parameters: INodeParameters,
	continueOnFail: boolean,
	typeVersion: number,
	settings: NodeSettings = {},
): INode {
	return {
		id: 'mail-komplet-node',
		name: NODE_NAME,
		type: NODE_TYPE,
		typeVersion,
		position: [0, 0],
		parameters,
		credentials: {
			mailKompletApi: { id: '1', name: 'Mail Komplet sandbox' },
			mailKompletLoginApi: { id: '2', name: 'Mail Komplet sandbox login' },
		},
		...(continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		...settings,
	};
}

function buildWorkflow(node: INode): Workflow {
	return new Workflow({
		id: 'test-workflow',
		name: 'Mail Komplet test',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new NodeTypes(),
		settings: { timezone: 'Europe/Prague' },
	});
}

export interface RunOptions {
	parameters: INodeParameters;
	credentials: SandboxCredentials;
	/** The saved Login credential (Authentication: Login); sign-in writes its session into it. */
	login?: LoginCredentials;
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	/** The node version the workflow saved; 1 unless a test is about a later version. */
	typeVersion?: number;
	/** The node's settings, e.g. `{ retryOnFail: true, maxTries: 2, waitBetweenTries: 1 }`. */
	settings?: NodeSettings;
}

export interface RunResult {
	/** Output items of the node, pairedItem included. */
	items: INodeExecutionData[];
	/** The node's error when the run failed. */
	error?: Error & {
		description?: string | null;
		httpCode?: string | null;
		context?: IDataObject;
	};
	run: IRun;
	/** How often n8n resolved each credential type (`getDecrypted`) in the execution. */
	credentialResolutions: Record<string, number>;
}

/** Every run is a new execution, with its own ID, as in n8n. */
let executions = 0;

/** Executes one Mail Komplet node in a real n8n workflow execution. */
export async function runNode(options: RunOptions): Promise<RunResult> {
	const executionId = String(++executions);
	const node = buildNode(
		options.parameters,
		options.continueOnFail ?? false,
		options.typeVersion ?? 1,
		options.settings,
	);
	const workflow = buildWorkflow(node);
	const workflowData = {
		id: workflow.id,
		name: workflow.name,
		nodes: [node],
		connections: {},
	};
	const hooks = new ExecutionLifecycleHooks(
		'manual',
		executionId,
		workflowData as unknown as IWorkflowBase,
	);
	const finished = new Promise<IRun>((resolve) =>
		hooks.addHandler('workflowExecuteAfter', (run) => resolve(run)),
	);
	const input = options.items ?? [{ json: {} }];
	const executeData: IExecuteData = {
		node,
		data: { main: [input] },
		source: null,
	};
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [executeData],
			waitingExecutionSource: null,
		},
	});
	const data = additionalData(options.credentials, hooks, options.login, executionId);
	const credentialResolutions = (data.credentialsHelper as CredentialsHelper).resolutions;
	const execute = new WorkflowExecute(data, 'manual', runExecutionData);
	try {
		await execute.processRunExecutionData(workflow);
	} catch (error) {
		// n8n refuses to start a workflow whose parameters fail their own validation.
		const failed = error as RunResult['error'];
		return { items: [], error: failed, run: undefined as unknown as IRun, credentialResolutions };
	}
	const run = await finished;
	const taskData = run.data.resultData.runData[NODE_NAME]?.[0];
	const error = (taskData?.error ?? run.data.resultData.error) as RunResult['error'];
	return { items: taskData?.data?.main?.[0] ?? [], error, run, credentialResolutions };
}

function loadOptionsContext(
	credentials: SandboxCredentials,
	parameters: INodeParameters,
	login?: LoginCredentials,
) {
	const node = buildNode(parameters, false, 1);
	return new LoadOptionsContext(
		buildWorkflow(node),
		node,
		additionalData(credentials, undefined, login),
		'',
	);
}

/** Calls a listSearch method through n8n's real load-options context. */
export async function listSearch(
	credentials: SandboxCredentials,
	method: keyof typeof listSearchMethods,
	filter?: string,
	paginationToken?: string,
	parameters: INodeParameters = {},
	login?: LoginCredentials,
): Promise<INodeListSearchResult> {
	const search = new MailKomplet().methods.listSearch[
		method as keyof MailKomplet['methods']['listSearch']
	];
	return await search.call(
		loadOptionsContext(credentials, parameters, login),
		filter,
		paginationToken,
	);
}

/** Calls a loadOptions method through n8n's real load-options context. */
export async function loadOptions(
	credentials: SandboxCredentials,
	method: keyof typeof loadOptionsMethods,
	parameters: INodeParameters = {},
): Promise<INodePropertyOptions[]> {
	const load = new MailKomplet().methods.loadOptions[
		method as keyof MailKomplet['methods']['loadOptions']
	];
	return await load.call(loadOptionsContext(credentials, parameters));
}

/** Calls a resourceMapping method through n8n's real load-options context. */
export async function resourceMapping(
	credentials: SandboxCredentials,
	method: string,
	parameters: INodeParameters = {},
): Promise<ResourceMapperFields> {
	const map = new MailKomplet().methods.resourceMapping[method as 'getCustomColumnFields'];
	return await map.call(loadOptionsContext(credentials, parameters));
}

/** The JSON of each output item. */
export const jsonOf = (result: RunResult) => result.items.map((item) => item.json);
