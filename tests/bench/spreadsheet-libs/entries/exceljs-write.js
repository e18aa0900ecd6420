import ExcelJS from 'exceljs';
globalThis.w = async (rows) => { const wb = new ExcelJS.Workbook(); const ws = wb.addWorksheet('S'); ws.addRows(rows); return wb.xlsx.writeBuffer(); };
