// CSV as spreadsheets save it (RFC 4180 quoting; ';' in Turkish Excel, ',' or a tab elsewhere;
// a UTF-8 BOM or Windows-1254 text). Every cell stays text: "1.200" must not become 1.2.

export interface CsvRead {
  rows: string[][];
  /** true when reading stopped at `maxRows` */
  truncated: boolean;
}

/** The delimiter of the first line: the most frequent of ';', ',', tab outside quotes. */
function detectDelimiter(text: string): string {
  const counts: Record<string, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length && i < 64 * 1024; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c in counts) counts[c]!++;
  }
  return Object.entries(counts).sort((a, b) => b[1] - a[1])[0]![0];
}

/** Text of a CSV file: UTF-8 when it decodes cleanly, else Windows-1254 (Turkish Excel's "CSV"). */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1254').decode(bytes);
  }
}

/** Parses CSV text into rows of cells; stops after `maxRows` rows (then `truncated`). */
export function parseCsv(input: string, maxRows = Infinity, maxCellLength = 10_000): CsvRead {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const delimiter = detectDelimiter(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  const push = () => {
    row.push(cell.length > maxCellLength ? cell.slice(0, maxCellLength) : cell);
    cell = '';
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else cell += c;
      i++;
      continue;
    }
    if (c === '"' && cell === '') quoted = true;
    else if (c === delimiter) push();
    else if (c === '\n' || c === '\r') {
      push();
      if (row.some((v) => v !== '')) rows.push(row);
      row = [];
      if (c === '\r' && text[i + 1] === '\n') i++;
      if (rows.length >= maxRows) {
        // anything left but blank lines is cut
        return { rows, truncated: text.slice(i + 1).trim() !== '' };
      }
    } else cell += c;
    i++;
  }
  if (cell !== '' || row.length > 0) {
    push();
    if (row.some((v) => v !== '')) rows.push(row);
  }
  return { rows, truncated: false };
}
