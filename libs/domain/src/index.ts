export * from './lib/error-code';
export * from './lib/domain-error';
export * from './lib/vocabulary';
export * from './lib/status-rules';
export * from './lib/evidence-url';
export * from './lib/text-rules';
export * from './lib/pagination-rules';
export * from './lib/iso-date';
