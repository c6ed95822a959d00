/**
 * Runs a webhook node the way n8n does, over real HTTP.
 *
 * A tiny node:http server plays n8n's webhook server: it routes `/webhook/<path>` (production)
 * and `/webhook-test/<path>` (test URL) to the node, gives the real `IncomingMessage` /
 * `ServerResponse` the Express-like additions n8n's request pipeline makes (`query`, `params`,
 * `contentType`, `encoding`, `readRawBody()` / `rawBody`, optionally n8n's JSON pre-parsing),
 * builds n8n-core's real `WebhookContext` over a real n8n-workflow `Workflow` (with a node-type
 * registry holding the package's node and a credentials helper that hands the node its test
 * credentials), calls the node's `webhook()` and then answers like n8n's
 * `executeWebhook` does for `responseMode: 'onReceived'`. Accepted calls can also be run through
 * n8n-core's `WorkflowExecute`, so the items go through n8n's execution engine.
 *
 * Written for this package after reading n8n's own node test harness
 * (packages/@n8n/node-test-harness) and its webhook pipeline (packages/cli/src/webhooks,
 * packages/cli/src/middlewares/body-parser.ts); no code is copied from them.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

import { ExecutionLifecycleHooks, HookContext, WebhookContext, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialType,
	IHttpRequestOptions,
	INode,
	INodeCredentials,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeParameters,
	INodeProperties,
	INodeType,
	INodeTypes,
	IRun,
	IVersionedNodeType,
	IWebhookData,
	IWebhookDescription,
	IWebhookResponseData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import {
	createRunExecutionData,
	ICredentialsHelper,
	NodeHelpers,
	UnexpectedError,
	Workflow,
} from 'n8n-workflow';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import nodeProcess from 'node:process';
import querystring from 'node:querystring';
import stream from 'node:stream';

import { request } from 'undici';

export const PACKAGE_NAME = 'n8n-nodes-mail-komplet';

/** n8n's default limit for request bodies (N8N_PAYLOAD_SIZE_MAX, 16 MiB). */
const N8N_PAYLOAD_SIZE_MAX = 16 * 1024 * 1024;

/*
 * n8n-core's InstanceSettings (built on first use by any execution context, CredentialTestContext
 * included) reads and, the first time, writes `<N8N_USER_FOLDER>/.n8n/config` with the instance's
 * encryption key. Point it at a throw-away folder instead of the user's home, as soon as this
 * module loads (before a test builds any context).
 */
let userFolder: string | undefined;
function ensureUserFolder(): void {
	if (userFolder !== undefined) return;
	userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'mail-komplet-trigger-n8n-'));
	nodeProcess.env.N8N_USER_FOLDER = userFolder;
	nodeProcess.env.N8N_DIAGNOSTICS_ENABLED = 'false';
}
ensureUserFolder();

/** Node types of the package, looked up the way n8n's NodeTypes service does. */
export class PackageNodeTypes implements INodeTypes {
	private readonly types = new Map<string, INodeType | IVersionedNodeType>();

	constructor(nodes: Array<INodeType | IVersionedNodeType>) {
		for (const node of nodes) this.types.set(`${PACKAGE_NAME}.${node.description.name}`, node);
	}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const found = this.types.get(nodeType);
		if (!found) throw new UnexpectedError(`Unknown node type: ${nodeType}`);
		return found;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes() {
		return Object.fromEntries(
			[...this.types.keys()].map((name) => [name, { className: name, sourcePath: '' }]),
		);
	}
}

