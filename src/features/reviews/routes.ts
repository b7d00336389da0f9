import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import { renderMarkdown } from "#src/content/render.ts";
import { listEditions } from "#src/features/editions/repository.ts";
import { authorize, can, refusal } from "#src/access/index.ts";
import { listOrganizations, listRegions } from "#src/features/members/repository.ts";
import { draftResolver } from "#src/features/reports/evidence.ts";
import { getReport, getReportBySlug, listActiveTechnologies } from "#src/features/catalog/repository.ts";
import { matrixDocx, matrixLines, matrixXlsx } from "#src/features/reviews/matrix.ts";
import { roundDocument } from "#src/features/reviews/read.ts";
import { regionGroups, withRegion } from "#src/features/reviews/picker.tsx";
import * as repo from "#src/features/reviews/repository.ts";
import { CommentInput, DecisionInput, DispositionInput, ProposalInput, RoundInput } from "#src/features/reviews/schemas.ts";
import * as service from "#src/features/reviews/service.ts";
import { formatDateTime, ProposalsPage, RoundEditorPage, RoundMemberPage, RoundsPage } from "#src/features/reviews/views.tsx";
import { appError, isAppError, type AppError } from "#src/lib/errors.ts";
import { contentDisposition } from "#src/lib/filenames.ts";
import { idFrom, parseInput } from "#src/lib/validation.ts";
import { actorOf, callerOf, setFlash } from "#src/web/context.ts";
import { formBody, submitForm } from "#src/web/forms.ts";
import { reportSlugOf } from "#src/web/params.ts";
import { pageContext, sendPage } from "#src/web/render.ts";

const editor = { config: { policy: "editor" as const } };
const contributor = { config: { policy: "contributor" as const } };

