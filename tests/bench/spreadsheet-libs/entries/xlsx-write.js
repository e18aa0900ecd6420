import { utils, write } from '@e965/xlsx';
globalThis.w = (rows) => { const wb = utils.book_new(); utils.book_append_sheet(wb, utils.aoa_to_sheet(rows), 'S'); return write(wb, { type: 'array', bookType: 'xlsx' }); };
