// The tooling's lint rules (see scripts/eslint.tooling.mjs), not n8n's community-node rules.
export { default } from '../scripts/eslint.tooling.mjs';
