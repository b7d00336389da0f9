import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import { z } from "zod";
import type { Db } from "#src/db/client.ts";
import { CASE_STUDY_STATES, contributorMayEdit, editorMayEdit, type CaseStudyState } from "#src/domain/case-studies.ts";
import { importCaseStudy } from "#src/features/case-studies/import.ts";
import { searchLibrary } from "#src/features/case-studies/library.ts";
import { editionsAnnexing, loadCaseStudyView } from "#src/features/case-studies/read.ts";
import * as repo from "#src/features/case-studies/repository.ts";
import { surveysFor } from "#src/features/surveys/repository.ts";
import { AnnexAddInput, AnnexInput, CaseStudyInput, LibraryQuery, MoveInput, NewCaseStudyInput } from "#src/features/case-studies/schemas.ts";
import * as service from "#src/features/case-studies/service.ts";
import { wordTemplate } from "#src/features/case-studies/template.ts";
import { checkAttachment } from "#src/lib/file-checks.ts";
import { CaseStudyComparePage, CaseStudyPage, comparableFields } from "#src/features/case-studies/views/case-study.tsx";
import { AnnexPage, QueuePage } from "#src/features/case-studies/views/editor.tsx";
import { CaseStudyFormPage, valuesOf } from "#src/features/case-studies/views/form.tsx";
import { LibraryPage, PublicCaseStudyPage } from "#src/features/case-studies/views/library.tsx";
import { MemberHomePage } from "#src/features/case-studies/views/member.tsx";
import { openRoundsFor } from "#src/features/reviews/repository.ts";
import { listReports } from "#src/features/catalog/repository.ts";
import { roleAtLeast } from "#src/domain/members.ts";
import { listOrganizations, listRegions } from "#src/features/members/repository.ts";
import { wordDiff } from "#src/lib/merge.ts";
import { getReportBySlug, listTechnologies } from "#src/features/catalog/repository.ts";
import { reportSlugOf } from "#src/web/params.ts";
import { appError, isAppError, type AppError } from "#src/lib/errors.ts";
import { cleanFilename, contentDisposition } from "#src/lib/filenames.ts";
import { idFrom, parseInput } from "#src/lib/validation.ts";
import { actorOf, callerOf, setFlash } from "#src/web/context.ts";
import { formBody, submitForm } from "#src/web/forms.ts";
import { wantsJson } from "#src/web/errors.tsx";
import { isLanguage } from "#src/i18n/i18n.ts";
import { pageContext, sendPage, type Page } from "#src/web/render.ts";
import { uploadedFile } from "#src/web/uploads.ts";

const contributor = { config: { policy: "contributor" as const } };
const editor = { config: { policy: "editor" as const } };
const pub = { config: { policy: "public" as const } };

/** The signed-in person as the case-study rules see them. */

const isEditor = (request: FastifyRequest) => Boolean(request.user && roleAtLeast(request.user.role, "editor"));

/** Re-renders an upload form on any refusal the person can act on (type, size, broken file); programs get the JSON error. */
async function handleUpload(reply: FastifyReply, action: () => Promise<unknown>, rerender: (error: AppError) => Page | Promise<Page>) {
  try {
    return await action();
  } catch (e) {
    if (isAppError(e) && e.status < 500 && e.status !== 401 && e.status !== 403 && e.status !== 404 && !wantsJson(reply.request)) return sendPage(reply, await rerender(e), e.status);
    throw e;
  }
}