/** Review rounds (comments, dispositions, the resolution matrix) and topic proposals. */
export async function reviewRoutes(app: FastifyInstance) {
  const { db } = app.database;

  const reportOf = async (request: FastifyRequest) => {
    const report = await getReportBySlug(db, reportSlugOf(request));
    if (!report) throw appError("NOT_FOUND");
    return report;
  };
  const roundOf = async (request: FastifyRequest) => {
    const round = await repo.getRound(db, idFrom(request.params));
    if (!round) throw appError("NOT_FOUND");
    return round;
  };
  const reportById = async (id: string) => (await getReport(db, id))!;

  // The secretariat

  const roundsPage = async (request: FastifyRequest, reply: FastifyReply, values?: Record<string, unknown>, error?: AppError, added?: { region: string; count: number }) => {
    const report = await reportOf(request);
    const [rounds, editions, organizations, regions] = await Promise.all([repo.listRounds(db, report.id), listEditions(db, report.id), repo.invitableOrganizations(db), listRegions(db)]);
    return h(RoundsPage, { ctx: pageContext(request, reply), report, rounds, editions, organizations, regions, values, error, added });
  };

  app.get("/editor/reports/:report/reviews", editor, async (request, reply) => sendPage(reply, await roundsPage(request, reply)));

  app.post("/editor/reports/:report/reviews", editor, async (request, reply) => {
    const report = await reportOf(request);
    const body = formBody(request.body);
    // "Invite all of <region>" (the picker without JavaScript): the form comes back with that region ticked.
    // An unknown region (a stale page) shows the form again with what was typed, the error on the picker.
    if (typeof body.selectRegion === "string") {
      const code = body.selectRegion;
      return submitForm(
        reply,
        async () => {
          const organizations = await repo.invitableOrganizations(db);
          const region = regionGroups(await listRegions(db), organizations, request.t, request.lang).find((g) => g.code === code);
          if (!region) throw appError("VALIDATION_FAILED", { organizationIds: "field.invalid" });
          const all = withRegion([body.organizationIds ?? []].flat().map(String), region);
          return sendPage(reply, await roundsPage(request, reply, { ...body, organizationIds: all }, undefined, { region: region.name, count: region.organizations.length }));
        },
        (error) => roundsPage(request, reply, body, error),
      );
    }
    return submitForm(
      reply,
      async () => {
        const round = await service.openRound(db, actorOf(request), report.id, parseInput(RoundInput, body));
        return reply.redirect(`/editor/reviews/${round.id}`, 303);
      },
      (error) => roundsPage(request, reply, body, error),
    );
  });

  const roundEditorPage = async (request: FastifyRequest, reply: FastifyReply, round: repo.RoundRow, extra: { error?: AppError; errorComment?: string; values?: Record<string, unknown> } = {}) => {
    const [report, document, comments, invitedIds, organizations] = await Promise.all([reportById(round.reportId), roundDocument(db, round, request.lang), repo.listComments(db, round.id), repo.invitedOrganizationIds(db, round.id), listOrganizations(db, {})]);
    const revisions = round.status === "open" ? await repo.revisionChoices(db, [...new Set(comments.filter((c) => !c.parentId).map((c) => c.sectionId))]) : [];
    return h(RoundEditorPage, { ctx: pageContext(request, reply), report, round, document, comments, revisions, invited: organizations.filter((o) => invitedIds.includes(o.id)), organizations, ...extra });
  };

  app.get("/editor/reviews/:id", editor, async (request, reply) => sendPage(reply, await roundEditorPage(request, reply, await roundOf(request))));

  app.post("/editor/review-comments/:id/disposition", editor, async (request, reply) => {
    const comment = await repo.getCommentView(db, idFrom(request.params));
    if (!comment) throw appError("NOT_FOUND");
    const body = formBody(request.body);
    return submitForm(
      reply,
      async () => {
        const { comment: disposed, revision } = await service.dispose(db, actorOf(request), comment.id, parseInput(DispositionInput, body));
        const who = comment.organizationName ?? comment.authorName;
        const disposition = request.t(`review.disposition.${disposed.disposition!}`);
        if (revision) setFlash(reply, "review.disposedApplied", { who, disposition, date: formatDateTime(revision.createdAt, request.lang) });
        else setFlash(reply, "review.disposed", { who, disposition });
        return reply.redirect(`/editor/reviews/${comment.roundId}#comment-${comment.id}`, 303);
      },
      async (error) => roundEditorPage(request, reply, (await repo.getRound(db, comment.roundId))!, { error, errorComment: comment.id, values: body }),
    );
  });

  app.post("/editor/reviews/:id/close", editor, async (request, reply) => {
    const round = await roundOf(request);
    const body = formBody(request.body);
    return submitForm(
      reply,
      async () => {
        await service.closeRound(db, actorOf(request), round.id, body.force === "1" || body.force === true);
        setFlash(reply, "review.closed");
        return reply.redirect(`/editor/reviews/${round.id}`, 303);
      },
      async (error) => roundEditorPage(request, reply, round, { error }),
    );
  });

  const matrixOf = async (request: FastifyRequest) => {
    const round = await roundOf(request);
    const [document, comments] = await Promise.all([roundDocument(db, round, request.lang), repo.listComments(db, round.id)]);
    return { round, lines: matrixLines(comments, document, request.t) };
  };
  const fileName = (round: repo.RoundRow, ext: string) => `comment-resolution-${round.opensOn}.${ext}`;

  app.get("/editor/reviews/:id/matrix.xlsx", editor, async (request, reply) => {
    const { round, lines } = await matrixOf(request);
    return reply
      .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
      .header("content-disposition", contentDisposition("attachment", fileName(round, "xlsx")))
      .send(await matrixXlsx(round, lines, request.t));
  });

  app.get("/editor/reviews/:id/matrix.docx", editor, async (request, reply) => {
    const { round, lines } = await matrixOf(request);
    return reply
      .type("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
      .header("content-disposition", contentDisposition("attachment", fileName(round, "docx")))
      .send(await matrixDocx(round, lines, request.t));
  });

  // Members

  const memberPage = async (request: FastifyRequest, reply: FastifyReply, round: repo.RoundRow, extra: { values?: Record<string, unknown>; error?: AppError; errorSection?: string } = {}) => {
    const caller = callerOf(request);
    const access = { kind: "review-round", round, invited: await repo.isInvited(db, round.id, caller.organizationId) } as const;
    authorize(caller, "view", access);
    const refused = refusal(caller, "comment", access);
    const whyNot = refused ? request.t(`error.${refused}` as "error.ROUND_CLOSED") : undefined;
    const [report, document, comments] = await Promise.all([reportById(round.reportId), roundDocument(db, round, request.lang), repo.listComments(db, round.id)]);
    const resolve = await draftResolver(db, document.flatMap((c) => c.sections.map((s) => s.body)), request.lang);
    // Members comment on the text as readers will see it: a broken reference is the secretariat's to fix, not theirs to read.
    const visible = comments.filter((comment) => can(caller, "view", { kind: "review-comment", round, comment }));
    const withHtml = [];
    for (const c of document) {
      const sections = [];
      for (const s of c.sections) sections.push({ ...s, html: (await renderMarkdown(s.body, { lang: request.lang, idPrefix: `r-${s.id.slice(0, 8)}`, resolve, warnings: "hide" })).html });
      withHtml.push({ ...c, sections });
    }
    return h(RoundMemberPage, { ctx: pageContext(request, reply), report, round, document: withHtml, comments: visible, mayComment: !whyNot, whyNot, ...extra });
  };

  app.get("/reviews/:id", contributor, async (request, reply) => sendPage(reply, await memberPage(request, reply, await roundOf(request))));

  app.post("/reviews/:id/comments", contributor, async (request, reply) => {
    const round = await roundOf(request);
    const body = formBody(request.body);
    try {
      const input = parseInput(CommentInput, body);
      const comment = await service.addComment(db, callerOf(request), round.id, input);
      setFlash(reply, "review.sent");
      return reply.redirect(`/reviews/${round.id}#comment-${input.parentId ?? comment.id}`, 303);
    } catch (e) {
      // A refusal the member can act on is shown on the page; not being invited is a plain 403.
      if (isAppError(e) && (e.status === 400 || e.status === 409)) {
        const sectionId = typeof body.sectionId === "string" ? body.sectionId : undefined;
        return sendPage(reply, await memberPage(request, reply, round, { values: body, error: e, ...(sectionId ? { errorSection: sectionId } : {}) }), e.status);
      }
      throw e;
    }
  });

  // Topic proposals

  const proposalsPage = async (request: FastifyRequest, reply: FastifyReply, values?: Record<string, unknown>, error?: AppError) => {
    const report = await reportOf(request);
    const proposals = await repo.listProposals(db, report.id, request.user!.organizationId);
    // The form offers no retired technology; earlier proposals keep the names of theirs.
    const technologies = await listActiveTechnologies(db, proposals.flatMap((p) => p.technologySlugs));
    return h(ProposalsPage, { ctx: pageContext(request, reply), report, proposals, technologies, values, error });
  };

  app.get("/reports/:report/proposals", contributor, async (request, reply) => sendPage(reply, await proposalsPage(request, reply)));

  app.post("/reports/:report/proposals", contributor, async (request, reply) => {
    const report = await reportOf(request);
    const body = formBody(request.body);
    return submitForm(
      reply,
      async () => {
        const input = parseInput(ProposalInput, body);
        const proposal = await service.propose(db, callerOf(request), report.id, { title: input.title, rationale: input.rationale, technologySlugs: input.technologies });
        setFlash(reply, "proposal.sent");
        return reply.redirect(`/reports/${report.slug}/proposals#proposal-${proposal.id}`, 303);
      },
      (error) => proposalsPage(request, reply, body, error),
    );
  });

  const proposalReport = async (id: string) => {
    const [row] = await repo.listProposalReport(db, id);
    if (!row) throw appError("NOT_FOUND");
    return row;
  };

  app.post("/proposals/:id/endorse", contributor, async (request, reply) => {
    const id = idFrom(request.params);
    const { slug } = await proposalReport(id);
    await service.endorse(db, callerOf(request), id);
    return reply.redirect(`/reports/${slug}/proposals#proposal-${id}`, 303);
  });

  app.post("/proposals/:id/decision", editor, async (request, reply) => {
    const id = idFrom(request.params);
    const { slug } = await proposalReport(id);
    const input = parseInput(DecisionInput, formBody(request.body));
    await service.decide(db, actorOf(request), id, input);
    setFlash(reply, "proposal.decided");
    return reply.redirect(`/reports/${slug}/proposals#proposal-${id}`, 303);
  });
}
