import * as fs from 'node:fs';
import * as path from 'node:path';

import type { IConnections, INode, IRun, IWorkflowSettings } from 'n8n-workflow';

import type { N8nInstance } from './instance';

/** A workflow as n8n exports and imports it. */
export interface WorkflowFile {
	id: string;
	name: string;
	nodes: INode[];
	connections: IConnections;
	settings?: IWorkflowSettings;
	active?: boolean;
	pinData?: Record<string, unknown>;
	meta?: Record<string, unknown>;
	tags?: unknown[];
}

/** A credential as `n8n import:credentials` takes it: plain data is encrypted on import. */
export interface CredentialFile {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

let counter = 0;

function writeInput(n8n: N8nInstance, kind: string, content: unknown): string {
	const file = path.join(n8n.userFolder, `import-${kind}-${process.pid}-${++counter}.json`);
	fs.writeFileSync(file, JSON.stringify(content, null, 2));
	return file;
}

export async function importWorkflows(n8n: N8nInstance, workflows: WorkflowFile[]): Promise<void> {
	// Imported workflows start inactive; activateWorkflow() turns triggers on.
	const file = writeInput(
		n8n,
		'workflows',
		workflows.map((w) => ({ ...w, active: false })),
	);
	await n8n.cliChecked(['import:workflow', `--input=${file}`]);
}

export async function importCredentials(
	n8n: N8nInstance,
	credentials: CredentialFile[],
): Promise<void> {
	const file = writeInput(n8n, 'credentials', credentials);
	await n8n.cliChecked(['import:credentials', `--input=${file}`]);
}

/** Activates (2.x: publishes) a workflow so its triggers listen once `n8n start` runs. */
export async function activateWorkflow(n8n: N8nInstance, id: string): Promise<void> {
	const args =
		n8n.major >= 2
			? ['publish:workflow', `--id=${id}`]
			: ['update:workflow', `--id=${id}`, '--active=true'];
	await n8n.cliChecked(args);
}

export interface CliExecution {
	/** Exit code: 1 when a node failed. */
	code: number;
	run?: IRun;
	output: string;
}

/**
 * Runs a saved workflow once with `n8n execute --rawOutput`. The run is printed as pretty JSON
 * between log lines (before) and an error report (after, on failure), so it is cut out by its
 * unindented opening and closing braces.
 */
export async function executeWorkflow(n8n: N8nInstance, id: string): Promise<CliExecution> {
	const result = await n8n.cli(['execute', `--id=${id}`, '--rawOutput']);
	const lines = result.stdout.split('\n');
	const start = lines.indexOf('{');
	const end = start < 0 ? -1 : lines.indexOf('}', start);
	const run =
		end > start ? (JSON.parse(lines.slice(start, end + 1).join('\n')) as IRun) : undefined;
	return { code: result.code, run, output: result.stdout + result.stderr };
}

/**
 * Whether the run n8n printed finished successfully. The run is the evidence, not the exit code:
 * under load n8n 2.40.5's `execute` sometimes exits 128 after printing a successful run.
 */
export function succeeded(execution: CliExecution): { status?: string; finished?: boolean } {
	return { status: execution.run?.status, finished: execution.run?.finished };
}

/** The JSON items a node put on its first output in the first (or given) run. */
export function nodeOutput(
	run: IRun | undefined,
	nodeName: string,
	runIndex = 0,
): Array<Record<string, unknown>> {
	const task = run?.data.resultData.runData[nodeName]?.[runIndex];
	return (task?.data?.main?.[0] ?? []).map((item) => item.json);
}

/** The error a node stopped with, if any. */
export function nodeError(run: IRun | undefined, nodeName: string): string | undefined {
	const error = run?.data.resultData.runData[nodeName]?.[0]?.error;
	return error ? `${error.message}${error.description ? `: ${error.description}` : ''}` : undefined;
}
