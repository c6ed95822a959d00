/** Reads the executions a running n8n saved, through the REST API the editor's list uses. */
import { createRequire } from 'node:module';
import * as path from 'node:path';

import type { IRunExecutionData } from 'n8n-workflow';

import { installDir } from '../../scripts/n8n/install';
import type { N8nInstance } from '../../scripts/n8n/instance';
import { sleep } from '../../scripts/n8n/process';
import type { N8nRest } from '../../scripts/n8n/rest';

export interface ExecutionSummary {
	id: string;
	status: string;
	mode: string;
	workflowId: string;
}

export interface ExecutionDetail extends ExecutionSummary {
	data: IRunExecutionData;
}

export async function listExecutions(
	rest: N8nRest,
	workflowId: string,
): Promise<ExecutionSummary[]> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const page = await rest.request<{ results: ExecutionSummary[] }>(
		'GET',
		`/rest/executions?filter=${filter}&limit=100`,
	);
	return page.results;
}

/** Waits until `count` executions of the workflow have finished (none running or waiting). */
export async function waitForExecutions(
	rest: N8nRest,
	workflowId: string,
	count: number,
	timeoutMs = 60_000,
): Promise<ExecutionSummary[]> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const executions = await listExecutions(rest, workflowId);
		const done = executions.filter((e) => !['new', 'running', 'waiting'].includes(e.status));
		if (done.length >= count) return done;
		if (Date.now() > deadline)
			throw new Error(
				`only ${done.length} of ${count} executions finished: ${JSON.stringify(executions)}`,
			);
		await sleep(500);
	}
}

/** One execution with its run data; n8n sends that data in the `flatted` format, parsed with n8n's own copy. */
export async function getExecution(
	rest: N8nRest,
	n8n: N8nInstance,
	id: string,
): Promise<ExecutionDetail> {
	const execution = await rest.request<ExecutionSummary & { data: string | IRunExecutionData }>(
		'GET',
		`/rest/executions/${id}`,
	);
	if (typeof execution.data !== 'string') return execution as ExecutionDetail;
	const n8nRequire = createRequire(
		path.join(installDir(n8n.release), 'node_modules', 'n8n', 'package.json'),
	);
	const flatted = n8nRequire('flatted') as { parse(text: string): IRunExecutionData };
	return { ...execution, data: flatted.parse(execution.data) };
}
