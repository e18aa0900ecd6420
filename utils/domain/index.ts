// The law and the portal's formats as pure functions (RULES.md). Public face of utils/domain:
// everything in ./core plus the NACE list with its activity texts (lookupNace, searchNace).
export * from './core';
export * from './nace-list';
