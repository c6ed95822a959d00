/**
 * End-to-end suite: real n8n installs (cached in .n8n-cache/), the built package, the sandbox and
 * a real browser. Files run one at a time (each starts n8n processes; the machine has 2 cores).
 * @type {import('jest').Config}
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/e2e'],
	testMatch: ['**/*.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
	},
	globalSetup: '<rootDir>/e2e/setup/global-setup.ts',
	globalTeardown: '<rootDir>/e2e/setup/global-teardown.ts',
	maxWorkers: 1,
	testTimeout: 5 * 60_000,
	slowTestThreshold: 60,
	verbose: true,
};
