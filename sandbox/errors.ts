/** An error answered to the client as `{ "message": "..." }` with the given status. */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		message: string,
		readonly headers: Record<string, string> = {},
	) {
		super(message);
		this.name = 'ApiError';
	}
}

export const badRequest = (message: string): ApiError => new ApiError(400, message);

export const notFound = (what: string, id: number | string): ApiError =>
	new ApiError(404, `${what} ${id} was not found.`);
