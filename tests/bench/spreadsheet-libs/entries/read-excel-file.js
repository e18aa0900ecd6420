import { readSheet } from 'read-excel-file/web-worker';
globalThis.r = readSheet;