/**
 * Hands credentials to nodes like n8n's CredentialsHelper: looked up by the reference stored in
 * `node.credentials`, checked against the requested type, with the credential type's defaults
 * applied (n8n's `applyDefaultsAndOverwrites`). As in n8n's own node test harness, they are kept
 * in memory unencrypted: n8n 2.x encrypts with keys from its database, which is not here.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	private readonly stored = new Map<
		string,
		{ type: string; name: string; data: ICredentialDataDecryptedObject }
	>();

	private readonly types = new Map<string, ICredentialType>();

	private nextId = 1;

	constructor(credentialTypes: ICredentialType[]) {
		super();
		for (const type of credentialTypes) this.types.set(type.name, type);
	}

	/** Stores a credential and returns the reference a node keeps in `node.credentials`. */
	add(type: string, data: ICredentialDataDecryptedObject): INodeCredentialsDetails {
		if (!this.types.has(type)) throw new UnexpectedError(`Unknown credential type: ${type}`);
		const details = { id: String(this.nextId++), name: `${type} (test)` };
		this.stored.set(details.id, { type, name: details.name, data: structuredClone(data) });
		return details;
	}

	getParentTypes(name: string): string[] {
		return this.types.get(name)?.extends ?? [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		_credentials: ICredentialDataDecryptedObject,
		_typeName: string,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return requestOptions;
	}

	async preAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new UnexpectedError('Encrypted credentials are not available in the webhook harness');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const entry = nodeCredentials.id ? this.stored.get(nodeCredentials.id) : undefined;
		if (!entry || entry.type !== type) {
			throw new UnexpectedError(
				`Credential ${nodeCredentials.id ?? '?'} of type ${type} not found`,
			);
		}
		return NodeHelpers.getNodeParameters(
			this.getCredentialsProperties(type),
			structuredClone(entry.data) as INodeParameters,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject;
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string): INodeProperties[] {
		const credentialType = this.types.get(type);
		if (!credentialType) throw new UnexpectedError(`Unknown credential type: ${type}`);
		return credentialType.properties;
	}
}

/** The request the harness hands to nodes: a real IncomingMessage plus n8n's additions. */
export type HarnessRequest = IncomingMessage & {
	query: Record<string, string | string[] | undefined>;
	params: Record<string, string>;
	body?: unknown;
	contentType?: string;
	encoding: BufferEncoding;
	rawBody: Buffer;
	readRawBody(): Promise<void>;
	_body: boolean;
};

/** The response the harness hands to nodes: a real ServerResponse plus Express's helpers. */
export type HarnessResponse = ServerResponse & {
	status(code: number): HarnessResponse;
	json(body: unknown): HarnessResponse;
	send(body?: unknown): HarnessResponse;
};

/**
 * How the body reaches the node:
 * - `raw` (default): like n8n's rawBodyReader, `readRawBody()` is there and nothing is parsed.
 * - `n8n`: like n8n's webhook pipeline for a version-1 trigger: the body is read and parsed
 *   before the node runs; invalid JSON sent as application/json is answered 422 by n8n itself.
 * - `stream`: nothing of n8n's: the node gets the bare request stream.
 */
export type BodyMode = 'raw' | 'n8n' | 'stream';

export interface HarnessOptions {
	node: INodeType;
	/** All node types of the package (the trigger is looked up among them). */
	nodeTypes: Array<INodeType | IVersionedNodeType>;
	credentialTypes: ICredentialType[];
	parameters?: INodeParameters;
	/** Credentials to store and attach to the node, by credential type. */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	bodyMode?: BodyMode;
}

export interface WebhookCall {
	/** What `webhook()` returned (undefined when it threw). */
	result?: IWebhookResponseData;
	/** What `webhook()` threw, if it did. */
	error?: unknown;
	/** Whether n8n would start the workflow. */
	started: boolean;
	/** The items the workflow would start with (first output). */
	items: INodeExecutionData[];
	/** Problems with how the node answered (e.g. no answer although it said it answered). */
	protocolErrors: string[];
	/** The finished execution, when the harness ran the workflow. */
	run?: IRun;
}

export interface SendOptions {
	/** `production` (default) posts to /webhook/..., `test` to /webhook-test/... */
	url?: 'production' | 'test';
	method?: string;
	headers?: Record<string, string>;
	query?: Record<string, string | string[]>;
	/** A string or Buffer is sent as is; anything else is sent as JSON. */
	body?: unknown;
	/** Send the body in chunks without a Content-Length (Transfer-Encoding: chunked). */
	chunked?: boolean;
	/** Run the started workflow through n8n-core's WorkflowExecute. */
	runWorkflow?: boolean;
}

export interface SendResult {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	text: string;
	json: unknown;
	call?: WebhookCall;
}

