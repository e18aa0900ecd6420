// What the audit page shows, cut from the whole result where the result lives (the worker): the
// dashboard's figures, and the lists (contracts, workplaces, professionals) filtered, searched and
// sorted there, then sent a page at a time, only the rows the virtualised list has in view. The
// page never holds (or deserialises) thousands of rows at once. Pure: a worker or a test runs it.
import type { Role } from '@/utils/domain/core';
import type { Bilingual, RecordStatus } from '@/utils/rules/types';
import type { AuditContract, AuditCounts, AuditProfessional, AuditResult, AuditWorkplace, RoleFigures } from './audit';
import { displayTitle } from './i18n';
import type { AuditDiff } from './snapshot';

export interface ContractFilter {
  status?: RecordStatus;
  rule?: string;
  role?: Role;
  workplace?: string;
  person?: string;
  verdictDiffers?: boolean;
  /** contracts of the workplaces with this status (a dashboard figure clicked) */
  workplaceStatus?: RecordStatus;
  /** contracts of the professionals with this status */
  personStatus?: RecordStatus;
  query?: string;
}

export type AuditView =
  | { list: 'contracts'; filter: ContractFilter }
  | { list: 'workplaces'; query?: string }
  | { list: 'professionals'; query?: string };

/** A contract as a list row: with its workplace's title. */
export type ContractRow = AuditContract & { workplaceTitle: string };
/** A professional as a list row: with the contract the last Kalan Max. was seen beside. */
export type ProfessionalRow = AuditProfessional & { beside?: { label: Bilingual; row: number; asked?: number } };
export type ViewRow<V extends AuditView> = V['list'] extends 'contracts' ? ContractRow : V['list'] extends 'workplaces' ? AuditWorkplace : ProfessionalRow;

export interface RowsPage<T> {
  total: number;
  from: number;
  items: T[];
}

/** The dashboard's figures: counts, the largest shortfalls, the bars. */
export interface AuditSummary {
  at: string;
  today: string;
  counts: AuditCounts;
  totals: { contracts: number; workplaces: number; professionals: number };
  /** the 10 workplaces with the largest shortfall */
  top: AuditWorkplace[];
  /** the workplaces drawn as bars: the top shortfalls, or the first 10 when none is short */
  bars: AuditWorkplace[];
}

/** The diff as the page shows it: counts in full, each list cut to `DIFF_SHOWN` items, workplace titles resolved. */
export type DiffView = AuditDiff & { counts: Record<'added' | 'ended' | 'changed' | 'fixed' | 'opened' | 'open', number>; titles: Record<string, string> };
export const DIFF_SHOWN = 500;

/** A role's figures as the printed report writes them. */
export type PrintRole = Pick<RoleFigures, 'status' | 'requiredMinutes' | 'providedMinutes' | 'shortfallMinutes'>;
/** A workplace as the printed report lists it (no contract lists, no messages: only what is printed). */
export type PrintWorkplace = Pick<AuditWorkplace, 'key' | 'status' | 'rules' | 'title' | 'sicilNo' | 'detsisNo' | 'employees' | 'employeesText' | 'hazardClass' | 'hazardText' | 'needs'> & {
  roles?: Record<Role, PrintRole>;
};
export type PrintProfessional = Pick<AuditProfessional, 'key' | 'name' | 'tckn'> & { findings: Pick<AuditProfessional['findings'][number], 'message' | 'citation'>[] };

/** What the printed report lists: the workplaces out of compliance and the professionals with findings. */
export interface PrintData {
  workplaces: PrintWorkplace[];
  professionals: PrintProfessional[];
}

function printWorkplace(w: AuditWorkplace): PrintWorkplace {
  const { key, status, rules, title, sicilNo, detsisNo, employees, employeesText, hazardClass, hazardText, needs, roles } = w;
  const out: PrintWorkplace = { key, status, rules, title, sicilNo, detsisNo, employees, employeesText, hazardClass, hazardText, needs };
  if (roles) {
    const role = ({ status, requiredMinutes, providedMinutes, shortfallMinutes }: PrintRole) => ({ status, requiredMinutes, providedMinutes, shortfallMinutes });
    out.roles = { igu: role(roles.igu), ih: role(roles.ih), dsp: role(roles.dsp) };
  }
  return out;
}

const lower = (s: string) => s.toLocaleLowerCase('tr');

export function workplaceTitle(w: AuditWorkplace): string {
  return displayTitle(w.title) ?? w.sicilNo ?? w.key;
}

export function auditSummary(result: AuditResult): AuditSummary {
  const top = result.workplaces.filter((w) => w.shortfallMinutes > 0).slice(0, 10);
  return {
    at: result.at,
    today: result.today,
    counts: result.counts,
    totals: { contracts: result.contracts.length, workplaces: result.workplaces.length, professionals: result.professionals.length },
    top,
    bars: top.length ? top : result.workplaces.slice(0, 10),
  };
}

/** One result's views: each filtered and sorted list computed once, then cut into pages. */
export class AuditViews {
  private readonly lists = new Map<string, readonly number[]>();
  private readonly titles: Map<string, string>;
  private readonly workplaceStatus: Map<string, RecordStatus>;
  private readonly personStatus: Map<string, RecordStatus>;

