import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import { CASE_STUDY_STATES, type CaseStudyState } from "#src/domain/case-studies.ts";
import { cancelImport, confirmImport, pendingImport, previewImport } from "#src/features/case-studies/import.ts";
import { choicesFrom, reviewValues } from "#src/features/case-studies/import-choices.ts";
import { ImportReviewPage, renderPassages } from "#src/features/case-studies/views/import-review.tsx";
import { techName } from "#src/features/case-studies/views/parts.tsx";
import { searchLibrary } from "#src/features/case-studies/library.ts";
import { compareVersions, editionsAnnexing, loadCaseStudyView } from "#src/features/case-studies/read.ts";
import * as repo from "#src/features/case-studies/repository.ts";
import { AnnexAddInput, AnnexInput, BaseVersion, CaseStudyInput, CompareQuery, FileParams, LibraryQuery, MoveInput, NewCaseStudyInput, SlugParams, TemplateQuery } from "#src/features/case-studies/schemas.ts";
import * as service from "#src/features/case-studies/service.ts";
import { checkAttachment } from "#src/lib/file-checks.ts";
import { CaseStudyComparePage, CaseStudyPage } from "#src/features/case-studies/views/case-study.tsx";
import { AnnexPage, QueuePage } from "#src/features/case-studies/views/editor.tsx";
import { CaseStudyFormPage, valuesOf } from "#src/features/case-studies/views/form.tsx";
import { LibraryPage, PublicCaseStudyPage } from "#src/features/case-studies/views/library.tsx";
import { authorize, can, isSecretariat } from "#src/access/index.ts";
import { listOrganizations, listRegions } from "#src/features/members/repository.ts";
import { getReportBySlug, listActiveTechnologies, listTechnologies } from "#src/features/catalog/repository.ts";
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

/** Re-renders an upload form on any refusal the person can act on (type, size, broken file); programs get the JSON error. */
async function handleUpload(reply: FastifyReply, action: () => Promise<unknown>, rerender: (error: AppError) => Page | Promise<Page>) {
  try {
    return await action();
  } catch (e) {
    if (isAppError(e) && e.status < 500 && e.status !== 401 && e.status !== 403 && e.status !== 404 && !wantsJson(reply.request)) return sendPage(reply, await rerender(e), e.status);
    throw e;
  }
}

export type CaseStudyRouteOptions = {
  /** The member's home page, where the Word import form is: shown again when an import is refused. */
  memberHome: (request: FastifyRequest, reply: FastifyReply, error: AppError) => Promise<Page>;
};

