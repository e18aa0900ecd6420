import { read, utils } from '@e965/xlsx';
globalThis.r = (b) => utils.sheet_to_json(read(b, { type: 'array' }).Sheets.S, { header: 1 });
