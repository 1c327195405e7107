// Launch at scale, in the small (bench:campaigns measures it at 100k): members and their runs are made
// set-wise, each member's run id given at enrollment; a contact already in the flow is a skipped member
// without a run; a contact too wide for the segment index (long attributes) is counted and enrolled too.
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { launchCampaign } from '../runtime/campaigns/launch.ts';
import { previewSegment } from '../runtime/segments/preview.ts';
import { campaignMembers, campaigns, contacts, runs } from '../shared/db/schema.ts';
import { DEFAULT_EXCLUSIONS, segmentRulesSchema } from '../shared/segments/rules.ts';
import { describeDb } from './support/db.ts';
import { fixtureGraph, publishGraph, seedWorkspace } from './support/runtime.ts';

describeDb('campaign launch', (db) => {
  it('gives each member its run; skips one already in the flow; counts wide contacts', async () => {
    const d = db().db;
    const { workspaceId, account } = await seedWorkspace(d, 'Launch');
    const flow = await publishGraph(d, workspaceId, `launch-${Date.now()}`, fixtureGraph('campaign'));
    const wide = { age: 40, note: '长'.repeat(400) };
    const people = await d
      .insert(contacts)
      .values(
        ['a', 'b', 'c', 'd'].map((p, i) => ({
          workspaceId,
          botAccountId: account.id,
          puppetId: p,
          name: p,
          friendStatus: 'friend' as const,
          attributes: i === 3 ? wide : { age: 40 },
        })),
      )
      .returning({ id: contacts.id });
    const [busy] = await d
      .insert(runs)
      .values({
        workspaceId,
        flowId: flow.flowId,
        flowVersionId: flow.flowVersionId,
        contactId: people[0]!.id,
        status: 'waiting',
        startedAt: new Date(),
        updatedAt: new Date(),
      })
      .returning({ id: runs.id });
    const rules = segmentRulesSchema.parse({ rules: [{ field: 'attributes.age', op: 'gte', value: 30 }] });
    const now = new Date();
    expect((await previewSegment(d, workspaceId, { rules, exclusions: DEFAULT_EXCLUSIONS }, now)).count).toBe(
      4,
    );
    const [campaign] = await d
      .insert(campaigns)
      .values({ workspaceId, name: 'c', flowId: flow.flowId, rules, exclusions: DEFAULT_EXCLUSIONS })
      .returning({ id: campaigns.id });

    expect(await launchCampaign(d, campaign!.id, now)).toEqual({ members: 4, runs: 3 });
    const members = await d
      .select()
      .from(campaignMembers)
      .where(eq(campaignMembers.campaignId, campaign!.id));
    const byContact = new Map(members.map((m) => [m.contactId, m]));
    expect(byContact.get(people[0]!.id)).toMatchObject({ status: 'skipped', runId: null });
    for (const p of people.slice(1)) {
      const m = byContact.get(p.id)!;
      expect(m.status).toBe('scheduled');
      const [run] = await d.select().from(runs).where(eq(runs.id, m.runId!));
      expect(run).toMatchObject({ contactId: p.id, status: 'waiting', flowId: flow.flowId });
      expect(new Date(run!.wakeAt!).getTime()).toBe(new Date(m.sendAt).getTime());
    }
    // The busy contact's own run is untouched; launching again makes nothing.
    expect((await d.select().from(runs).where(eq(runs.id, busy!.id)))[0]?.status).toBe('waiting');
    expect(await launchCampaign(d, campaign!.id, now)).toEqual({ members: 0, runs: 0 });
    const open = await d.select({ id: runs.id }).from(runs).where(eq(runs.flowId, flow.flowId));
    expect(open).toHaveLength(4);
  });
});
