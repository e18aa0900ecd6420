// The law and the portal's formats as pure functions (RULES.md). Public face of utils/domain.
export * from './text';
export * from './numbers';
export * from './hazard';
export * from './minimums';
export * from './certificate';
export * from './tckn';
export * from './personnel';
export * from './nace';
export * from './nace-list';
export * from './sicil';
export * from './dates';
export * from './evaluation';
