// Dated audit snapshots and what changed between two of them: new, ended and changed contracts;
// shortfalls fixed, new and still open (seed 000 §6.3: monitoring and corrective action).
import { FULL_TIME_MONTH_MINUTES, ROLES, type Role } from '@/utils/domain/core';
import type { RecordStatus } from '@/utils/rules/types';
import type { AuditCounts, AuditResult } from './audit';

export interface SnapshotContract {
  key: string;
  workplaceKey: string;
  /** the contract's label in Turkish, and in English (snapshots saved before 2026-12 have none) */
  label: string;
  labelEn?: string;
  active: boolean;
  minutes?: number;
  employment?: string;
  state?: string;
  status: RecordStatus;
  rules: string;
}

export interface SnapshotWorkplace {
  key: string;
  title: string;
  status: RecordStatus;
  /** per role: minutes missing (a missing full-time professional counts 11.700 dk) */
  short: Partial<Record<Role, number>>;
}

export interface AuditSnapshot {
  id?: number;
  /** when the audit ran (ISO) */
  at: string;
  fileName: string;
  counts: AuditCounts;
  contracts: SnapshotContract[];
  workplaces: SnapshotWorkplace[];
}

export function toSnapshot(result: AuditResult, fileName: string): AuditSnapshot {
  return {
    at: result.at,
    fileName,
    counts: result.counts,
    contracts: result.contracts.map((c) => {
      const s: SnapshotContract = { key: c.key, workplaceKey: c.workplaceKey, label: c.label.tr, labelEn: c.label.en, active: c.active, status: c.status, rules: c.rules };
      if (c.facts.minutes !== undefined) s.minutes = c.facts.minutes;
      if (c.facts.employment) s.employment = c.facts.employment;
      if (c.facts.contractState) s.state = c.facts.contractState;
      return s;
    }),
    workplaces: result.workplaces.map((w) => {
      const short: Partial<Record<Role, number>> = {};
      for (const role of ROLES) {
        const r = w.roles?.[role];
        const missing = r ? r.shortfallMinutes + r.missingFullTime * FULL_TIME_MONTH_MINUTES : 0;
        if (missing > 0) short[role] = missing;
      }
      return { key: w.key, title: w.title ?? w.sicilNo ?? w.detsisNo ?? w.key, status: w.status, short };
    }),
  };
}

/** A snapshot contract's label in `lang` (an older snapshot kept only the Turkish one). */
export function snapshotLabel(c: { label: string; labelEn?: string }, lang: 'tr' | 'en'): string {
  return lang === 'en' ? (c.labelEn ?? c.label) : c.label;
}

export type ContractChangeField = 'minutes' | 'employment' | 'state' | 'status';

export interface ContractChange {
  key: string;
  label: string;
  labelEn?: string;
  workplaceKey: string;
  fields: { field: ContractChangeField; from?: string | number; to?: string | number }[];
}

export interface ShortfallChange {
  workplaceKey: string;
  title: string;
  role: Role;
  before: number;
  after: number;
}

export interface AuditDiff {
  previousAt: string;
  previousFile: string;
  added: SnapshotContract[];
  ended: SnapshotContract[];
  changed: ContractChange[];
  fixed: ShortfallChange[];
  opened: ShortfallChange[];
  /** still short in both, with the figures */
  open: ShortfallChange[];
}

/** What changed from `prev` to `cur`. A contract that left the file counts as ended. */
export function diffSnapshots(prev: AuditSnapshot, cur: AuditSnapshot): AuditDiff {
  const before = new Map(prev.contracts.map((c) => [c.key, c]));
  const now = new Map(cur.contracts.map((c) => [c.key, c]));
  const diff: AuditDiff = { previousAt: prev.at, previousFile: prev.fileName, added: [], ended: [], changed: [], fixed: [], opened: [], open: [] };
  for (const c of cur.contracts) {
    const old = before.get(c.key);
    if (!old) {
      if (c.active) diff.added.push(c);
      continue;
    }
    if (old.active && !c.active) {
      diff.ended.push(c);
      continue;
    }
    if (!old.active && c.active) {
      diff.added.push(c);
      continue;
    }
    const fields: ContractChange['fields'] = [];
    for (const field of ['minutes', 'employment', 'state', 'status'] as const) {
      if (old[field] !== c[field]) {
        const change: ContractChange['fields'][number] = { field };
        if (old[field] !== undefined) change.from = old[field];
        if (c[field] !== undefined) change.to = c[field];
        fields.push(change);
      }
    }
    if (fields.length > 0) diff.changed.push({ key: c.key, label: c.label, ...(c.labelEn !== undefined ? { labelEn: c.labelEn } : {}), workplaceKey: c.workplaceKey, fields });
  }
  for (const old of prev.contracts) if (old.active && !now.has(old.key)) diff.ended.push(old);

  const wBefore = new Map(prev.workplaces.map((w) => [w.key, w]));
  for (const w of cur.workplaces) {
    const old = wBefore.get(w.key);
    for (const role of ROLES) {
      const a = old?.short[role] ?? 0;
      const b = w.short[role] ?? 0;
      const change = { workplaceKey: w.key, title: w.title, role, before: a, after: b };
      if (a > 0 && b === 0) diff.fixed.push(change);
      else if (a === 0 && b > 0) diff.opened.push(change);
      else if (a > 0 && b > 0) diff.open.push(change);
    }
  }
  return diff;
}
