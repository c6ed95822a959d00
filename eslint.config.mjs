import js from '@eslint/js';
import { config as n8nConfig } from '@n8n/node-cli/eslint';
import tseslint from 'typescript-eslint';

// What ships (nodes, credentials, package.json) gets n8n's own community-node config unchanged;
// n8n's package scanner applies the same rules to the published package.
const shipped = ['nodes/**/*.ts', 'credentials/**/*.ts'];

const n8nRules = n8nConfig.map((block) =>
	block.files?.includes('**/*.ts') ? { ...block, files: shipped } : block,
);

// Tests, the sandbox and scripts run on Node itself: they may use node:http, process and timers,
// which the community-node rules rightly forbid in node code.
const tooling = tseslint.config({
	files: ['test/**/*.ts', 'sandbox/**/*.ts', 'scripts/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.ts'],
	extends: [js.configs.recommended, tseslint.configs.recommended],
	rules: { 'no-console': 'off' },
});

export default [
	{ ignores: ['dist/**', '.build/**', '.n8n-cache/**', 'artifacts/**', 'coverage/**'] },
	...n8nRules,
	...tooling,
];