const REQUEST_ID_HEADER = 'x-harness-request-id';

function parseContentType(header: string | undefined): { type?: string; charset?: string } {
	if (!header) return {};
	const [type, ...params] = header.split(';');
	let charset: string | undefined;
	for (const param of params) {
		const [key, value] = param.split('=');
		if (key?.trim().toLowerCase() === 'charset' && value) {
			charset = value.trim().replace(/^"|"$/g, '').toLowerCase();
		}
	}
	return { type: type.trim().toLowerCase(), charset };
}

function toBufferEncoding(charset: string | undefined): BufferEncoding {
	if (charset && Buffer.isEncoding(charset)) return charset as BufferEncoding;
	return 'utf-8';
}

class PayloadTooLargeError extends Error {
	readonly status = 413;

	readonly type = 'entity.too.large';
}

async function readAll(req: IncomingMessage, limit: number): Promise<Buffer> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req) {
		const buffer = chunk as Buffer;
		size += buffer.length;
		if (size > limit) throw new PayloadTooLargeError('request entity too large');
		chunks.push(buffer);
	}
	return Buffer.concat(chunks);
}

export class WebhookHarness {
	readonly workflow: Workflow;

	readonly node: INode;

	readonly credentialsHelper: TestCredentialsHelper;

	readonly nodeTypes: PackageNodeTypes;

	private server?: Server;

	private baseUrl = '';

	private readonly calls = new Map<string, WebhookCall>();

	private requestCounter = 0;

	private readonly bodyMode: BodyMode;

	private readonly nodeType: INodeType;

	private constructor(
		workflow: Workflow,
		node: INode,
		credentialsHelper: TestCredentialsHelper,
		nodeTypes: PackageNodeTypes,
		bodyMode: BodyMode,
	) {
		this.workflow = workflow;
		this.node = node;
		this.credentialsHelper = credentialsHelper;
		this.nodeTypes = nodeTypes;
		this.bodyMode = bodyMode;
		this.nodeType = nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	}

	/** Builds the workflow, stores the credentials and starts the HTTP server. */
	static async start(options: HarnessOptions): Promise<WebhookHarness> {
		ensureUserFolder();
		const nodeTypes = new PackageNodeTypes(options.nodeTypes);
		const credentialsHelper = new TestCredentialsHelper(options.credentialTypes);
		const credentials: INodeCredentials = {};
		for (const [type, data] of Object.entries(options.credentials ?? {})) {
			credentials[type] = credentialsHelper.add(type, data);
		}
		const node: INode = {
			id: 'b6f1c9a2-3d4e-4f50-8a61-7c8d9e0f1a2b',
			name: options.node.description.defaults.name ?? options.node.description.displayName,
			type: `${PACKAGE_NAME}.${options.node.description.name}`,
			typeVersion: 1,
			position: [0, 0],
			webhookId: '5f0e4b8c-1d2a-4c3b-9e8f-a1b2c3d4e5f6',
			parameters: options.parameters ?? {},
			credentials,
		};
		const workflow = new Workflow({
			id: 'mailKompletTriggerTest',
			name: 'Mail Komplet Trigger test',
			nodes: [node],
			connections: {},
			active: true,
			nodeTypes,
			staticData: {},
			settings: {},
		});
		const harness = new WebhookHarness(
			workflow,
			workflow.getNode(node.name)!,
			credentialsHelper,
			nodeTypes,
			options.bodyMode ?? 'raw',
		);
		await harness.listen();
		return harness;
	}

	/** The webhook description `default` of the node. */
	get webhookDescription(): IWebhookDescription {
		const description = this.nodeType.description.webhooks?.find((w) => w.name === 'default');
		if (!description) throw new UnexpectedError('The node has no default webhook');
		return description;
	}

	/** The path n8n registers for the node's webhook, e.g. `<webhookId>/webhook`. */
	get webhookPath(): string {
		const description = this.webhookDescription;
		return NodeHelpers.getNodeWebhookPath(
			this.workflow.id,
			this.node,
			String(description.path),
			description.isFullPath === true,
		);
	}