/** Case studies: members' submissions, the secretariat's moderation and annex, the public library. */
export async function caseStudyRoutes(app: FastifyInstance, { memberHome }: CaseStudyRouteOptions) {
  const { db } = app.database;
  const uploadLimitMb = app.config.uploadLimitMb;

  const visible = async (request: FastifyRequest) => {
    const cs = await repo.getCaseStudy(db, idFrom(request.params));
    if (!cs) throw appError("NOT_FOUND");
    authorize(request.user, "view", { kind: "case-study", caseStudy: cs });
    return cs;
  };

  const casePage = async (request: FastifyRequest, reply: FastifyReply, cs: repo.CaseStudyRow, error?: AppError, openMove?: CaseStudyState) =>
    h(CaseStudyPage, {
      ctx: pageContext(request, reply),
      ...(await loadCaseStudyView(db, cs, request.lang, { similar: cs.state !== "draft" || isSecretariat(request.user) })),
      mayEdit: can(request.user, "edit", { kind: "case-study", caseStudy: cs }),
      uploadLimitMb,
      error,
      openMove,
    });

  const formPage = async (request: FastifyRequest, reply: FastifyReply, props: { values: Record<string, unknown>; error?: AppError; cs?: repo.CaseStudyRow; baseVersion?: number | null }) =>
    h(CaseStudyFormPage, {
      ctx: pageContext(request, reply),
      // Retired technologies only where this case study (or the form as sent) already has them.
      technologies: await listActiveTechnologies(db, [...[props.values.technologies ?? []].flat().map(String), ...(props.cs?.currentVersionId ? ((await repo.getVersion(db, props.cs.currentVersionId))?.fields.technologies ?? []) : [])]),
      values: props.values,
      error: props.error,
      caseStudy: props.cs,
      baseVersion: props.baseVersion,
      organizations: !props.cs && isSecretariat(request.user) ? (await listOrganizations(db, {})).filter((o) => !o.deactivatedAt).map((o) => ({ id: o.id, name: o.name })) : undefined,
      maySubmit: props.cs ? can(request.user, "submit", { kind: "case-study", caseStudy: props.cs }) : true,
    });

  // A member's work (their home page, /member, gathers it from every feature)

  app.get("/member/case-studies/template.docx", contributor, async (request, reply) => {
    const query = TemplateQuery.parse(request.query ?? {});
    const lang = isLanguage(query.lang) ? query.lang : request.lang;
    return reply
      .type("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
      .header("content-disposition", contentDisposition("attachment", `case-study-template-${lang}.docx`))
      .send(await (await import("#src/features/case-studies/template.ts")).wordTemplate(lang)); // docx, loaded when asked for
  });

  app.get("/member/case-studies/new", contributor, async (request, reply) =>
    sendPage(reply, await formPage(request, reply, { values: { language: request.lang } })),
  );

  // Saves the form's fields; "save and submit" also submits them.
  const saveForm = (request: FastifyRequest, body: Record<string, unknown>, existing?: repo.CaseStudyRow) =>
    service.saveFromForm(db, callerOf(request), {
      id: existing?.id ?? null,
      fields: parseInput(CaseStudyInput, body),
      organizationId: existing ? null : parseInput(NewCaseStudyInput, body).organizationId,
      baseVersionId: BaseVersion.parse(body.baseVersion) ?? null,
      submit: body.intent === "submit",
    });

  app.post("/member/case-studies", contributor, async (request, reply) => {
    const body = formBody(request.body);
    return submitForm(
      reply,
      async () => {
        const { caseStudy: cs, submitted } = await saveForm(request, body);
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
        const { id } = await previewImport(db, callerOf(request), {
          organizationId: null,
          filename: cleanFilename(file.filename, "case-study.docx"),
          data: file.data,
          language: request.lang,
        });
        return reply.redirect(`/member/case-studies/imports/${id}`, 303);
      },
      (error) => memberHome(request, reply, error),
    ),
  );

  // The review of an import before anything is saved: only its member sees it.
  const reviewPage = async (request: FastifyRequest, reply: FastifyReply, pending: Awaited<ReturnType<typeof pendingImport>>, values: Record<string, unknown>, error?: AppError) => {
    const ctx = pageContext(request, reply);
    return h(ImportReviewPage, {
      ctx,
      id: pending.id,
      filename: pending.filename,
      preview: pending.preview,
      values,
      html: await renderPassages(ctx.t, request.lang, pending.preview),
      technologies: (await listActiveTechnologies(db, pending.preview.technologies)).map((tech): [string, string] => [tech.slug, techName(tech, request.lang)]),
      error,
    });
  };
  const activeSlugs = async (keep: string[]) => (await listActiveTechnologies(db, keep)).map((tech) => tech.slug);

  app.get("/member/case-studies/imports/:id", contributor, async (request, reply) => {
    const pending = await pendingImport(db, callerOf(request), idFrom(request.params));
    return sendPage(reply, await reviewPage(request, reply, pending, reviewValues(pending.preview)));
  });

  // intent=update shows the passages regrouped, confirm makes the draft, cancel forgets the file.
  app.post("/member/case-studies/imports/:id", contributor, async (request, reply) => {
    const caller = callerOf(request);
    const pending = await pendingImport(db, caller, idFrom(request.params));
    const body = formBody(request.body);
    if (body.intent === "cancel") {
      await cancelImport(db, caller, pending.id);
      setFlash(reply, "import.flash.cancelled", { filename: pending.filename });
      return reply.redirect("/member", 303);
    }
    return submitForm(
      reply,
      async () => {
        const choices = choicesFrom(body, pending.preview, await activeSlugs(pending.preview.technologies));
        if (body.intent !== "confirm") return sendPage(reply, await reviewPage(request, reply, pending, body));
        const { caseStudy } = await confirmImport(db, caller, pending.id, choices);
        setFlash(reply, "import.flash.created", { title: caseStudy.title });
        return reply.redirect(`/member/case-studies/${caseStudy.id}/edit`, 303);
      },
      (error) => reviewPage(request, reply, pending, body, error),
    );
  });

  app.get("/member/case-studies/:id", contributor, async (request, reply) => sendPage(reply, await casePage(request, reply, await visible(request))));

  app.get("/member/case-studies/:id/edit", contributor, async (request, reply) => {
    const cs = await visible(request);
    authorize(request.user, "edit", { kind: "case-study", caseStudy: cs });
    const version = await repo.getVersion(db, cs.currentVersionId!);
    return sendPage(reply, await formPage(request, reply, { values: valuesOf(version!.fields), cs, baseVersion: cs.currentVersionId }));
  });

  app.post("/member/case-studies/:id/edit", contributor, async (request, reply) => {
    const cs = await visible(request);
    const body = formBody(request.body);
    return submitForm(
      reply,
      async () => {
        const { submitted } = await saveForm(request, body, cs);
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
    const query = CompareQuery.safeParse(request.query ?? {});
    const { from, to, diffs } = await compareVersions(db, cs, query.success ? query.data : {});
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
    const fileId = FileParams.safeParse(request.params);
    if (!fileId.success) throw appError("NOT_FOUND");
    await service.removeAttachment(db, callerOf(request), cs.id, fileId.data.file);
    return reply.redirect(`/member/case-studies/${cs.id}`, 303);
  });

  // Files: public once their case study was published; otherwise for those who may see it.
  app.get("/files/case-studies/:id", pub, async (request, reply) => {
    const file = await repo.getFile(db, idFrom(request.params));
    if (!file || file.removedAt) throw appError("NOT_FOUND");
    const cs = (await repo.getCaseStudy(db, file.caseStudyId))!;
    const access = { kind: "case-study-file", file, caseStudy: cs } as const;
    authorize(request.user, "download", access);
    const isPublic = can(null, "download", access);
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
        await service.addToAnnex(db, actorOf(request), report.id, parseInput(AnnexAddInput, formBody(request.body)).slug);
        setFlash(reply, "annex.saved");
        return reply.redirect(`/editor/reports/${report.slug}/annex`, 303);
      },
      (error) => annexPage(request, reply, report, error),
    );
  });

  // Readers

  app.get("/case-studies", pub, async (request, reply) => {
    const filter = LibraryQuery.parse(request.query ?? {});
    // Kept until a case study or the catalog changes (any instance's change: db/changes.ts).
    const [result, technologies, regions] = await Promise.all([
      searchLibrary(db, filter, app.topicCache),
      app.topicCache.get("listTechnologies", ["catalog"], async () => listTechnologies(db)),
      app.topicCache.get("listRegions", ["catalog"], async () => listRegions(db)),
    ]);
    return sendPage(reply, h(LibraryPage, { ctx: pageContext(request, reply), filter, result, technologies, regions }));
  });

  app.get("/case-studies/:slug", pub, async (request, reply) => {
    const slug = SlugParams.safeParse(request.params);
    const cs = slug.success ? await repo.getCaseStudyBySlug(db, slug.data.slug) : undefined;
    if (!cs) throw appError("NOT_FOUND");
    authorize(request.user, "read", { kind: "case-study", caseStudy: cs });
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
