// The domain without the NACE activity texts: what the rules, the screens, the content script and
// the popup need. The options page's NACE search and lookups with activities come from ./nace-list
// (or the public face, ./index), so the 327 kB list stays out of the other bundles.
export * from './text';
export * from './numbers';
export * from './hazard';
export * from './minimums';
export * from './certificate';
export * from './tckn';
export * from './personnel';
export * from './nace';
export * from './sicil';
export * from './dates';
export * from './evaluation';