  constructor(readonly result: AuditResult) {
    this.titles = new Map(result.workplaces.map((w) => [w.key, workplaceTitle(w)]));
    this.workplaceStatus = new Map(result.workplaces.map((w) => [w.key, w.status]));
    this.personStatus = new Map(result.professionals.map((p) => [p.key, p.status]));
  }

  title(workplaceKey: string): string {
    return this.titles.get(workplaceKey) ?? workplaceKey;
  }

  /** Indices into the view's list, in the order shown. */
  indices(view: AuditView): readonly number[] {
    const key = JSON.stringify(view);
    let found = this.lists.get(key);
    if (!found) {
      found = this.compute(view);
      // a search typed letter by letter leaves a trail of views: keep the last few only
      if (this.lists.size > 40) this.lists.clear();
      this.lists.set(key, found);
    }
    return found;
  }

  page(view: AuditView, from: number, count: number): RowsPage<ContractRow | AuditWorkplace | ProfessionalRow> {
    const all = this.indices(view);
    const start = Math.max(0, Math.min(from, all.length));
    const slice = all.slice(start, start + Math.max(0, count));
    const { contracts, workplaces, professionals } = this.result;
    const items =
      view.list === 'contracts'
        ? slice.map((i) => ({ ...contracts[i]!, workplaceTitle: this.title(contracts[i]!.workplaceKey) }))
        : view.list === 'workplaces'
          ? slice.map((i) => workplaces[i]!)
          : slice.map((i) => this.professionalRow(professionals[i]!));
    return { total: all.length, from: start, items };
  }

  private professionalRow(p: AuditProfessional): ProfessionalRow {
    const at = p.remainingSeen?.contract;
    const c = at !== undefined ? this.result.contracts[at] : undefined;
    if (!c) return p;
    const asked = c.facts.employment === 'tam' ? 11700 : c.facts.minutes;
    return { ...p, beside: { label: c.label, row: c.row, ...(asked !== undefined ? { asked } : {}) } };
  }

  private compute(view: AuditView): number[] {
    const out: number[] = [];
    if (view.list === 'contracts') {
      const f = view.filter;
      const q = lower((f.query ?? '').trim());
      for (const c of this.result.contracts) if (this.matches(c, f, q)) out.push(c.i);
      return out;
    }
    const q = lower((view.query ?? '').trim());
    if (view.list === 'workplaces') {
      this.result.workplaces.forEach((w, i) => {
        if (!q || lower(`${w.title ?? ''} ${displayTitle(w.title) ?? ''} ${w.sicilNo ?? ''} ${w.detsisNo ?? ''} ${w.naceText ?? ''}`).includes(q)) out.push(i);
      });
      return out;
    }
    const people = this.result.professionals;
    people.forEach((p, i) => {
      if (!q || lower(`${p.name ?? ''} ${p.tckn ?? ''}`).includes(q)) out.push(i);
    });
    // the professionals with the most findings first, then the most committed
    return out.sort((a, b) => people[b]!.findings.length - people[a]!.findings.length || people[b]!.committedMinutes - people[a]!.committedMinutes);
  }

  private matches(c: AuditContract, f: ContractFilter, q: string): boolean {
    if (f.status && c.status !== f.status) return false;
    if (f.rule && !c.rules.split(' ').includes(f.rule)) return false;
    if (f.role && c.facts.role !== f.role) return false;
    if (f.workplace && c.workplaceKey !== f.workplace) return false;
    if (f.person && c.personKey !== f.person) return false;
    if (f.verdictDiffers && !c.verdictDiffers) return false;
    if (f.workplaceStatus && this.workplaceStatus.get(c.workplaceKey) !== f.workplaceStatus) return false;
    if (f.personStatus && (c.personKey === undefined || this.personStatus.get(c.personKey) !== f.personStatus)) return false;
    if (q) {
      const hay = lower(`${c.facts.portalId ?? ''} ${c.facts.contractName ?? ''} ${c.facts.personName ?? ''} ${c.facts.tckn ?? ''} ${this.title(c.workplaceKey)} ${c.workplaceKey}`);
      if (!hay.includes(q)) return false;
    }
    return true;
  }

  diffView(diff: AuditDiff, shown = DIFF_SHOWN): DiffView {
    const cut = <T>(xs: T[]) => xs.slice(0, shown);
    const view: DiffView = {
      previousAt: diff.previousAt,
      previousFile: diff.previousFile,
      added: cut(diff.added),
      ended: cut(diff.ended),
      changed: cut(diff.changed),
      fixed: cut(diff.fixed),
      opened: cut(diff.opened),
      open: cut(diff.open),
      counts: { added: diff.added.length, ended: diff.ended.length, changed: diff.changed.length, fixed: diff.fixed.length, opened: diff.opened.length, open: diff.open.length },
      titles: {},
    };
    for (const c of [...view.added, ...view.ended]) view.titles[c.workplaceKey] = this.title(c.workplaceKey);
    return view;
  }

  printData(): PrintData {
    return {
      workplaces: this.result.workplaces.filter((w) => w.status === 'error' || w.status === 'warn').map(printWorkplace),
      professionals: this.result.professionals
        .filter((p) => p.findings.length > 0)
        .map((p) => ({ key: p.key, name: p.name, tckn: p.tckn, findings: p.findings.map((f) => ({ message: f.message, citation: f.citation })) })),
    };
  }
}