/** Case studies: members' submissions, the secretariat's moderation and annex, the public library. */
export async function caseStudyRoutes(app: FastifyInstance) {
  const { db } = app.database;
  const uploadLimitMb = app.config.uploadLimitMb;

  const visible = async (request: FastifyRequest) => {
    const cs = await repo.getCaseStudy(db, idFrom(request.params));
    if (!cs) throw appError("NOT_FOUND");
    service.assertMayView(callerOf(request), cs);
    return cs;
  };
  const mayEdit = (request: FastifyRequest, cs: repo.CaseStudyRow) =>
    isEditor(request) ? editorMayEdit(cs.state) : cs.organizationId === request.user?.organizationId && contributorMayEdit(cs.state);

  const memberHome = async (request: FastifyRequest, reply: FastifyReply, error?: AppError) => {
    const user = request.user!;
    const [surveys, rows, notifications, org, rounds] = await Promise.all([
      user.organizationId ? surveysFor(db, user.organizationId) : Promise.resolve([]),
      user.organizationId ? repo.listForOrganization(db, user.organizationId) : Promise.resolve([]),
      repo.listNotifications(db, user.id),
      user.organizationId ? repo.organizationOf(db, user.organizationId) : Promise.resolve(undefined),
      user.organizationId ? openRoundsFor(db, user.organizationId) : Promise.resolve([]),
    ]);
    const reports = (await listReports(db)).map((r) => ({ slug: r.slug, title: r.titles[request.lang] ?? r.titles.en }));
    const toAnswer = surveys.map((s) => ({ id: s.survey.id, title: s.survey.titles[request.lang] || s.survey.titles.en, year: s.survey.year, status: s.status, open: s.survey.status === "open" }));
    return h(MemberHomePage, { ctx: pageContext(request, reply), surveys: toAnswer, rounds, reports, rows, notifications, organization: org?.org.name ?? null, uploadLimitMb, error });
  };

  const casePage = async (request: FastifyRequest, reply: FastifyReply, cs: repo.CaseStudyRow, error?: AppError, openMove?: CaseStudyState) =>
    h(CaseStudyPage, {
      ctx: pageContext(request, reply),
      ...(await loadCaseStudyView(db, cs, request.lang, { similar: cs.state !== "draft" || isEditor(request) })),
      mayEdit: mayEdit(request, cs),
      uploadLimitMb,
      error,
      openMove,
    });

  const formPage = async (request: FastifyRequest, reply: FastifyReply, props: { values: Record<string, unknown>; error?: AppError; cs?: repo.CaseStudyRow; baseVersion?: number | null }) =>
    h(CaseStudyFormPage, {
      ctx: pageContext(request, reply),
      technologies: await listTechnologies(db),
      values: props.values,
      error: props.error,
      caseStudy: props.cs,
      baseVersion: props.baseVersion,
      organizations: !props.cs && isEditor(request) ? (await listOrganizations(db, {})).filter((o) => !o.deactivatedAt).map((o) => ({ id: o.id, name: o.name })) : undefined,
      maySubmit: props.cs ? contributorMayEdit(props.cs.state) && (props.cs.organizationId === request.user?.organizationId || isEditor(request)) : true,
    });

  // A member's work

  app.get("/member", contributor, async (request, reply) => sendPage(reply, await memberHome(request, reply)));

  app.post("/member/notifications/read", contributor, async (request, reply) => {
    await service.markRead(db, request.user!.id);
    return reply.redirect("/member", 303);
  });

  app.get("/member/case-studies/template.docx", contributor, async (request, reply) => {
    const query = z.object({ lang: z.string().optional() }).parse(request.query ?? {});
    const lang = isLanguage(query.lang) ? query.lang : request.lang;
    return reply
      .type("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
      .header("content-disposition", contentDisposition("attachment", `case-study-template-${lang}.docx`))
      .send(await wordTemplate(lang));
  });

  app.get("/member/case-studies/new", contributor, async (request, reply) =>
    sendPage(reply, await formPage(request, reply, { values: { language: request.lang } })),
  );

  // Creates a draft; "save and submit" also submits it, in the same transaction.
  const saveAndMaybeSubmit = async (request: FastifyRequest, body: Record<string, unknown>, existing?: repo.CaseStudyRow) => {
    const caller = callerOf(request);
    const fields = parseInput(CaseStudyInput, body);
    const submit = body.intent === "submit";
    const base = z.coerce.number().int().safeParse(body.baseVersion);
    const { transaction } = await import("#src/db/client.ts");
    return transaction(db, async (tx: Db) => {
      const cs = existing
        ? await service.saveCaseStudy(tx, caller, existing.id, fields, base.success ? base.data : null)
        : await service.createCaseStudy(tx, caller, { organizationId: parseInput(NewCaseStudyInput, body).organizationId, fields });
      if (!submit) return { cs, submitted: false };
      const moved = await service.moveCaseStudy(tx, caller, cs.id, { from: cs.state, to: "submitted", message: null, reason: null, supersededBy: null });
      return { cs: moved, submitted: true };
    });
  };

  app.post("/member/case-studies", contributor, async (request, reply) => {
    const body = formBody(request.body);
    return submitForm(
      reply,
      async () => {
        const { cs, submitted } = await saveAndMaybeSubmit(request, body);
        setFlash(reply, submitted ? "cs.flash.submitted" : "cs.flash.saved", { title: cs.title });
        return reply.redirect(`/member/case-studies/${cs.id}`, 303);
      },
      (error) => formPage(request, reply, { values: body, error }),
    );
  });

  app.post("/member/case-studies/import", contributor, async (request, reply) =>
    handleUpload(
      reply,
      async () => {
        const file = await uploadedFile(request, "document");
        const result = await importCaseStudy(db, callerOf(request), {
          organizationId: null,
          filename: cleanFilename(file.filename, "case-study.docx"),
          data: file.data,
          language: request.lang,
        });
        setFlash(reply, "cs.flash.imported", { count: String(result.report.recognised.length) });
        return reply.redirect(`/member/case-studies/${result.caseStudy.id}/edit`, 303);
      },
      (error) => memberHome(request, reply, error),
    ),
  );

  app.get("/member/case-studies/:id", contributor, async (request, reply) => sendPage(reply, await casePage(request, reply, await visible(request))));

  app.get("/member/case-studies/:id/edit", contributor, async (request, reply) => {
    const cs = await visible(request);
    if (!mayEdit(request, cs)) throw appError("CASE_STUDY_LOCKED");
    const version = await repo.getVersion(db, cs.currentVersionId!);
    return sendPage(reply, await formPage(request, reply, { values: valuesOf(version!.fields), cs, baseVersion: cs.currentVersionId }));
  });

  app.post("/member/case-studies/:id/edit", contributor, async (request, reply) => {
    const cs = await visible(request);
    const body = formBody(request.body);
    return submitForm(
      reply,
      async () => {
        const { submitted } = await saveAndMaybeSubmit(request, body, cs);
        setFlash(reply, submitted ? "cs.flash.submitted" : "cs.flash.saved", { title: String(body.title ?? cs.title) });
        return reply.redirect(`/member/case-studies/${cs.id}`, 303);
      },
      async (error) => formPage(request, reply, { values: body, error, cs: (await repo.getCaseStudy(db, cs.id))!, baseVersion: error.code === "STALE_VERSION" ? cs.currentVersionId : Number(body.baseVersion) || null }),
    );
  });

  app.post("/member/case-studies/:id/move", contributor, async (request, reply) => {
    const cs = await visible(request);
    const body = formBody(request.body);
    const to = CASE_STUDY_STATES.find((s) => s === body.to);
    return submitForm(
      reply,
      async () => {
        const moved = await service.moveCaseStudy(db, callerOf(request), cs.id, parseInput(MoveInput, body));
        setFlash(reply, "cs.flash.moved", { state: request.t(`cs.state.${moved.state}`) });
        return reply.redirect(`/member/case-studies/${cs.id}`, 303);
      },
      async (error) => casePage(request, reply, (await repo.getCaseStudy(db, cs.id))!, error, to),
    );
  });

  app.get("/member/case-studies/:id/compare", contributor, async (request, reply) => {
    const cs = await visible(request);
    const query = z.object({ from: z.coerce.number().int().optional(), to: z.coerce.number().int().optional() }).safeParse(request.query ?? {});
    const fromId = (query.success && query.data.from) || cs.submittedVersionId;
    const toId = (query.success && query.data.to) || cs.currentVersionId;
    const [from, to] = await Promise.all([fromId ? repo.getVersion(db, fromId) : undefined, toId ? repo.getVersion(db, toId) : undefined]);
    if (!from || !to || from.caseStudyId !== cs.id || to.caseStudyId !== cs.id) throw appError("NOT_FOUND");
    const a = comparableFields(from.fields);
    const b = comparableFields(to.fields);
    const diffs = Object.keys(a).map((field) => ({ field, parts: wordDiff(a[field] ?? "", b[field] ?? "") }));
    return sendPage(reply, h(CaseStudyComparePage, { ctx: pageContext(request, reply), caseStudy: cs, from, to, diffs }));
  });

  app.post("/member/case-studies/:id/files", contributor, async (request, reply) => {
    const cs = await visible(request);
    return handleUpload(
      reply,
      async () => {
        const file = await uploadedFile(request, "attachment");
        const mediaType = await checkAttachment(file.data);
        await service.addFile(db, callerOf(request), cs.id, "attachment", { filename: cleanFilename(file.filename, "attachment"), mediaType, data: file.data });
        setFlash(reply, "cs.flash.fileAdded", { name: cleanFilename(file.filename, "attachment") });
        return reply.redirect(`/member/case-studies/${cs.id}`, 303);
      },
      async (error) => casePage(request, reply, cs, error),
    );
  });

  app.post("/member/case-studies/:id/files/:file/remove", contributor, async (request, reply) => {
    const cs = await visible(request);
    const fileId = z.object({ file: z.uuid() }).safeParse(request.params);
    if (!fileId.success) throw appError("NOT_FOUND");
    await service.removeAttachment(db, callerOf(request), cs.id, fileId.data.file);
    return reply.redirect(`/member/case-studies/${cs.id}`, 303);
  });

  // Files: public once their case study was published; otherwise for those who may see it.
  app.get("/files/case-studies/:id", pub, async (request, reply) => {
    const file = await repo.getFile(db, idFrom(request.params));
    if (!file || file.removedAt) throw appError("NOT_FOUND");
    const cs = (await repo.getCaseStudy(db, file.caseStudyId))!;
    const isPublic = file.kind === "attachment" && cs.publishedAt !== null;
    if (!isPublic) {
      if (!request.user) throw appError("NOT_FOUND");
      service.assertMayView(callerOf(request), cs);
    }
    const inline = file.mediaType.startsWith("image/");
    return reply
      .type(file.mediaType)
      .header("content-disposition", contentDisposition(inline ? "inline" : "attachment", file.filename))
      .header("content-security-policy", "default-src 'none'; sandbox")
      .header("x-content-type-options", "nosniff")
      .header("cache-control", isPublic ? "public, max-age=86400, immutable" : "private, no-cache")
      .header("etag", `"${file.sha256.slice(0, 32)}"`)
      .send(file.data);
  });

  // The secretariat

  app.get("/editor/case-studies", editor, async (request, reply) => {
    const state = CASE_STUDY_STATES.find((s) => s === (request.query as Record<string, unknown> | undefined)?.state);
    const [rows, counts] = await Promise.all([repo.listForEditors(db, state ? [state] : ["submitted", "in_review", "accepted"]), repo.stateCounts(db)]);
    return sendPage(reply, h(QueuePage, { ctx: pageContext(request, reply), rows, counts, state }));
  });

  const annexReport = async (request: FastifyRequest) => {
    const report = await getReportBySlug(db, reportSlugOf(request));
    if (!report) throw appError("NOT_FOUND");
    return report;
  };
  const annexPage = async (request: FastifyRequest, reply: FastifyReply, report: Awaited<ReturnType<typeof annexReport>>, error?: AppError) =>
    h(AnnexPage, { ctx: pageContext(request, reply), report, rows: await repo.listAnnex(db, report.id), error });

  app.get("/editor/reports/:report/annex", editor, async (request, reply) => sendPage(reply, await annexPage(request, reply, await annexReport(request))));

  app.post("/editor/reports/:report/annex", editor, async (request, reply) => {
    const report = await annexReport(request);
    return submitForm(
      reply,
      async () => {
        await service.setAnnex(db, actorOf(request), report.id, parseInput(AnnexInput, formBody(request.body)).caseStudies);
        setFlash(reply, "annex.saved");
        return reply.redirect(`/editor/reports/${report.slug}/annex`, 303);
      },
      (error) => annexPage(request, reply, report, error),
    );
  });

  app.post("/editor/reports/:report/annex/add", editor, async (request, reply) => {
    const report = await annexReport(request);
    return submitForm(
      reply,
      async () => {
        const { slug } = parseInput(AnnexAddInput, formBody(request.body));
        const cs = await repo.getCaseStudyBySlug(db, slug.replace(/^.*\/case-studies\//, "").replace(/[/#?].*$/, ""));
        if (!cs) throw appError("VALIDATION_FAILED", { slug: "field.unknownCaseStudy" });
        const current = (await repo.listAnnex(db, report.id)).map((r) => r.id);
        await service.setAnnex(db, actorOf(request), report.id, [...current, cs.id]);
        setFlash(reply, "annex.saved");
        return reply.redirect(`/editor/reports/${report.slug}/annex`, 303);
      },
      (error) => annexPage(request, reply, report, error),
    );
  });

  // Readers

  app.get("/case-studies", pub, async (request, reply) => {
    const filter = LibraryQuery.parse(request.query ?? {});
    const [result, technologies, regions] = await Promise.all([searchLibrary(db, filter), listTechnologies(db), listRegions(db)]);
    return sendPage(reply, h(LibraryPage, { ctx: pageContext(request, reply), filter, result, technologies, regions }));
  });

  app.get("/case-studies/:slug", pub, async (request, reply) => {
    const slug = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,120}$/) }).safeParse(request.params);
    const cs = slug.success ? await repo.getCaseStudyBySlug(db, slug.data.slug) : undefined;
    // Published ones, and retired ones that were published (editions may still point to them).
    if (!cs || !cs.publishedAt || (cs.state !== "published" && cs.state !== "retired")) throw appError("NOT_FOUND");
    const view = await loadCaseStudyView(db, cs, request.lang, { similar: false });
    const editions = await editionsAnnexing(db, cs.id, request.lang);
    return sendPage(
      reply,
      h(PublicCaseStudyPage, {
        ctx: pageContext(request, reply),
        caseStudy: cs,
        version: view.version,
        technologies: view.technologies,
        organization: view.organization,
        region: view.region,
        files: view.files.filter((f) => f.kind === "attachment"),
        versions: view.versions.length,
        editions,
        supersededBy: view.supersededBy,
      }),
    );
  });
}