	url(kind: 'production' | 'test' = 'production'): string {
		return `${this.baseUrl}/${kind === 'test' ? 'webhook-test' : 'webhook'}/${this.webhookPath}`;
	}

	additionalData(
		extra: Partial<IWorkflowExecuteAdditionalData> = {},
	): IWorkflowExecuteAdditionalData {
		const base: Partial<IWorkflowExecuteAdditionalData> = {
			credentialsHelper: this.credentialsHelper,
			executeWorkflow: async () => {
				throw new UnexpectedError('Sub-workflows are not available in the webhook harness');
			},
			currentNodeExecutionIndex: 0,
			restApiUrl: `${this.baseUrl}/rest`,
			instanceBaseUrl: this.baseUrl,
			formBaseUrl: `${this.baseUrl}/form`,
			formWaitingBaseUrl: `${this.baseUrl}/form-waiting`,
			formTestBaseUrl: `${this.baseUrl}/form-test`,
			webhookBaseUrl: `${this.baseUrl}/webhook`,
			webhookWaitingBaseUrl: `${this.baseUrl}/webhook-waiting`,
			webhookTestBaseUrl: `${this.baseUrl}/webhook-test`,
			mcpBaseUrl: `${this.baseUrl}/mcp`,
			mcpTestBaseUrl: `${this.baseUrl}/mcp-test`,
			variables: {},
			logAiEvent: () => {},
			currentNodeParameters: undefined,
			...extra,
		};
		return base as IWorkflowExecuteAdditionalData;
	}

	webhookData(
		mode: WorkflowExecuteMode,
		additionalData: IWorkflowExecuteAdditionalData,
	): IWebhookData {
		const description = this.webhookDescription;
		return {
			httpMethod: description.httpMethod as IWebhookData['httpMethod'],
			node: this.node.name,
			path: this.webhookPath,
			webhookDescription: description,
			workflowId: this.workflow.id,
			workflowExecuteAdditionalData: additionalData,
			webhookId: this.node.webhookId,
			isTest: mode === 'manual',
		};
	}

	/** Runs one of the node's webhook lifecycle methods in n8n-core's real HookContext. */
	async runWebhookMethod(
		method: 'checkExists' | 'create' | 'delete',
		activation: WorkflowActivateMode = 'activate',
	): Promise<boolean | undefined> {
		const fn = this.nodeType.webhookMethods?.default?.[method];
		if (!fn) throw new UnexpectedError(`The node has no webhook method ${method}`);
		const additionalData = this.additionalData();
		const context = new HookContext(
			this.workflow,
			this.node,
			additionalData,
			'webhook',
			activation,
			this.webhookData('webhook', additionalData),
		);
		return (await fn.call(context)) as boolean | undefined;
	}

	/** Sends one request to the node over HTTP and returns the answer and what the node did. */
	async send(options: SendOptions = {}): Promise<SendResult> {
		const requestId = String(++this.requestCounter);
		const url = new URL(this.url(options.url));
		for (const [key, value] of Object.entries(options.query ?? {})) {
			for (const one of Array.isArray(value) ? value : [value]) url.searchParams.append(key, one);
		}
		const headers: Record<string, string> = {
			...(options.headers ?? {}),
			[REQUEST_ID_HEADER]: requestId,
		};
		let body: string | Buffer | undefined;
		if (typeof options.body === 'string' || Buffer.isBuffer(options.body)) {
			body = options.body;
		} else if (options.body !== undefined) {
			body = JSON.stringify(options.body);
			if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
				headers['content-type'] = 'application/json';
			}
		}
		if (options.runWorkflow) headers['x-harness-run-workflow'] = '1';

