// Reading and writing one field of a node's data through its schema: defaults, visibility, list bounds.
import type { z } from 'zod';
import type { AnyNodeDefinition, FormField } from '../../../../shared/flow/node-definition.ts';

export type NodeData = Record<string, unknown>;

export const fieldSchema = (definition: AnyNodeDefinition, key: string): z.ZodType =>
  (definition.data.shape as Record<string, z.ZodType>)[key]!;

/** The value the form shows: the stored one, or the schema default while the field is absent. */
export function fieldValue(definition: AnyNodeDefinition, data: NodeData, key: string): unknown {
  if (data[key] !== undefined) return data[key];
  const fallback = fieldSchema(definition, key).safeParse(undefined);
  return fallback.success ? fallback.data : undefined;
}

export function isVisible(definition: AnyNodeDefinition, data: NodeData, field: FormField): boolean {
  const rule = field.visibleWhen;
  return !rule || rule.in.includes(String(fieldValue(definition, data, rule.field)));
}

/** A new data object with `key` set, or removed when `value` is undefined (optional, or back to its default). */
export function withField(data: NodeData, key: string, value: unknown): NodeData {
  const { [key]: _, ...rest } = data;
  return value === undefined ? rest : { ...rest, [key]: value };
}

export const acceptsNull = (schema: z.ZodType): boolean => schema.safeParse(null).success;

type LengthCheck = { check?: string; minimum?: number; maximum?: number };

/** Min/max item counts of an array field, read from zod's checks (through a `.default()`). */
export function listBounds(schema: z.ZodType): { min: number; max: number } {
  const def = schema._zod.def as { innerType?: z.ZodType; checks?: { _zod: { def: LengthCheck } }[] };
  const checks = (def.innerType ? def.innerType._zod.def : def) as typeof def;
  const bounds = { min: 0, max: Number.POSITIVE_INFINITY };
  for (const { _zod } of checks.checks ?? []) {
    if (_zod.def.check === 'min_length') bounds.min = _zod.def.minimum ?? 0;
    if (_zod.def.check === 'max_length') bounds.max = _zod.def.maximum ?? bounds.max;
  }
  return bounds;
}
