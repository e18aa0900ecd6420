import ExcelJS from 'exceljs';
globalThis.r = async (b) => { const wb = new ExcelJS.Workbook(); await wb.xlsx.load(b); return wb; };
