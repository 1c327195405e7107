// Published versions are stored contracts (DESIGN "Stored contracts are versioned"). A version
// published before #13 — its graph, compiled machine, entries and hash exactly as the database holds
// them — and runs waiting in it are frozen as JSON in `__fixtures__/frozen/` and never rewritten.
// Each run is restored from its frozen snapshot onto the frozen machine (never recompiled), receives
// the events that arrive months later, and must finish with the transcript it would have had then.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  compile,
  createFlowMachine,
  driveTurn,
  type FlowEntry,
  type FlowEvent,
  type MachineConfig,
  matchingEntries,
  type PersistedRun,
  UnknownVocabularyError,
  VOCABULARY,
} from '../flow/index.ts';
import { activityCounts, couponStore, describeTurn } from './transcripts.ts';

const DIR = join(import.meta.dirname, '__fixtures__', 'frozen');
const read = <T>(file: string): T => JSON.parse(readFileSync(join(DIR, file), 'utf8')) as T;

type FrozenVersion = { graph: unknown; compiled: MachineConfig; entries: FlowEntry[]; hash: string };
type FrozenRun = {
  contact: string;
  about: string;
  waiting: string;
  snapshot: PersistedRun;
  coupons: string[];
  events: { at: string; event: FlowEvent }[];
  transcript: ReturnType<typeof describeTurn>[];
};

const version = read<FrozenVersion>('recall.version.json');
const { timeZone, activity, runs } = read<{
  timeZone: string;
  activity: Record<string, number>;
  runs: FrozenRun[];
}>('recall.runs.json');

describe('a version published before #13', () => {
  it('was stored without a vocabulary or node versions, which read as 1', () => {
    expect(version.compiled.vocabulary).toBeUndefined();
    expect(version.entries.every((entry) => entry.version === undefined)).toBe(true);
    expect(createFlowMachine(version.compiled).config.id).toBe('flow');
  });

  it('still starts runs at its stored entries', () => {
    const inbound = { kind: 'message' as const, text: '我想了解会员', room: false, mentionsBot: false };
    expect(matchingEntries(version.entries, inbound).map((entry) => entry.nodeId)).toEqual(['kw']);
  });

  it('still compiles from its stored graph today', () => {
    expect(compile(version.graph).ok).toBe(true);
  });

  it('is refused, not misread, by a build that does not know its vocabulary', () => {
    const newer = { ...version.compiled, vocabulary: VOCABULARY + 1 };
    expect(() => createFlowMachine(newer)).toThrow(UnknownVocabularyError);
  });

  describe.each(runs.map((run) => [run.contact, run.about, run] as const))(
    'contact %s, who %s',
    (_contact, _about, run) => {
      it('is restored from its stored snapshot, takes its events and finishes as it would have then', async () => {
        const machine = createFlowMachine(version.compiled);
        const resolve = couponStore({ vip: run.coupons });
        let snapshot = run.snapshot;
        const transcript = [];
        for (const { at, event } of run.events) {
          const turn = await driveTurn(machine, snapshot, event, {
            now: Date.parse(at),
            timeZone,
            activity: activityCounts(activity),
            resolve,
          });
          snapshot = JSON.parse(JSON.stringify(turn.snapshot));
          transcript.push(describeTurn(event, turn));
        }
        expect(transcript).toEqual(run.transcript);
        expect(transcript.at(-1)?.status).toMatch(/^(completed|exited) at /);
      });
    },
  );
});