		let payload: string | Buffer | InstanceType<typeof stream.Readable> | undefined = body;
		if (options.chunked && body !== undefined) {
			const bytes = Buffer.from(body);
			const chunks: Buffer[] = [];
			for (let offset = 0; offset < bytes.length; offset += 64 * 1024) {
				chunks.push(bytes.subarray(offset, offset + 64 * 1024));
			}
			payload = stream.Readable.from(chunks);
		}
		const response = await request(url, {
			method: (options.method ?? 'POST') as 'POST',
			headers,
			body: payload,
		});
		const text = await response.body.text();
		let json: unknown;
		try {
			json = JSON.parse(text);
		} catch {
			json = undefined;
		}
		const call = this.calls.get(requestId);
		this.calls.delete(requestId);
		return { status: response.statusCode, headers: response.headers, text, json, call };
	}

	async close(): Promise<void> {
		const server = this.server;
		this.server = undefined;
		if (server) {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		}
	}

	/** Removes the throw-away n8n user folder (call once, after all harnesses are closed). */
	static cleanUp(): void {
		if (userFolder !== undefined) {
			fs.rmSync(userFolder, { recursive: true, force: true });
			userFolder = undefined;
			delete nodeProcess.env.N8N_USER_FOLDER;
		}
	}

	private async listen(): Promise<void> {
		const server = http.createServer((req, res) => {
			void this.handle(req, res).catch((error: unknown) => {
				if (!res.headersSent) res.writeHead(599, { 'content-type': 'text/plain' });
				res.end(`harness failure: ${String(error)}`);
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
		const address = server.address();
		if (address === null || typeof address === 'string') throw new UnexpectedError('No port');
		this.server = server;
		this.baseUrl = `http://127.0.0.1:${address.port}`;
	}

	private answer(res: ServerResponse, status: number, body: unknown): void {
		if (res.headersSent) return;
		const payload = JSON.stringify(body);
		res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
		res.end(payload);
	}

	/** Gives the request what n8n's rawBodyReader middleware gives it. */
	private prepareRequest(incoming: IncomingMessage, url: URL): HarnessRequest {
		const req = incoming as HarnessRequest;
		req.query = querystring.parse(url.search.replace(/^\?/, ''));
		req.params = {};
		if (this.bodyMode === 'stream') return req;

		const { type, charset } = parseContentType(req.headers['content-type']);
		req.contentType = type;
		req.encoding = toBufferEncoding(charset);
		req.readRawBody = async () => {
			if (!req.rawBody) {
				req.rawBody = await readAll(req, N8N_PAYLOAD_SIZE_MAX);
				req._body = true;
			}
		};
		return req;
	}

	/** n8n's parseBody for a version-1 node: false when n8n itself has answered (422). */
	private async n8nParseBody(req: HarnessRequest, res: ServerResponse): Promise<boolean> {
		try {
			await req.readRawBody();
		} catch (error) {
			const status = error instanceof PayloadTooLargeError ? 413 : 400;
			this.answer(res, status, { code: status, message: 'Failed to read the request body' });
			return false;
		}
		const { rawBody, contentType, encoding } = req;
		if (rawBody?.length) {
			try {
				if (contentType === 'application/json') {
					req.body = JSON.parse(rawBody.toString(encoding));
				} else if (contentType === 'application/x-www-form-urlencoded') {
					req.body = querystring.parse(rawBody.toString(encoding));
				} else if (contentType === 'text/plain') {
					req.body = rawBody.toString(encoding);
				}
			} catch (error) {
				this.answer(res, 422, {
					code: 422,
					message: 'Failed to parse request body',
					hint: (error as Error).message,
				});
				return false;
			}
		}
		if (!req.body) req.body = {};
		return true;
	}

	private async handle(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
		const url = new URL(incoming.url ?? '/', this.baseUrl);
		const requestId = String(incoming.headers[REQUEST_ID_HEADER] ?? '');
		const runWorkflow = incoming.headers['x-harness-run-workflow'] === '1';
		const mode: WorkflowExecuteMode | undefined =
			url.pathname === `/webhook/${this.webhookPath}`
				? 'webhook'
				: url.pathname === `/webhook-test/${this.webhookPath}`
					? 'manual'
					: undefined;
		if (mode === undefined || incoming.method !== this.webhookDescription.httpMethod) {
			// What n8n answers for a path or method nothing is registered for.
			this.answer(outgoing, 404, {
				code: 404,
				message: 'The requested webhook is not registered.',
			});
			return;
		}

		const req = this.prepareRequest(incoming, url);
		const res = outgoing as HarnessResponse;
		res.status = (code: number) => {
			res.statusCode = code;
			return res;
		};
		res.json = (body: unknown) => {
			if (!res.headersSent) res.setHeader('content-type', 'application/json; charset=utf-8');
			res.end(JSON.stringify(body));
			return res;
		};
		res.send = (body?: unknown) => {
			if (typeof body === 'string' || Buffer.isBuffer(body) || body === undefined) res.end(body);
			else res.json(body);
			return res;
		};

		if (this.bodyMode === 'n8n' && !(await this.n8nParseBody(req, res))) {
			this.calls.set(requestId, { started: false, items: [], protocolErrors: [] });
			return;
		}

		const additionalData = this.additionalData({
			httpRequest: req as unknown as IWorkflowExecuteAdditionalData['httpRequest'],
			httpResponse: res as unknown as IWorkflowExecuteAdditionalData['httpResponse'],
		});
		const webhookData = this.webhookData(mode, additionalData);
		const context = new WebhookContext(
			this.workflow,
			this.node,
			additionalData,
			mode,
			webhookData,
			[],
			null,
		);

		const call: WebhookCall = { started: false, items: [], protocolErrors: [] };
		this.calls.set(requestId, call);
		try {
			call.result = await this.nodeType.webhook!.call(context);
		} catch (error) {
			// n8n's executeWebhook answers a throwing webhook() with a generic 500.
			call.error = error;
			this.answer(res, 500, {
				code: 0,
				message: 'Workflow Webhook Error: Workflow could not be started!',
			});
			return;
		}

		const result = call.result;
		if (result.noWebhookResponse === true) {
			if (!res.writableEnded) {
				call.protocolErrors.push('noWebhookResponse returned but the response was not ended');
				this.answer(res, 599, { message: 'node did not answer' });
			}
		} else if (res.headersSent) {
			call.protocolErrors.push('the node wrote a response but did not return noWebhookResponse');
		}

		if (result.workflowData !== undefined) {
			call.started = true;
			call.items = result.workflowData[0] ?? [];
			if (runWorkflow) call.run = await this.runWorkflow(mode, result);
			this.answerOnReceived(res, result);
			return;
		}
		this.answer(
			res,
			200,
			result.webhookResponse !== undefined
				? result.webhookResponse
				: { message: 'Webhook call received' },
		);
	}

	/**
	 * n8n's answer for responseMode onReceived once the execution exists: the webhook
	 * description's responseData (default: the literal text "firstEntryJson"), nothing for
	 * "noData", else the node's webhookResponse, else `{ message: 'Workflow was started' }`.
	 */
	private answerOnReceived(res: ServerResponse, result: IWebhookResponseData): void {
		if (res.headersSent) return;
		const responseData = this.webhookDescription.responseData ?? 'firstEntryJson';
		if (responseData === 'noData') {
			res.writeHead(200);
			res.end();
		} else if (responseData) {
			res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
			res.end(String(responseData));
		} else {
			this.answer(
				res,
				200,
				result.webhookResponse !== undefined
					? result.webhookResponse
					: { message: 'Workflow was started' },
			);
		}
	}

	/** Starts the workflow with the webhook's data, as n8n's WorkflowRunner does. */
	private async runWorkflow(
		mode: WorkflowExecuteMode,
		result: IWebhookResponseData,
	): Promise<IRun> {
		const workflowData: IWorkflowBase = {
			id: this.workflow.id,
			name: this.workflow.name ?? 'test',
			active: true,
			activeVersionId: null,
			isArchived: false,
			nodes: Object.values(this.workflow.nodes),
			connections: this.workflow.connectionsBySourceNode,
			createdAt: new Date(),
			updatedAt: new Date(),
		};
		const hooks = new ExecutionLifecycleHooks(mode, `exec-${this.requestCounter}`, workflowData);
		const additionalData = this.additionalData({
			hooks,
			executionId: `exec-${this.requestCounter}`,
		});
		const runExecutionData = createRunExecutionData({
			executionData: {
				nodeExecutionStack: [
					{ node: this.node, data: { main: result.workflowData ?? [] }, source: null },
				],
			},
		});
		const execute = new WorkflowExecute(additionalData, mode, runExecutionData);
		return await execute.processRunExecutionData(this.workflow);
	}
}
