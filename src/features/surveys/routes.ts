import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import { authorize } from "#src/access/index.ts";
import { listOrganizations } from "#src/features/members/repository.ts";
import { flatten, type Flat } from "#src/features/surveys/answers.ts";
import { changedKeys, mergeFlat, saveAnswers } from "#src/features/surveys/drafts.ts";
import { applicableAnswers } from "#src/features/surveys/guide.ts";
import { resolveSteps, selectionQuery } from "#src/features/surveys/figure-steps.ts";
import { describeFigure, drawFigure, figureLabels, loadResults, previewQuery, resultsChart } from "#src/features/surveys/read.ts";
import * as repo from "#src/features/surveys/repository.ts";
import { ChartFile, FigureSelection, flatFromForm, InvitationsInput, NewSurveyInput, parseDefinition, ReopenInput, SlugParams, StatusInput, SurveySettingsInput } from "#src/features/surveys/schemas.ts";
import { FigureFile } from "#src/domain/surveys.ts";
import * as service from "#src/features/surveys/service.ts";
import { exportCsv, exportXlsx, SPREADSHEET_TYPES, templateXlsx } from "#src/features/surveys/spreadsheet.ts";
import { readTableInPool } from "#src/features/surveys/spreadsheet-pool.ts";
import { blankTemplate } from "#src/features/surveys/templates.ts";
import { AnswerPage, questionLabeller, savedStatus, savedTime } from "#src/features/surveys/views/answer.tsx";
import { FigureFormPage } from "#src/features/surveys/views/figure-form.tsx";
import { SurveyPage, SurveysPage } from "#src/features/surveys/views/editor.tsx";
import { ResultsPage } from "#src/features/surveys/views/results.tsx";
import { appError, isAppError, type AppError } from "#src/lib/errors.ts";
import { cleanFilename, contentDisposition } from "#src/lib/filenames.ts";
import { datasetCsv } from "#src/lib/csv.ts";
import { idFrom, parseInput } from "#src/lib/validation.ts";
import { actorOf, callerOf, setFlash } from "#src/web/context.ts";
import { formBody, submitForm } from "#src/web/forms.ts";
import { pageContext, sendPage } from "#src/web/render.ts";
import { uploadedFile } from "#src/web/uploads.ts";
import { wantsJson } from "#src/web/errors.tsx";

/** A chart drawn by the server: its own policy (inline styles only, nothing loaded), never kept by shared caches. */
const sendSvg = (reply: FastifyReply, svg: string) => reply.type("image/svg+xml").header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'").header("cache-control", "private, no-cache").send(svg);

const editor = { config: { policy: "editor" as const } };
const contributor = { config: { policy: "contributor" as const } };
const pub = { config: { policy: "public" as const } };

