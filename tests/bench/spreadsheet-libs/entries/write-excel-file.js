import writeXlsxFile from 'write-excel-file/universal';
globalThis.w = writeXlsxFile;
