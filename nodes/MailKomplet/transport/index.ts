/**
 * The only code that talks HTTP. Operations import it from here; its files import each other
 * directly, never this one, so no import cycle runs through it.
 */
export { API_KEY_CREDENTIAL, LOGIN_CREDENTIAL } from './context';
export type { MailKompletContext } from './context';
export type {
	CreateSafety,
	Endpoints,
	EndpointSpec,
	PathParams,
	ReadSpec,
	RepeatSafety,
	SendSafety,
	WriteSpec,
} from './endpoint';
export { isWrite } from './endpoint';
export { AmbiguousWriteError } from './apiErrors';
export type { RequestSettings } from './settings';
export {
	DEFAULT_REQUEST_SETTINGS,
	parseRetryAfter,
	readRequestOptions,
	REQUEST_LIMITS,
	timing,
} from './settings';
export type { ApiRequest } from './request';
export { apiRequest } from './request';
export { credentialType } from './session';
export type { ListRequest, ListResponse, PagingOptions } from './paging';
export { hasMorePages, readAllPages } from './paging';
export { createOnce, LATE_COMMIT_MS, sendOnce } from './writeOnce';
export { findRecord } from './findRecord';
