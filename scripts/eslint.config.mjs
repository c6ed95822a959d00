// The tooling's lint rules (see eslint.tooling.mjs), not n8n's community-node rules.
export { default } from './eslint.tooling.mjs';
