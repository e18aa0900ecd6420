// Reads the NACE hazard-class CSV (Tehlike Sınıfları Tebliği Ek-1, RULES.md §7) into rows.

export interface NaceCsvRow {
  code: string;
  activity: string;
  hazardText: string;
  note: string;
}

/**
 * Splits one CSV record into fields (RFC 4180 quoting: "a, b" and "" for a quote).
 * Records never span lines in our file, so lines are split first.
 */
export function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  const n = line.length;
  for (;;) {
    if (line.charCodeAt(i) === 34 /* " */) {
      let value = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) {
          value += line.slice(i);
          i = n;
          break;
        }
        value += line.slice(i, q);
        if (line.charCodeAt(q + 1) === 34) {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      fields.push(value);
      // skip to the next comma (nothing should stand between the closing quote and it)
      const c = line.indexOf(',', i);
      if (c < 0) return fields;
      i = c + 1;
    } else {
      const c = line.indexOf(',', i);
      if (c < 0) {
        fields.push(line.slice(i));
        return fields;
      }
      fields.push(line.slice(i, c));
      i = c + 1;
    }
  }
}

/** Parses the whole file; the header line is checked and skipped, blank lines ignored. */
export function parseNaceCsv(text: string): NaceCsvRow[] {
  const lines = text.split(/\r?\n/);
  const header = lines[0]?.replace(/^\ufeff/, '');
  if (header !== 'nace_kodu,faaliyet,tehlike_sinifi,not') {
    throw new Error(`NACE list: unexpected header "${header ?? ''}"`);
  }
  const rows: NaceCsvRow[] = [];
  for (let k = 1; k < lines.length; k++) {
    const line = lines[k]!;
    if (line === '') continue;
    const [code = '', activity = '', hazardText = '', note = ''] = splitCsvLine(line);
    rows.push({ code, activity, hazardText, note });
  }
  return rows;
}
