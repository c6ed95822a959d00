import type {
	IExecuteFunctions,
	ILoadOptionsFunctions,
	NodeParameterValueType,
} from 'n8n-workflow';

export type MailKompletContext = IExecuteFunctions | ILoadOptionsFunctions;

export const API_KEY_CREDENTIAL = 'mailKompletApi';
export const LOGIN_CREDENTIAL = 'mailKompletLoginApi';

export function isExecuteContext(ctx: MailKompletContext): ctx is IExecuteFunctions {
	return 'getInputData' in ctx;
}

/** A node parameter in a run (for the item) or in a picker, whose context has no items. */
export function nodeParameter(
	ctx: MailKompletContext,
	name: string,
	fallback: NodeParameterValueType,
	itemIndex = 0,
): unknown {
	return isExecuteContext(ctx)
		? ctx.getNodeParameter(name, itemIndex, fallback, { extractValue: true })
		: ctx.getNodeParameter(name, fallback, { extractValue: true });
}

const runValues = new WeakMap<MailKompletContext, Map<string, unknown>>();

/**
 * `read()` once per node run (a context is one run's, or one picker call's): parameters and the
 * credential do not change during it, and n8n resolves each anew at a cost. A read that throws
 * or rejects is not kept, so the next one tries again.
 */
export function oncePerRun<T>(ctx: MailKompletContext, key: string, read: () => T): T {
	let values = runValues.get(ctx);
	if (!values) runValues.set(ctx, (values = new Map()));
	if (values.has(key)) return values.get(key) as T;
	const value = read();
	values.set(key, value);
	if (value instanceof Promise) {
		value.catch(() => {
			if (values.get(key) === value) values.delete(key);
		});
	}
	return value;
}
