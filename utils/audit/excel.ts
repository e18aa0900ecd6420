// The colour-coded Excel report of an audit: sheets Sözleşmeler, İşyerleri, Profesyoneller (and
// Değişiklikler when an earlier audit exists). Turkish headers, the status as a word AND a fill
// (never colour alone), messages with their numbers and citation, column widths, frozen header
// and an autofilter on every sheet. Written with write-excel-file (SheetJS CE writes no styles).
import writeXlsxFile, { type Cell, type Feature, type SheetData } from 'write-excel-file/universal';
import { maskTckn, type Role } from '@/utils/domain/core';
import { HAZARD_LABELS } from '@/utils/domain/hazard';
import { ruleById } from '@/utils/rules';
import type { RecordStatus, RuleId } from '@/utils/rules/types';
import type { AuditContract, AuditProfessional, AuditResult, AuditWorkplace, PersonFindingId } from './audit';
import { displayTitle, STATUS_WORDS } from './i18n';
import type { AuditDiff } from './snapshot';

export const STATUS_FILL: Record<RecordStatus, string> = {
  error: '#F8CBAD',
  warn: '#FFE699',
  unknown: '#D9E1F2',
  ok: '#C6EFCE',
};

const HEADER = { fontWeight: 'bold' as const, backgroundColor: '#1F3864', color: '#FFFFFF', wrap: true };

const PERSON_FINDING_TR: Record<PersonFindingId, string> = {
  'over-month': '11.700 dk/ay aşıldı',
  'over-remaining': 'Kalan Max. süre aşıldı',
  'full-time-not-exclusive': 'Tam süreli, başka sözleşmesi var',
  'certificate-class': 'Sertifika sınıfı işyerine uymuyor',
};

function statusCell(status: RecordStatus): Cell {
  return { value: `${STATUS_WORDS[status].icon} ${STATUS_WORDS[status].tr}`, backgroundColor: STATUS_FILL[status], fontWeight: status === 'error' ? 'bold' : undefined };
}

function text(v: string | undefined): Cell {
  return v === undefined || v === '' ? null : { value: v, type: String };
}

function number(v: number | undefined): Cell {
  return v === undefined ? null : { value: v, type: Number, format: '#,##0' };
}

function header(labels: string[]): Cell[] {
  return labels.map((l) => ({ value: l, ...HEADER }));
}

function ruleTitle(id: string): string {
  if (id === 'needs-data') return 'Veri eksik';
  try {
    return ruleById(id as RuleId)?.title.tr ?? id;
  } catch {
    return id;
  }
}

/** "[minutes-below-minimum] message — citation" per finding, one per line. */
function findingsText(c: { findings: AuditContract['findings'] }): string {
  return c.findings.map((f) => `[${f.ruleId}${f.result === 'needs-data' ? ', veri eksik' : ''}] ${f.message.tr} — ${f.citation}`).join('\n');
}

function hazard(w: AuditWorkplace): string | undefined {
  return w.hazardClass ? HAZARD_LABELS[w.hazardClass].tr : w.hazardText;
}

function roleCell(w: AuditWorkplace, role: Role): Cell {
  const r = w.roles?.[role];
  if (!r) return text(w.needs ? 'veri eksik' : undefined);
  if (r.status === 'not-required') return text('gerekmez');
  const short = r.shortfallMinutes > 0;
  return { value: `${r.requiredMinutes.toLocaleString('tr-TR')} / ${r.providedMinutes.toLocaleString('tr-TR')}${short ? ` (eksik ${r.shortfallMinutes.toLocaleString('tr-TR')})` : ''}`, type: String, backgroundColor: short ? STATUS_FILL.error : undefined };
}

/** An autofilter over each sheet's used range (write-excel-file has none built in). */
function autoFilter(ranges: string[]): Feature<Blob> {
  return {
    files: {
      transform: {
        'xl/worksheets/sheet{id}.xml': {
          transform: (content, _options, properties) => {
            const ref = ranges[properties.sheetIndex];
            if (!ref || content.includes('<autoFilter')) return content;
            return content.replace('</sheetData>', `</sheetData><autoFilter ref="${ref}"/>`);
          },
        },
      },
    },
  };
}

function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** "satır 12: Can Işık (İGU, 1.300 dk) — 12.11.2025, istenen 1.300 dk": where the Kalan Max. was seen. */
function remainingBeside(result: AuditResult, p: AuditProfessional): string | undefined {
  const seen = p.remainingSeen;
  if (!seen) return undefined;
  const c = seen.contract !== undefined ? result.contracts[seen.contract] : undefined;
  const when = seen.at ? `${seen.at.slice(8, 10)}.${seen.at.slice(5, 7)}.${seen.at.slice(0, 4)}` : undefined;
  const asked = c ? (c.facts.employment === 'tam' ? 11700 : c.facts.minutes) : undefined;
  return [c ? `satır ${c.row}: ${c.label.tr}` : seen.assignmentKey, when, asked !== undefined ? `istenen ${asked.toLocaleString('tr-TR')} dk` : undefined].filter(Boolean).join(' — ');
}

