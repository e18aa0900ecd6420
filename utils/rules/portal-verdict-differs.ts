// The portal's own verdict ("Sözleşme Mevzuata Uygun mu", sozlesmeMevzuataUygunMu) against ours
// (PAGE-CONTRACT.md; PORTAL-EVIDENCE.md: the list carries the column since 23.05.2024).
import type { Finding, Outcome, RuleModule, Subject } from './types';

export const PORTAL_VERDICT_CITATION =
  'İSG-KATİP sözleşme listesi: "Sözleşme Mevzuata Uygun mu" sütunu (23.05.2024 duyurusu; "Hayır" işaretli sözleşmeler güncellenmelidir)';

/**
 * Judged after the other rules, from their findings: "Evet" where an error rule fired, or "Hayır"
 * where no error rule fired and nothing was left unjudged.
 */
export function portalVerdictOutcome(subject: Subject, others: readonly Finding[]): Outcome {
  const verdict = subject.record.assignment?.portalVerdict;
  if (verdict === undefined) return { result: 'inapplicable' };
  const errors = others.filter((f) => f.result === 'fail' && f.severity === 'error');
  const unjudged = others.some((f) => f.result === 'needs-data');
  if (verdict && errors.length > 0) {
    const ids = [...new Set(errors.map((f) => f.ruleId))].sort().join(', ');
    return {
      result: 'fail',
      message: {
        tr: `Portal bu sözleşmeyi "Mevzuata Uygun: Evet" gösteriyor, ancak mevzuata göre hata var (${ids})`,
        en: `The portal shows this contract as compliant ("Evet"), but the regulation is not met (${ids})`,
      },
    };
  }
  if (!verdict && errors.length === 0 && !unjudged) {
    return {
      result: 'fail',
      message: {
        tr: 'Portal bu sözleşmeyi "Mevzuata Uygun: Hayır" gösteriyor, ancak sayfadaki bilgilere göre kural ihlali bulunmadı; portalın gerekçesini kontrol edin, sözleşme güncellenmelidir',
        en: 'The portal shows this contract as not compliant ("Hayır"), but no rule is broken by the facts on the page; check the portal\'s reason, the contract must be updated',
      },
    };
  }
  return { result: 'pass' };
}

export const portalVerdictDiffers: RuleModule = {
  id: 'portal-verdict-differs',
  severity: 'warn',
  title: { tr: 'Portalın kararı bizimkinden farklı', en: "The portal's verdict differs from ours" },
  citation: PORTAL_VERDICT_CITATION,
  // needs the other rules' findings: judgeRecord calls `after` once they are known
  check: () => ({ result: 'inapplicable' }),
  after: portalVerdictOutcome,
};
