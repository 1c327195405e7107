// The flow model's public face: what the editor, the server and the runtime import.
// See README.md beside this file for how the runtime drives a run.

export { NODE_TYPES, nodeRegistry } from '../nodes/index.ts';
export {
  durationMs,
  durationProblem,
  formatDuration,
  isDuration,
  MAX_DURATION,
  MAX_DURATION_MS,
} from '../time/duration.ts';
export { type Answer, type AnswerKind, normalizeChinaMobile, parseAnswer } from './answer.ts';
export { type CompiledFlow, type CompileResult, compile, type FlowEntry } from './compile.ts';
export { type ConditionRule, evaluateConditions } from './condition.ts';
export type {
  AgentRepliedEvent,
  FlowContext,
  FlowEvent,
  FlowInput,
  MessageEvent,
  RequestSpec,
  ResolvedEvent,
  ResultEvent,
  RoomJoinedEvent,
  StartEvent,
  StateMeta,
  TimerEvent,
  WaitSpec,
} from './context.ts';
export { type FlowDocument, type FlowEdge, type FlowNode, flowDocumentSchema } from './document.ts';
export { type Effect, SEND_TARGETS, type SendEffect, type SendTarget } from './effects.ts';
export {
  ACTIVITY_GRADES,
  type ActivityGrade,
  FACT_FIELDS,
  type FactField,
  type FlowFacts,
  NO_FACTS,
} from './facts.ts';
export type { OpenEnd } from './graph-checks.ts';
export { pickWeighted, stickyUnit } from './hash.ts';
export {
  type Issue,
  type IssueParams,
  LINT_CODES,
  LINT_LEVELS,
  type LintCode,
  type ValidationResult,
} from './issues.ts';
export { createFlowMachine, type FlowMachine } from './machine.ts';
export type { MachineConfig } from './machine-config.ts';
export type { ChipTone, NodeIcon, NodeSummary, SummaryPart, SummaryText } from './node-card.ts';
export {
  type AnyNodeDefinition,
  defineNode,
  field,
  formFields,
  type NodeDefinition,
  type Port,
  type TriggerInbound,
} from './node-definition.ts';
export { currentData, upgradeNode } from './node-versions.ts';
export { MAX_REGEX_INPUT, regexMatches } from './regex.ts';
export { createRegistry, type NodeRegistry } from './registry.ts';
export { renderTemplate, templateVariables } from './template.ts';
export { acceptsRequest, matchingEntries } from './triggers.ts';
export {
  driveTurn,
  type PersistedRun,
  type RequestResolver,
  type RunStatus,
  runTurn,
  type TurnEnv,
  type TurnResult,
  type TurnWait,
} from './turn.ts';
export { type LintContext, openEndPorts, validate } from './validate.ts';
export {
  CURRENT_VOCABULARY,
  inVocabulary,
  UnknownVocabularyError,
  VOCABULARY,
  type Vocabulary,
} from './vocabulary.ts';
export { defineWaitKind, nextWake, type WaitKind, type WaitKinds, type WakeOptions } from './wake.ts';
