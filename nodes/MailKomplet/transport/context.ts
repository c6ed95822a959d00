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
