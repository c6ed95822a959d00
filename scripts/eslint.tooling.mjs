import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Lint rules for the tooling: tests, the sandbox, the end-to-end suite, benchmarks and scripts.
 * They run on Node itself and rightly use node:http, process and timers, which n8n's
 * community-node rules (the root eslint.config.mjs, n8n's default, kept unchanged for strict
 * mode) forbid in node code. Each tooling folder's eslint.config.mjs re-exports this file;
 * `npm run lint` sets ESLINT_FLAGS=unstable_config_lookup_from_file so every file uses the
 * nearest eslint.config.mjs above it.
 */
export default tseslint.config({
	files: ['**/*.ts'],
	extends: [js.configs.recommended, tseslint.configs.recommended],
	rules: { 'no-console': 'off' },
});
