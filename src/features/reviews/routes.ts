import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import { renderMarkdown } from "#src/content/render.ts";
import { listEditions } from "#src/features/editions/repository.ts";
import { authorize, can, isSecretariat, refusal } from "#src/access/index.ts";
import { listOrganizations, listRegions } from "#src/features/members/repository.ts";
import { draftResolver } from "#src/features/reports/evidence.ts";
import { getReport, getReportBySlug, listActiveTechnologies } from "#src/features/catalog/repository.ts";
import { matrixDocx, matrixLines, matrixXlsx } from "#src/features/reviews/matrix.ts";
import { roundDocument } from "#src/features/reviews/read.ts";
import { roundReviewFile } from "#src/features/reviews/review-file.ts";
import { regionGroups, withRegion } from "#src/features/reviews/picker.tsx";
import * as repo from "#src/features/reviews/repository.ts";
import { AcceptSuggestionInput, CommentInput, DecisionInput, DispositionInput, ProposalInput, RejectSuggestionInput, RoundInput } from "#src/features/reviews/schemas.ts";
import * as service from "#src/features/reviews/service.ts";
import { acceptSuggestion, rejectSuggestion, shownSuggestions } from "#src/features/reviews/suggestion-service.ts";
import { formatDateTime, ProposalsPage, RoundEditorPage, RoundMemberPage, RoundsPage } from "#src/features/reviews/views.tsx";
import { appError, isAppError, type AppError } from "#src/lib/errors.ts";
import { contentDisposition } from "#src/lib/filenames.ts";
import { idFrom, parseInput } from "#src/lib/validation.ts";
import { actorOf, callerOf, setFlash } from "#src/web/context.ts";
import { formBody, submitForm } from "#src/web/forms.ts";
import { reportSlugOf } from "#src/web/params.ts";
import { pageContext, sendPage, type PageContext } from "#src/web/render.ts";
import { cleanFilename } from "#src/lib/filenames.ts";
import { wantsJson } from "#src/web/errors.tsx";
import { multipartField, uploadedFile } from "#src/web/uploads.ts";
import { listPendingReviewImports } from "#src/features/reviews/imports-repository.ts";
import { ReviewImportPage, ReviewUploadPanel } from "#src/features/reviews/review-import-views.tsx";
import { cancelReviewImport, confirmReviewImport, pendingReviewImport, previewReviewImport, reviewImportDownload } from "#src/features/reviews/word-import.ts";

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

  // The form to upload a reviewed Word file, for whoever may comment on the round now, with their uploads waiting.
  const uploadPanel = async (request: FastifyRequest, ctx: PageContext, round: repo.RoundRow, from: "editor" | undefined, error?: AppError) => {
    const caller = callerOf(request);
    if (!caller.userId || !can(caller, "comment", { kind: "review-round", round, invited: await repo.isInvited(db, round.id, caller.organizationId) })) return undefined;
    const pending = await listPendingReviewImports(db, round.id, caller.userId);
    return h(ReviewUploadPanel, { ctx, roundId: round.id, uploadLimitMb: app.config.uploadLimitMb, pending, error, from });
  };

  const roundEditorPage = async (request: FastifyRequest, reply: FastifyReply, round: repo.RoundRow, extra: { error?: AppError; errorComment?: string; values?: Record<string, unknown>; uploadError?: AppError } = {}) => {
    const [report, document, comments, invitedIds, organizations] = await Promise.all([reportById(round.reportId), roundDocument(db, round, request.lang), repo.listComments(db, round.id), repo.invitedOrganizationIds(db, round.id), listOrganizations(db, {})]);
    const revisions = round.status === "open" ? await repo.revisionChoices(db, [...new Set(comments.filter((c) => !c.parentId).map((c) => c.sectionId))]) : [];
    const suggestions = await shownSuggestions(db, comments);
    const { uploadError, ...rest } = extra;
    // One context per page: a second would mint another form token and take the flash twice.
    const ctx = pageContext(request, reply);
    return h(RoundEditorPage, { ctx, report, round, document, comments, revisions, suggestions, invited: organizations.filter((o) => invitedIds.includes(o.id)), organizations, uploadPanel: await uploadPanel(request, ctx, round, "editor", uploadError), ...rest });
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

  // Suggested changes: accepted as proposed or with the editor's wording (a new revision), or rejected with a reason.
  const commentOf = async (request: FastifyRequest) => {
    const comment = await repo.getCommentView(db, idFrom(request.params));
    if (!comment) throw appError("NOT_FOUND");
    return comment;
  };
  const suggestionRefused = async (request: FastifyRequest, reply: FastifyReply, comment: repo.CommentView, body: Record<string, unknown>, error: AppError) =>
    roundEditorPage(request, reply, (await repo.getRound(db, comment.roundId))!, { error, errorComment: comment.id, values: body });

  app.post("/editor/review-comments/:id/accept", editor, async (request, reply) => {
    const comment = await commentOf(request);
    const body = formBody(request.body);
    return submitForm(
      reply,
      async () => {
        const input = parseInput(AcceptSuggestionInput, body);
        await acceptSuggestion(db, actorOf(request), comment.id, { replacement: input.replacement, reason: input.reason });
        setFlash(reply, "suggestion.accepted", { who: comment.organizationName ?? comment.authorName });
        return reply.redirect(`/editor/reviews/${comment.roundId}#comment-${comment.id}`, 303);
      },
      (error) => suggestionRefused(request, reply, comment, body, error),
    );
  });

  app.post("/editor/review-comments/:id/reject", editor, async (request, reply) => {
    const comment = await commentOf(request);
    const body = formBody(request.body);
    return submitForm(
      reply,
      async () => {
        await rejectSuggestion(db, actorOf(request), comment.id, parseInput(RejectSuggestionInput, body));
        setFlash(reply, "suggestion.rejected", { who: comment.organizationName ?? comment.authorName });
        return reply.redirect(`/editor/reviews/${comment.roundId}#comment-${comment.id}`, 303);
      },
      (error) => suggestionRefused(request, reply, comment, body, error),
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

  const memberPage = async (request: FastifyRequest, reply: FastifyReply, round: repo.RoundRow, extra: { values?: Record<string, unknown>; error?: AppError; errorSection?: string; uploadError?: AppError } = {}) => {
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
    const suggestions = await shownSuggestions(db, visible);
    const { uploadError, ...rest } = extra;
    const ctx = pageContext(request, reply);
    return h(RoundMemberPage, { ctx, report, round, document: withHtml, comments: visible, suggestions, mayComment: !whyNot, whyNot, uploadPanel: await uploadPanel(request, ctx, round, undefined, uploadError), ...rest });
  };

  app.get("/reviews/:id", contributor, async (request, reply) => sendPage(reply, await memberPage(request, reply, await roundOf(request))));

  // "Download for review": the invited organizations and the secretariat (the round page's access), a chapter or the whole text.
  app.get("/reviews/:id/review.docx", contributor, async (request, reply) => {
    const round = await roundOf(request);
    const caller = callerOf(request);
    authorize(caller, "view", { kind: "review-round", round, invited: await repo.isInvited(db, round.id, caller.organizationId) });
    const query = request.query as Record<string, unknown>;
    const text = (v: unknown) => (typeof v === "string" ? v : undefined);
    const file = await roundReviewFile(db, round, { chapter: text(query.chapter), lang: text(query.lang) }, request.lang);
    return reply
      .type("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
      .header("content-disposition", contentDisposition("attachment", file.filename))
      .header("cache-control", "private, no-store")
      .send(file.bytes);
  });

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

  // A reviewed Word file: uploaded from the member's or the editor's page of the round, previewed,
  // then confirmed (or cancelled) by its uploader. The secretariat comes back to its own page.
  const roundPath = (request: FastifyRequest, roundId: string, from?: string) => (from === "editor" && isSecretariat(request.user) ? `/editor/reviews/${roundId}` : `/reviews/${roundId}`);

  app.post("/reviews/:id/imports", contributor, async (request, reply) => {
    const round = await roundOf(request);
    const from = multipartField(request.body, "from");
    try {
      const file = await uploadedFile(request, "document");
      const { id } = await previewReviewImport(db, callerOf(request), round.id, { filename: cleanFilename(file.filename, "review.docx"), data: file.data, language: request.lang });
      return reply.redirect(`/reviews/${round.id}/imports/${id}${from === "editor" ? "?from=editor" : ""}`, 303);
    } catch (e) {
      // A refusal the uploader can act on (type, size, broken file, too many waiting) shows the form again; not being invited is a plain 403.
      if (isAppError(e) && e.status < 500 && e.status !== 401 && e.status !== 403 && e.status !== 404 && !wantsJson(request)) {
        const page = from === "editor" && isSecretariat(request.user) ? await roundEditorPage(request, reply, round, { uploadError: e }) : await memberPage(request, reply, round, { uploadError: e });
        return sendPage(reply, page, e.status);
      }
      throw e;
    }
  });

  const importParams = (request: FastifyRequest) => {
    const { id, importId } = request.params as { id?: unknown; importId?: unknown };
    return { roundId: idFrom({ id }), importId: idFrom({ id: importId }) };
  };
  const fromOf = (request: FastifyRequest) => (request.query as { from?: unknown } | undefined)?.from;

  app.get("/reviews/:id/imports/:importId", contributor, async (request, reply) => {
    const { roundId, importId } = importParams(request);
    const pending = await pendingReviewImport(db, callerOf(request), importId);
    const round = pending.roundId === roundId ? await repo.getRound(db, roundId) : undefined;
    if (!round) throw appError("NOT_FOUND");
    const sections = new Map((await roundDocument(db, round, pending.preview.language)).flatMap((c) => c.sections).map((s) => [s.id, { number: s.number, heading: s.heading }]));
    const from = fromOf(request) === "editor" ? "editor" : undefined;
    return sendPage(reply, h(ReviewImportPage, { ctx: pageContext(request, reply), round, importId, filename: pending.filename, preview: pending.preview, sections, back: roundPath(request, round.id, from), from }));
  });

  // The file as it was sent: for its uploader, and for the secretariat once it made comments.
  app.get("/reviews/:id/imports/:importId/file", contributor, async (request, reply) => {
    const { roundId, importId } = importParams(request);
    const file = await reviewImportDownload(db, callerOf(request), roundId, importId);
    return reply
      .type("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
      .header("content-disposition", contentDisposition("attachment", file.filename))
      .header("cache-control", "private, no-store")
      .send(file.data);
  });

  app.post("/reviews/:id/imports/:importId/confirm", contributor, async (request, reply) => {
    const { roundId, importId } = importParams(request);
    const pending = await pendingReviewImport(db, callerOf(request), importId);
    if (pending.roundId !== roundId) throw appError("NOT_FOUND");
    const created = await confirmReviewImport(db, callerOf(request), importId);
    setFlash(reply, "reviewImport.confirmed", { count: created.length, filename: pending.filename });
    return reply.redirect(roundPath(request, roundId, formBody(request.body).from as string | undefined), 303);
  });

  app.post("/reviews/:id/imports/:importId/cancel", contributor, async (request, reply) => {
    const { roundId, importId } = importParams(request);
    const pending = await pendingReviewImport(db, callerOf(request), importId);
    if (pending.roundId !== roundId) throw appError("NOT_FOUND");
    await cancelReviewImport(db, callerOf(request), importId);
    setFlash(reply, "reviewImport.cancelled");
    return reply.redirect(roundPath(request, roundId, formBody(request.body).from as string | undefined), 303);
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
