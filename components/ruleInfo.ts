// Rule titles, severities and citations for display (PAGE-CONTRACT.md "Rule ids"), from the rule modules.
import { RULES, ruleById } from '@/utils/rules';
import type { RuleId, RuleModule } from '@/utils/rules/types';

export { RULES };

/** The rule module for an id, or undefined when it is unknown (then the id itself is shown). */
export function ruleInfo(id: RuleId): RuleModule | undefined {
  return ruleById(id);
}
