import type { FastifyInstance, FastifyRequest } from "fastify";
import { h } from "preact";
import { editionManagement, editionWithReport } from "#src/features/editions/read.ts";
import * as repo from "#src/features/editions/repository.ts";
import { EditionTextsInput, EditionTextsParams, FreezeInput } from "#src/features/editions/schemas.ts";
import { freezeEdition, refreshEdition, saveEditionTexts } from "#src/features/editions/service.ts";
import { EditionManagePage, EditionsManagePage } from "#src/features/editions/views/manage.tsx";
import { reportSlugOf } from "#src/web/params.ts";
import { getReportBySlug } from "#src/features/catalog/repository.ts";
import { appError } from "#src/lib/errors.ts";
import { idFrom, parseInput } from "#src/lib/validation.ts";
import { actorOf, setFlash } from "#src/web/context.ts";
import { formBody, submitForm } from "#src/web/forms.ts";
import { pageContext, sendPage } from "#src/web/render.ts";

const editor = { config: { policy: "editor" as const } };

/** Editors freeze and refresh editions. Moving one along its statuses is a publishing route: publishing also queues its downloads. */
export async function editionEditorRoutes(app: FastifyInstance) {
  const { db } = app.database;

  const reportOf = async (request: FastifyRequest) => {
    const report = await getReportBySlug(db, reportSlugOf(request));
    if (!report) throw appError("NOT_FOUND");
    return report;
  };

  app.get("/editor/reports/:report/editions", editor, async (request, reply) => {
    const report = await reportOf(request);
    return sendPage(reply, h(EditionsManagePage, { ctx: pageContext(request, reply), report, editions: await repo.listEditions(db, report.id) }));
  });

  app.post("/editor/reports/:report/editions", editor, async (request, reply) => {
    const report = await reportOf(request);
    const body = formBody(request.body);
    return submitForm(
      reply,
      async () => {
        const edition = await freezeEdition(db, actorOf(request), report.id, parseInput(FreezeInput, body));
        setFlash(reply, "edition.frozen", { label: edition.label });
        return reply.redirect(`/editor/editions/${edition.id}`, 303);
      },
      async (error) => h(EditionsManagePage, { ctx: pageContext(request, reply), report, editions: await repo.listEditions(db, report.id), values: body, error }),
    );
  });

  app.get("/editor/editions/:id", editor, async (request, reply) => sendPage(reply, h(EditionManagePage, { ctx: pageContext(request, reply), ...(await editionManagement(db, idFrom(request.params))) })));

  app.post("/editor/editions/:id/texts/:lang", editor, async (request, reply) => {
    const params = EditionTextsParams.safeParse(request.params);
    if (!params.success) throw appError("NOT_FOUND");
    const { id, lang } = params.data;
    const body = formBody(request.body);
    return submitForm(
      reply,
      async () => {
        const edition = await saveEditionTexts(db, actorOf(request), id, lang, parseInput(EditionTextsInput, body));
        setFlash(reply, "editionTexts.saved", { lang: request.t(`language.${lang}`), label: edition.label });
        return reply.redirect(`/editor/editions/${id}#texts-${lang}`, 303);
      },
      // A field's problem goes beside the field in that language's form; a refusal (published since) at the top.
      async (error) => h(EditionManagePage, { ctx: pageContext(request, reply), ...(await editionManagement(db, id)), ...(Object.keys(error.fields).length ? { textsForm: { lang, values: body, error } } : { error }) }),
    );
  });

  app.post("/editor/editions/:id/refresh", editor, async (request, reply) => {
    const { edition } = await editionWithReport(db, idFrom(request.params));
    await refreshEdition(db, actorOf(request), edition.id);
    setFlash(reply, "edition.refreshed", { label: edition.label });
    return reply.redirect(`/editor/editions/${edition.id}`, 303);
  });
}
