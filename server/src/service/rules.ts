/**
 * One shape for the lint rules of every language. A language writes its rules as one table keyed
 * by rule id, `defineRules({ 'vmx-unknown-key': { ... } })`, and gets back the list the facade
 * reads and, through `RuleIdOf`, the union of its ids: a finding with a misspelt id does not
 * compile. The id is the `Diagnostic.code` and the setting `infraLsp.rules.<id>`.
 */

export type RuleSeverity = 'ignore' | 'info' | 'warning' | 'error';

/**
 * How far a rule looks, for the quick re-check of one statement (service/quick.ts):
 * 'statement' — a finding inside a statement depends on that statement and the headers of the
 * blocks around it; 'block' — also on the other statements of the same block; 'file' — on
 * anything else in the file (definitions, references, duplicates across blocks).
 */
export type RuleScope = 'statement' | 'block' | 'file';

/** The smallest text that gets a finding of the rule, and the same text put right. */
export interface RuleExamples {
  readonly bad: string;
  readonly good: string;
  /** The language to check them as, where it is not the rule's own (rules of text features). */
  readonly language?: string;
  /** Other files of the example's tree, by name, beside it (rules about includes). */
  readonly files?: Readonly<Record<string, string>>;
  /**
   * Files of other trees in the same workspace, by name, each indexed in the language its name
   * says (`named.conf`, `dhcpd.conf`): rules across languages (dynamic DNS between dhcpd and named).
   */
  readonly workspace?: Readonly<Record<string, string>>;
  /** The example's own text in git's HEAD (rules that compare with it, FileAccess.committed). */
  readonly committed?: string;
}

/** One rule as its language's table writes it. */
export interface RuleSpec {
  readonly defaultSeverity: RuleSeverity;
  /** One sentence, our own words: what the rule reports. Shown in the settings UI. */
  readonly description: string;
  readonly scope: RuleScope;
  /** The rules test runs them on every rule. */
  readonly examples: RuleExamples;
  /** Ids the rule had before, which still work as setting names. */
  readonly formerIds?: readonly string[];
}

/** One rule, with its id. */
export interface RuleDef<Id extends string = string> extends RuleSpec {
  /** kebab-case, prefixed by the language: `vmx-unknown-key`, `named-missing-semicolon`. */
  readonly id: Id;
}

/** The list of a language's rules, in the order its table gives them. */
export function defineRules<const T extends Readonly<Record<string, RuleSpec>>>(
  table: T,
): readonly RuleDef<keyof T & string>[] {
  return Object.entries(table).map(([id, spec]) => ({ id: id as keyof T & string, ...spec }));
}

/** The union of the ids of a rule list made by `defineRules`. */
export type RuleIdOf<L extends readonly RuleDef[]> = L[number]['id'];

/** The rule a diagnostic's code names, if it is one of `rules` (code actions match their diagnostics so). */
export function ruleOf<Id extends string>(rules: readonly RuleDef<Id>[], code: unknown): Id | undefined {
  return rules.find((r) => r.id === code)?.id;
}

/** The two rules of a language whose files include others (see LanguageMode.loads), with its own examples. */
export function includeRules(
  tool: string,
  examples: { readonly missing: RuleExamples; readonly summary: RuleExamples },
): { readonly missing: RuleSpec; readonly summary: RuleSpec } {
  return {
    missing: {
      defaultSeverity: 'error',
      description: `An included file cannot be read: it does not exist, it is not a regular file, it lies outside the workspace, or its absolute path is not mapped to a workspace folder (${tool} fails on all of these).`,
      scope: 'file',
      examples: examples.missing,
    },
    summary: {
      defaultSeverity: 'info',
      description: 'An included file has errors: the include line counts them, and they are shown in that file.',
      scope: 'file',
      examples: examples.summary,
    },
  };
}
