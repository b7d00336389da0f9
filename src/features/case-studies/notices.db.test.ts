import { eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { transaction } from "#src/db/client.ts";
import { caseStudyEvents } from "#src/db/schema/case-studies.ts";
import { mailOutbox, notifications } from "#src/db/schema/notifications.ts";
import { SYSTEM_ACTOR, type Caller } from "#src/domain/actors.ts";
import { emptyFields, type CaseStudyFields } from "#src/domain/case-studies.ts";
import { createCaseStudy, moveCaseStudy } from "#src/features/case-studies/service.ts";
import { useTestApp } from "#test/helpers/app.ts";
import { buildOrganization, buildUser, ensureTechnology } from "#test/helpers/factories.ts";

const env = useTestApp();

const callerFor = (user: { id: string; role: "contributor" | "editor" | "admin"; organizationId: string | null }): Caller => ({ ...SYSTEM_ACTOR, userId: user.id, role: user.role, organizationId: user.organizationId });

const complete = (): CaseStudyFields => ({
  ...emptyFields("en"),
  title: "Container release on a shared ledger",
  technologies: ["blockchain"],
  stage: "pilot",
  periodStart: 2019,
  summary: "Release notices for import containers move on a permissioned ledger shared with terminals.",
  solution: "Five nodes run by customs, the terminal and two shipping lines.",
  consent: true,
});

describe("case study moderation notices", () => {
  it("tell the organization, but the one who moved it, of every move, a second move to the same state included", async () => {
    const db = env.database.db;
    await ensureTechnology(db, "blockchain", "Blockchain", "Chaîne de blocs");
    const org = await buildOrganization(db);
    const other = await buildOrganization(db);
    const writer = await buildUser(db, { role: "contributor", organizationId: org.id });
    const colleague = await buildUser(db, { role: "contributor", organizationId: org.id });
    const outsider = await buildUser(db, { role: "contributor", organizationId: other.id });
    const editor = callerFor(await buildUser(db, { role: "editor" }));
    const asWriter = callerFor(writer);
    const cs = await createCaseStudy(db, asWriter, { organizationId: org.id, fields: complete() });
    const move = (caller: Caller, from: string, to: string, message: string | null = null) => moveCaseStudy(db, caller, cs.id, { from: from as never, to: to as never, message, reason: null, supersededBy: null });
    const told = async () => (await db.select().from(notifications).where(like(notifications.eventKey, `case-study:${cs.id}:%`))).map((n) => `${n.userId === writer.id ? "writer" : n.userId === colleague.id ? "colleague" : "someone else"} ${n.messageKey}`).sort();

    await move(asWriter, "draft", "submitted");
    expect(await told()).toEqual(["colleague notify.caseStudy.submitted"]);

    await move(editor, "submitted", "changes_requested", "Add the results in figures.");
    await move(asWriter, "changes_requested", "submitted");
    await move(editor, "submitted", "changes_requested", "And the costs.");
    expect(await told()).toEqual(["colleague notify.caseStudy.changes_requested", "colleague notify.caseStudy.changes_requested", "colleague notify.caseStudy.submitted", "colleague notify.caseStudy.submitted", "writer notify.caseStudy.changes_requested", "writer notify.caseStudy.changes_requested"]);

    // Each notice is keyed by its move.
    const events = await db.select().from(caseStudyEvents).where(eq(caseStudyEvents.caseStudyId, cs.id));
    const rows = await db.select().from(notifications).where(like(notifications.eventKey, `case-study:${cs.id}:%`));
    for (const row of rows) {
      const [, , state, eventId] = row.eventKey!.split(":");
      expect(events.find((e) => e.id === Number(eventId))?.toState).toBe(state);
      expect(row).toMatchObject({ kind: "case_study_moderated", href: `/member/case-studies/${cs.id}`, params: { title: "Container release on a shared ledger" } });
    }
    expect(rows.map((r) => r.userId)).not.toContain(outsider.id);
    expect((await db.select().from(mailOutbox).where(like(mailOutbox.eventKey, `notification:case-study:${cs.id}:%`))).length).toBe(rows.length);

    // A refused move tells nobody; a move whose transaction fails afterwards leaves no notice and no mail.
    await expect(move(asWriter, "changes_requested", "retired")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      transaction(db, async (tx) => {
        await moveCaseStudy(tx, asWriter, cs.id, { from: "changes_requested", to: "submitted", message: null, reason: null, supersededBy: null });
        throw new Error("refused after the move");
      }),
    ).rejects.toThrow("refused after the move");
    expect(await db.select().from(notifications).where(like(notifications.eventKey, `case-study:${cs.id}:%`))).toHaveLength(rows.length);
    expect((await db.select().from(mailOutbox).where(like(mailOutbox.eventKey, `notification:case-study:${cs.id}:%`))).length).toBe(rows.length);
  });
});
