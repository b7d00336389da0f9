import type { FastifyInstance, FastifyRequest } from "fastify";
import { h } from "preact";
import * as repo from "#src/features/editions/repository.ts";
import { FreezeInput, StatusChangeInput } from "#src/features/editions/schemas.ts";
import { changeStatus, freezeEdition, refreshEdition } from "#src/features/editions/service.ts";
import { EditionManagePage, EditionsManagePage } from "#src/features/editions/views/manage.tsx";
import { reportSlugOf } from "#src/web/params.ts";
import { getReport, getReportBySlug } from "#src/features/catalog/repository.ts";
import { appError } from "#src/lib/errors.ts";
import { idFrom, parseInput } from "#src/lib/validation.ts";
import { actorOf, setFlash } from "#src/web/context.ts";
import { formBody, submitForm } from "#src/web/forms.ts";
import { pageContext, sendPage } from "#src/web/render.ts";
import { FORMAT_NAMES } from "#src/publishing/formats.ts";
import { requestExport } from "#src/publishing/jobs.ts";

const editor = { config: { policy: "editor" as const } };

/** Editors freeze, review, publish and withdraw editions. */
export async function editionEditorRoutes(app: FastifyInstance) {
  const { db } = app.database;

  const reportOf = async (request: FastifyRequest) => {
    const report = await getReportBySlug(db, reportSlugOf(request));
    if (!report) throw appError("NOT_FOUND");
    return report;
  };
  const editionOf = async (request: FastifyRequest) => {
    const edition = await repo.getEdition(db, idFrom(request.params));
    if (!edition) throw appError("NOT_FOUND");
    return { edition, report: (await getReport(db, edition.reportId))! };
  };
  const managePage = async (request: FastifyRequest) => {
    const { edition, report } = await editionOf(request);
    const itemCount = (await repo.listItems(db, edition.id)).filter((i) => i.kind === "section").length;
    return { report, edition, itemCount };
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

  app.get("/editor/editions/:id", editor, async (request, reply) => sendPage(reply, h(EditionManagePage, { ctx: pageContext(request, reply), ...(await managePage(request)) })));

  app.post("/editor/editions/:id/refresh", editor, async (request, reply) => {
    const { edition } = await editionOf(request);
    await refreshEdition(db, actorOf(request), edition.id);
    setFlash(reply, "edition.refreshed", { label: edition.label });
    return reply.redirect(`/editor/editions/${edition.id}`, 303);
  });

  app.post("/editor/editions/:id/status", editor, async (request, reply) => {
    const { edition, report } = await editionOf(request);
    return submitForm(
      reply,
      async () => {
        const input = parseInput(StatusChangeInput, formBody(request.body));
        const updated = await changeStatus(db, actorOf(request), edition.id, input.to, { reason: input.reason, publicUrl: app.config.publicUrl });
        app.editionCache.forgetLookups();
        // A published edition's downloads are produced once, right away, in the background.
        if (updated.status === "published") {
          for (const lang of report.languages) for (const format of FORMAT_NAMES) await requestExport(db, actorOf(request), report, updated, format, lang);
        }
        setFlash(reply, "edition.statusChanged", { label: updated.label, status: request.t(`edition.status.${updated.status}`) });
        return reply.redirect(`/editor/editions/${edition.id}`, 303);
      },
      async (error) => h(EditionManagePage, { ctx: pageContext(request, reply), ...(await managePage(request)), error }),
    );
  });
}
