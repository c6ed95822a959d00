import type { IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

export type MailKompletContext = IExecuteFunctions | ILoadOptionsFunctions;

export const CREDENTIAL_TYPE = 'mailKompletApi';
