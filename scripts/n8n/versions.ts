/** A real n8n release the package is checked against. */
export interface N8nRelease {
	version: string;
	/** Extra `overrides` for the host package.json (1.x pins a CDN tarball that is not reachable). */
	overrides?: Record<string, string>;
}

export const N8N_RELEASES: readonly N8nRelease[] = [
	{ version: '2.40.5' },
	// The newest 2.x that installs from the registry: 2.41.3 needs @n8n/agents@0.26.2, which is not published.
	{ version: '2.41.1' },
	{ version: '1.123.81', overrides: { xlsx: '0.18.5' } },
];

/** The release the demo and the browser check use. */
export const DEFAULT_RELEASE = N8N_RELEASES[0];

export function majorOf(release: N8nRelease): number {
	return Number(release.version.split('.')[0]);
}

/** Releases selected by E2E_N8N_VERSIONS (comma-separated), all of them by default. */
export function selectedReleases(filter = process.env.E2E_N8N_VERSIONS): N8nRelease[] {
	if (!filter) return [...N8N_RELEASES];
	const wanted = filter
		.split(',')
		.map((v) => v.trim())
		.filter(Boolean);
	return wanted.map((version) => findRelease(version));
}

export function findRelease(version: string): N8nRelease {
	const release = N8N_RELEASES.find((r) => r.version === version);
	if (!release) {
		throw new Error(
			`n8n ${version} is not one of ${N8N_RELEASES.map((r) => r.version).join(', ')}`,
		);
	}
	return release;
}
