// The flow editor's server calls and react-query keys. Every key starts with ['flows'], so one
// invalidation refreshes the list page, this flow and its versions.
import type { z } from 'zod';
import type { flowDetail, publishedBody, versionDetail, versionSummary } from '../../../shared/api/flows.ts';
import { type FlowDocument, flowDocumentSchema } from '../../../shared/flow/document.ts';
import { api } from '../api.ts';

export type FlowDetail = z.infer<typeof flowDetail>;
export type Published = z.infer<typeof publishedBody>;
export type VersionSummary = z.infer<typeof versionSummary>;
export type VersionDetail = z.infer<typeof versionDetail>;

export const flowKeys = {
  all: ['flows'] as const,
  detail: (id: string) => ['flows', id] as const,
  versions: (id: string) => ['flows', id, 'versions'] as const,
  version: (id: string, version: number) => ['flows', id, 'versions', version] as const,
};

export const getFlow = (id: string) => api<FlowDetail>('GET', `/flows/${id}`);
export const saveFlow = (id: string, body: { name?: string; graph?: FlowDocument }) =>
  api<FlowDetail>('PUT', `/flows/${id}`, body);
export const publishFlow = (id: string) => api<Published>('POST', `/flows/${id}/publish`);
export const setPaused = (id: string, paused: boolean) =>
  api<FlowDetail>('POST', `/flows/${id}/${paused ? 'pause' : 'resume'}`);
export const listVersions = (id: string) => api<VersionSummary[]>('GET', `/flows/${id}/versions`);
export const getVersion = (id: string, version: number) =>
  api<VersionDetail>('GET', `/flows/${id}/versions/${version}`);

/** A stored graph as a document; something that is not one opens as an empty canvas. */
export function readGraph(graph: unknown): FlowDocument {
  const parsed = flowDocumentSchema.safeParse(graph);
  return parsed.success ? parsed.data : { nodes: [], edges: [] };
}
