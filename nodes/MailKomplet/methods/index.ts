export * as listSearch from './listSearch';
export * as loadOptions from './loadOptions';
export { pickerSources } from './sources';