/** Surveys: the secretariat's questionnaires, members' answers, results, figures. */
export async function surveyRoutes(app: FastifyInstance) {
  const { db } = app.database;

  const surveyOf = async (request: FastifyRequest) => {
    const survey = await repo.getSurvey(db, idFrom(request.params));
    if (!survey) throw appError("NOT_FOUND");
    return survey;
  };

  // The secretariat

  app.get("/editor/surveys", editor, async (request, reply) => sendPage(reply, h(SurveysPage, { ctx: pageContext(request, reply), surveys: await repo.listSurveys(db) })));

  app.post("/editor/surveys", editor, async (request, reply) => {
    const body = formBody(request.body);
    return submitForm(
      reply,
      async () => {
        const survey = await service.startSurvey(db, actorOf(request), parseInput(NewSurveyInput, body));
        return reply.redirect(`/editor/surveys/${survey.id}`, 303);
      },
      async (error) => h(SurveysPage, { ctx: pageContext(request, reply), surveys: await repo.listSurveys(db), values: body, error }),
    );
  });

  const surveyPage = async (request: FastifyRequest, reply: FastifyReply, survey: repo.SurveyRow, extra: { values?: Record<string, unknown>; error?: AppError; definitionProblems?: string[]; importProblems?: service.ImportProblem[]; imported?: { imported: number; replaced: number } } = {}) => {
    const [versions, organizations, invited, responses, figures] = await Promise.all([
      repo.versionsOf(db, survey.id),
      listOrganizations(db, {}),
      repo.invitedOrganizations(db, survey.id),
      repo.responsesWithOrganizations(db, survey.id),
      repo.listFigures(db),
    ]);
    const current = versions.find((v) => v.id === survey.currentVersionId);
    const values = extra.values ?? {
      title: survey.titles.en,
      year: survey.year,
      kind: survey.kind,
      intro: survey.intro.en ?? "",
      minGroup: survey.minGroup,
      closesOn: survey.closesOn ?? "",
      definition: JSON.stringify(current?.definition ?? blankTemplate(), null, 2),
    };
    return h(SurveyPage, {
      ctx: pageContext(request, reply),
      survey,
      versions,
      figures: figures.filter((f) => f.surveyId === survey.id),
      organizations: organizations
        .filter((o) => !o.deactivatedAt)
        .map((o) => {
          const response = responses.find((r) => r.organization.id === o.id)?.response;
          return { id: o.id, name: o.name, regionCode: o.regionCode, kind: o.kind, invited: invited.some((i) => i.id === o.id), status: response?.status ?? null, updatedAt: response?.updatedAt ?? null, source: response?.source ?? null };
        }),
      values,
      error: extra.error,
      definitionProblems: extra.definitionProblems,
      importProblems: extra.importProblems,
      imported: extra.imported,
      uploadLimitMb: app.config.uploadLimitMb,
    });
  };

  app.get("/editor/surveys/:id", editor, async (request, reply) => sendPage(reply, await surveyPage(request, reply, await surveyOf(request))));

  app.post("/editor/surveys/:id", editor, async (request, reply) => {
    const survey = await surveyOf(request);
    const body = formBody(request.body);
    return submitForm(
      reply,
      async () => {
        const input = parseInput(SurveySettingsInput, body);
        const { definition, problems } = parseDefinition(input.definition);
        if (!definition) throw Object.assign(appError("VALIDATION_FAILED", { definition: "field.definition" }), { problems });
        await service.updateSurvey(db, actorOf(request), survey.id, { ...input, definition });
        setFlash(reply, "survey.saved");
        return reply.redirect(`/editor/surveys/${survey.id}`, 303);
      },
      async (error) => surveyPage(request, reply, survey, { values: body, error, definitionProblems: (error as AppError & { problems?: string[] }).problems ?? [] }),
    );
  });

  app.post("/editor/surveys/:id/status", editor, async (request, reply) => {
    const survey = await surveyOf(request);
    const { status } = parseInput(StatusInput, formBody(request.body));
    await service.setSurveyStatus(db, actorOf(request), survey.id, status);
    setFlash(reply, "survey.saved");
    return reply.redirect(`/editor/surveys/${survey.id}`, 303);
  });

  app.post("/editor/surveys/:id/invitations", editor, async (request, reply) => {
    const survey = await surveyOf(request);
    const { organizations } = parseInput(InvitationsInput, formBody(request.body));
    await service.setInvitations(db, actorOf(request), survey.id, organizations);
    setFlash(reply, "survey.saved");
    return reply.redirect(`/editor/surveys/${survey.id}#responses-title`, 303);
  });

  app.post("/editor/surveys/:id/reopen", editor, async (request, reply) => {
    const survey = await surveyOf(request);
    const { organizationId } = parseInput(ReopenInput, formBody(request.body));
    await service.reopenResponse(db, actorOf(request), survey.id, organizationId);
    setFlash(reply, "survey.reopened");
    return reply.redirect(`/editor/surveys/${survey.id}#responses-title`, 303);
  });

  const definitionOf = async (survey: repo.SurveyRow) => (await repo.getVersion(db, survey.currentVersionId!))!.definition;

  app.get("/editor/surveys/:id/template.xlsx", editor, async (request, reply) => {
    const survey = await surveyOf(request);
    return reply.type(SPREADSHEET_TYPES.xlsx).header("content-disposition", contentDisposition("attachment", `${survey.slug}-template.xlsx`)).send(await templateXlsx(await definitionOf(survey), request.lang));
  });

  for (const format of ["xlsx", "csv"] as const) {
    app.get(`/editor/surveys/:id/responses.${format}`, editor, async (request, reply) => {
      const survey = await surveyOf(request);
      const def = await definitionOf(survey);
      // A draft keeps answers to questions that no longer apply; the export shows only those that do.
      const rows = (await repo.responsesWithOrganizations(db, survey.id)).map((r) => ({ organization: r.organization.shortName ?? r.organization.name, answers: applicableAnswers(def, r.response.answers) }));
      const bytes = format === "xlsx" ? await exportXlsx(def, rows) : exportCsv(def, rows);
      return reply.type(SPREADSHEET_TYPES[format]).header("content-disposition", contentDisposition("attachment", `${survey.slug}-responses.${format}`)).send(bytes);
    });
  }

  app.post("/editor/surveys/:id/import", editor, async (request, reply) => {
    const survey = await surveyOf(request);
    try {
      const file = await uploadedFile(request, "responses");
      const result = await service.importResponses(db, actorOf(request), survey.id, await readTableInPool(file.data), `import: ${cleanFilename(file.filename, "responses").slice(0, 100)}`);
      if (!result.ok) {
        if (wantsJson(request)) return reply.status(400).send({ error: { code: "IMPORT_REJECTED", problems: result.problems } });
        return sendPage(reply, await surveyPage(request, reply, survey, { importProblems: result.problems }), 400);
      }
      if (wantsJson(request)) return reply.send(result);
      return sendPage(reply, await surveyPage(request, reply, survey, { imported: result }));
    } catch (e) {
      if (isAppError(e) && e.status < 500 && !wantsJson(request)) return sendPage(reply, await surveyPage(request, reply, survey, { error: e }), e.status);
      throw e;
    }
  });

  // The guided figure form: its selects in the address, its preview drawn from the unsaved query.

  const figurePage = async (request: FastifyRequest, reply: FastifyReply, survey: repo.SurveyRow, selection: FigureSelection, extra: { values?: Record<string, unknown>; error?: AppError; surveyError?: boolean } = {}) => {
    const [surveys, definition] = await Promise.all([repo.listSurveys(db), definitionOf(survey)]);
    const steps = resolveSteps(definition, selection, { defaults: true });
    if (extra.surveyError) steps.errors.survey = "figure.error.survey";
    const query = selectionQuery(steps);
    const base = `/editor/surveys/${survey.id}/figures`;
    const preview = steps.query ? await previewQuery(db, survey, steps.query, request.lang) : undefined;
    const labels = preview?.labels ?? (await figureLabels(db, definition, request.lang));
    const page = h(FigureFormPage, {
      ctx: pageContext(request, reply),
      survey,
      surveys,
      definition,
      steps,
      pageUrl: `${base}/new${query ? `?${query}` : ""}`,
      preview: preview && { src: `${base}/preview.svg?${query}`, data: preview.data },
      technologyName: labels.technology,
      values: extra.values,
      error: extra.error,
    });
    return { page, steps };
  };

  // "New figure" from anywhere: the survey asked for, else the latest.
  app.get("/editor/figures/new", editor, async (request, reply) => {
    const { survey: id } = FigureSelection.parse(request.query ?? {});
    const surveys = await repo.listSurveys(db);
    const survey = surveys.find((s) => s.id === id) ?? surveys[0];
    return reply.redirect(survey ? `/editor/surveys/${survey.id}/figures/new` : "/editor/surveys", 303);
  });

  app.get("/editor/surveys/:id/figures/new", editor, async (request, reply) => {
    const survey = await surveyOf(request);
    const selection = FigureSelection.parse(request.query ?? {});
    // Another survey chosen in the first select: its own form, from its first question.
    if (selection.survey && selection.survey !== survey.id) {
      const other = (await repo.listSurveys(db)).find((s) => s.id === selection.survey);
      if (other) return reply.redirect(`/editor/surveys/${other.id}/figures/new`, 303);
    }
    const { page, steps } = await figurePage(request, reply, survey, selection, { surveyError: Boolean(selection.survey && selection.survey !== survey.id) });
    return sendPage(reply, page, Object.keys(steps.errors).length ? 400 : 200);
  });

  app.post("/editor/surveys/:id/figures/new", editor, async (request, reply) => {
    const survey = await surveyOf(request);
    const body = formBody(request.body);
    return submitForm(
      reply,
      async () => {
        const figure = await service.createFigureFromForm(db, actorOf(request), survey.id, body);
        setFlash(reply, "figure.saved", { title: figure.titles.en, ref: figure.slug });
        // To the top of the page's content, where the message is (and the form's own fragment goes no further).
        return reply.redirect(`/editor/surveys/${survey.id}#main`, 303);
      },
      async (error) => (await figurePage(request, reply, survey, FigureSelection.parse(body), { values: body, error })).page,
    );
  });

  // The chart of a query not saved yet, as the form's preview shows it.
  app.get("/editor/surveys/:id/figures/preview.svg", editor, async (request, reply) => {
    const survey = await surveyOf(request);
    const steps = resolveSteps(await definitionOf(survey), FigureSelection.parse(request.query ?? {}), { defaults: false });
    if (!steps.query) throw appError("VALIDATION_FAILED", steps.errors);
    return sendSvg(reply, await (await previewQuery(db, survey, steps.query, request.lang)).draw());
  });

  const resultsPage = async (request: FastifyRequest, reply: FastifyReply, survey: repo.SurveyRow, audience: "public" | "editor") => {
    const { results, definition } = await loadResults(db, survey, audience);
    const labels = await figureLabels(db, definition, request.lang);
    const chartBase = audience === "editor" ? `/editor/surveys/${survey.id}/results/` : `/surveys/${survey.slug}/results/`;
    return sendPage(reply, h(ResultsPage, { ctx: pageContext(request, reply), survey, definition, results, regionName: labels.region, technologyName: labels.technology, chartBase }));
  };

  // A question's chart on a results page: drawn on the worker pool, kept while its data stays the same.
  const resultsChartReply = async (request: FastifyRequest, reply: FastifyReply, survey: repo.SurveyRow, audience: "public" | "editor") => {
    const file = ChartFile.safeParse(request.params);
    const svg = file.success ? await resultsChart(db, survey, audience, file.data.question, request.lang) : undefined;
    if (!svg) throw appError("NOT_FOUND");
    return sendSvg(reply, svg);
  };

  app.get("/editor/surveys/:id/results", editor, async (request, reply) => resultsPage(request, reply, await surveyOf(request), "editor"));
  app.get("/editor/surveys/:id/results/:file", editor, async (request, reply) => resultsChartReply(request, reply, await surveyOf(request), "editor"));

  // Readers

  const publicSurvey = async (request: FastifyRequest) => {
    const params = SlugParams.safeParse(request.params);
    const survey = params.success ? await repo.getSurveyBySlug(db, params.data.slug) : undefined;
    if (!survey || survey.status === "draft") throw appError("NOT_FOUND");
    return survey;
  };

  app.get("/surveys/:slug/results", pub, async (request, reply) => resultsPage(request, reply, await publicSurvey(request), "public"));
  app.get("/surveys/:slug/results/:file", pub, async (request, reply) => resultsChartReply(request, reply, await publicSurvey(request), "public"));

  // Live figures (the living draft shows these; editions serve their frozen copies).
  app.get("/figures/:file", contributor, async (request, reply) => {
    const file = FigureFile.safeParse(request.params);
    if (!file.success) throw appError("NOT_FOUND");
    const figure = await repo.getFigureBySlug(db, file.data.slug);
    if (!figure) throw appError("NOT_FOUND");
    if (file.data.type === "csv") return reply.type("text/csv; charset=utf-8").header("content-disposition", contentDisposition("attachment", `${figure.slug}.csv`)).send(datasetCsv((await describeFigure(db, figure, request.lang)).data));
    return sendSvg(reply, await drawFigure(db, figure, request.lang, file.data.narrow ? "narrow" : "wide"));
  });

  // Members answering for their organization

  // The form shows the stored answers, or those just posted (a partial post: over the stored ones).
  const answerPage = async (request: FastifyRequest, reply: FastifyReply, survey: repo.SurveyRow, organizationId: string, extra: { posted?: { flat: Flat; changed: string[] | undefined }; error?: AppError; status?: string } = {}) => {
    const [response, org] = await Promise.all([repo.getResponse(db, survey.id, organizationId), listOrganizations(db, {}).then((all) => all.find((o) => o.id === organizationId))]);
    const version = (await repo.getVersion(db, response?.versionId ?? survey.currentVersionId!))!;
    const labels = await figureLabels(db, version.definition, request.lang);
    const stored = flatten(version.definition, response?.answers ?? {});
    const posted = extra.posted && mergeFlat(stored, extra.posted.flat, extra.posted.changed);
    return h(AnswerPage, {
      ctx: pageContext(request, reply),
      survey,
      definition: version.definition,
      organization: org?.name ?? "",
      response,
      values: posted ? Object.fromEntries(Object.entries(posted).filter((e): e is [string, string | string[]] => typeof e[1] === "string" || Array.isArray(e[1]))) : stored,
      technologyName: labels.technology,
      error: extra.error,
      action: `/member/surveys/${survey.id}`,
      status: extra.status,
    });
  };

  // A draft saved: its time, and the questions whose answers were kept back (not a number, not an option).
  const draftSaved = async (request: FastifyRequest, survey: repo.SurveyRow, saved: Awaited<ReturnType<typeof saveAnswers>>) => {
    const { t, lang } = request;
    if (!saved.problems.length) return savedStatus(t, lang, saved.response.updatedAt);
    const labelOf = questionLabeller(saved.definition, t, lang, (await figureLabels(db, saved.definition, lang)).technology);
    const questions = [...new Set(saved.problems.map((p) => labelOf(p.key)?.label ?? p.key))].join("; ");
    return t("surveyForm.partlySaved", { time: savedTime(lang, saved.response.updatedAt), questions });
  };

  const organizationFor = (request: FastifyRequest) => {
    const orgId = request.user?.organizationId;
    if (!orgId) throw appError("NO_ORGANIZATION");
    return orgId;
  };

  app.get("/member/surveys/:id", contributor, async (request, reply) => {
    const survey = await surveyOf(request);
    const orgId = organizationFor(request);
    authorize(request.user, "view", { kind: "survey-response", organizationId: orgId, invited: await repo.isInvited(db, survey.id, orgId) });
    return sendPage(reply, await answerPage(request, reply, survey, orgId));
  });

  // Every save is a draft save but "submit": the buttons, "next:<section>" (saves, then goes on to
  // that section), and the page script's background saves (JSON, only the answers it changed).
  app.post("/member/surveys/:id", contributor, async (request, reply) => {
    const survey = await surveyOf(request);
    const orgId = organizationFor(request);
    const body = formBody(request.body);
    const submit = body.intent === "submit";
    const posted = { flat: flatFromForm(body), changed: changedKeys(body) };
    if (!submit && wantsJson(request)) {
      const saved = await saveAnswers(db, callerOf(request), survey.id, orgId, posted.flat, { submit: false, changed: posted.changed });
      return { savedAt: saved.response.updatedAt.toISOString(), status: await draftSaved(request, survey, saved), problems: saved.problems.map((p) => p.key) };
    }
    const next = typeof body.intent === "string" && body.intent.startsWith("next:") ? (await repo.getVersion(db, survey.currentVersionId!))?.definition.sections.find((s) => `next:${s.id}` === body.intent) : undefined;
    return submitForm(
      reply,
      async () => {
        const saved = await saveAnswers(db, callerOf(request), survey.id, orgId, posted.flat, { submit, changed: posted.changed });
        // Answers that could not be read, or a submit that lacks some, stay on the form, marked; the rest is saved as a draft.
        if (saved.refused || saved.problems.length) {
          const error = saved.refused ?? appError("VALIDATION_FAILED", service.fieldsOf(saved.problems));
          return sendPage(reply, await answerPage(request, reply, survey, orgId, { posted, error, status: await draftSaved(request, survey, saved) }), 400);
        }
        setFlash(reply, submit ? "survey.flash.submitted" : "survey.flash.saved");
        return reply.redirect(submit ? "/member" : `/member/surveys/${survey.id}${next ? `#s-${next.id}` : ""}`, 303);
      },
      async (error) => answerPage(request, reply, survey, orgId, { posted, error }),
    );
  });
}