export interface ExcelOptions {
  showTckn: boolean;
  orgName?: string;
  diff?: AuditDiff;
}

/** The report as sheets (data and widths), separate from writing so that tests can check it. */
export function reportSheets(result: AuditResult, opts: ExcelOptions): { sheet: string; data: SheetData; columns: { width: number }[] }[] {
  const tc = (v: string | undefined) => (v ? (opts.showTckn ? v : maskTckn(v)) : undefined);
  const titleOf = new Map(result.workplaces.map((w) => [w.key, displayTitle(w.title) ?? w.sicilNo ?? w.detsisNo ?? w.key]));
  const wpOf = new Map(result.workplaces.map((w) => [w.key, w]));

  const contracts: SheetData = [
    header(['Satır', 'Durum', 'Kurallar', 'Sözleşme ID', 'Sözleşme Adı', 'Görevlendirilen Kişi', 'TC Kimlik No', 'Görev', 'Sertifika', 'Çalışma Şekli', 'Çalışma Süresi (dk/ay)', 'Sözleşme Durumu', 'İşyeri', 'SGK/DETSİS No', 'Portal: Mevzuata Uygun mu', 'Bulgular ve dayanak']),
    ...result.contracts.map((c) => {
      const w = wpOf.get(c.workplaceKey);
      return [
        number(c.row),
        statusCell(c.status),
        text(c.rules.split(' ').filter(Boolean).map(ruleTitle).join('; ')),
        text(c.facts.portalId),
        text(c.facts.contractName),
        text(c.facts.personName),
        text(tc(c.facts.tckn)),
        text(c.facts.role ? c.facts.role.toUpperCase().replace('IGU', 'İGU').replace('IH', 'İH') : undefined),
        text(c.facts.certificateText),
        text(c.facts.employment === 'tam' ? 'Tam Süreli' : c.facts.employment === 'kismi' ? 'Kısmi Süreli' : undefined),
        number(c.facts.minutes),
        text(c.active ? 'Devam ediyor' : 'Sona erdi / iptal'),
        text(titleOf.get(c.workplaceKey)),
        text(w?.sicilNo ?? w?.detsisNo),
        c.portalVerdict === undefined
          ? null
          : { value: `${c.portalVerdict ? 'Evet' : 'Hayır'}${c.verdictDiffers ? ' (bizimkinden farklı)' : ''}`, type: String, backgroundColor: c.verdictDiffers ? STATUS_FILL.warn : undefined },
        { value: findingsText(c), type: String, wrap: true },
      ] as Cell[];
    }),
  ];

  const workplaces: SheetData = [
    header(['Durum', 'İşyeri', 'SGK/DETSİS No', 'İl', 'Çalışan (N)', 'Tehlike Sınıfı', 'NACE Kodu', 'NACE listedeki sınıf', 'İGU gereken / atanan (dk)', 'İH gereken / atanan (dk)', 'DSP gereken / atanan (dk)', 'Tam süreli İGU gereken / mevcut', 'Tam süreli İH gereken / mevcut', 'Toplam eksik (dk)', 'Sözleşme (aktif / tümü)', 'Portal Evet / Hayır', 'İşyeri geneli bulgular']),
    ...result.workplaces.map((w) => [
      statusCell(w.status),
      text(displayTitle(w.title)),
      text(w.sicilNo ?? w.detsisNo),
      text(w.province),
      w.employees !== undefined ? number(w.employees) : text(w.employeesText),
      text(hazard(w)),
      text(w.naceText),
      text(w.naceListClass === null ? 'listede yok' : w.naceListClass ? HAZARD_LABELS[w.naceListClass].tr : undefined),
      roleCell(w, 'igu'),
      roleCell(w, 'ih'),
      roleCell(w, 'dsp'),
      text(w.roles ? `${w.roles.igu.requiredFullTime} / ${w.roles.igu.presentFullTime}` : undefined),
      text(w.roles ? `${w.roles.ih.requiredFullTime} / ${w.roles.ih.presentFullTime}` : undefined),
      { value: w.shortfallMinutes, type: Number, format: '#,##0', backgroundColor: w.shortfallMinutes > 0 ? STATUS_FILL.error : undefined },
      text(`${w.activeContracts} / ${w.contracts.length}`),
      text(`${w.portalVerdicts.evet} / ${w.portalVerdicts.hayir}`),
      {
        value: [
          ...(w.needs ? [`Eksik bilgi: ${w.needs.map((n) => (n === 'employees' ? 'çalışan sayısı' : 'tehlike sınıfı')).join(', ')}`] : []),
          ...w.findings.map((f) => `[${f.ruleId}] ${f.message.tr} — ${f.citation}`),
        ].join('\n'),
        type: String,
        wrap: true,
      },
    ] as Cell[]),
  ];

  const professionals: SheetData = [
    header(['Durum', 'Ad Soyad', 'TC Kimlik No', 'Görev', 'Sertifika sınıfı', 'Aktif sözleşme', 'Tam süreli sözleşme', 'Taahhüt (dk/ay)', '11.700 dk aya göre', 'Son görülen Kalan Max. (dk)', 'Kalan Max. görüldüğü sözleşme (tarih, istenen dk)', 'İşyeri sayısı', 'Bulgular ve dayanak']),
    ...result.professionals.map((p) => [
      statusCell(p.status),
      text(p.name),
      text(tc(p.tckn)),
      text(p.roles.map((r) => ({ igu: 'İGU', ih: 'İH', dsp: 'DSP' })[r]).join(', ')),
      text(p.certificateClasses.join(', ')),
      number(p.activeContracts),
      number(p.fullTimeContracts),
      { value: p.committedMinutes, type: Number, format: '#,##0', backgroundColor: p.committedMinutes > 11700 ? STATUS_FILL.error : undefined },
      text(p.committedMinutes > 11700 ? `${(p.committedMinutes - 11700).toLocaleString('tr-TR')} dk fazla` : `${(11700 - p.committedMinutes).toLocaleString('tr-TR')} dk boş`),
      number(p.remainingSeen?.minutes),
      text(remainingBeside(result, p)),
      number(p.workplaces.length),
      { value: p.findings.map((f) => `[${PERSON_FINDING_TR[f.id]}] ${f.message.tr} — ${f.citation}`).join('\n'), type: String, wrap: true },
    ] as Cell[]),
  ];

  const sheets = [
    { sheet: 'Sözleşmeler', data: contracts, columns: [6, 12, 28, 12, 30, 22, 14, 7, 26, 12, 12, 16, 32, 28, 18, 90].map((width) => ({ width })) },
    { sheet: 'İşyerleri', data: workplaces, columns: [12, 34, 28, 10, 10, 14, 11, 16, 22, 22, 22, 14, 14, 12, 12, 12, 80].map((width) => ({ width })) },
    { sheet: 'Profesyoneller', data: professionals, columns: [12, 22, 14, 10, 10, 10, 10, 12, 16, 14, 34, 10, 90].map((width) => ({ width })) },
  ];

  if (opts.diff) {
    const d = opts.diff;
    const rows: SheetData = [header(['Değişiklik', 'Sözleşme / işyeri', 'Görev', 'Önce', 'Sonra'])];
    const add = (kind: string, what: string, role?: Role, before?: string | number, after?: string | number) =>
      rows.push([text(kind), text(what), text(role ? { igu: 'İGU', ih: 'İH', dsp: 'DSP' }[role] : undefined), before === undefined ? null : { value: String(before), type: String }, after === undefined ? null : { value: String(after), type: String }]);
    for (const c of d.added) add('Yeni sözleşme', `${c.label} — ${titleOf.get(c.workplaceKey) ?? c.workplaceKey}`);
    for (const c of d.ended) add('Sona eren sözleşme', `${c.label} — ${titleOf.get(c.workplaceKey) ?? c.workplaceKey}`);
    for (const c of d.changed) for (const f of c.fields) add(`Değişen: ${f.field}`, c.label, undefined, f.from, f.to);
    for (const s of d.fixed) add('Giderilen eksik (dk)', displayTitle(s.title) ?? s.title, s.role, s.before, s.after);
    for (const s of d.opened) add('Yeni eksik (dk)', displayTitle(s.title) ?? s.title, s.role, s.before, s.after);
    for (const s of d.open) add('Süren eksik (dk)', displayTitle(s.title) ?? s.title, s.role, s.before, s.after);
    sheets.push({ sheet: 'Değişiklikler', data: rows, columns: [24, 60, 8, 14, 14].map((width) => ({ width })) });
  }
  return sheets;
}

/** The report as an .xlsx Blob. */
export async function auditWorkbook(result: AuditResult, opts: ExcelOptions): Promise<Blob> {
  const sheets = reportSheets(result, opts);
  const ranges = sheets.map((s) => `A1:${columnLetter(s.columns.length)}${Math.max(1, s.data.length)}`);
  return writeXlsxFile(
    sheets.map((s) => ({ ...s, stickyRowsCount: 1 })),
    { features: [autoFilter(ranges)], fontFamily: 'Calibri', fontSize: 10 },
  ).toBlob();
}


