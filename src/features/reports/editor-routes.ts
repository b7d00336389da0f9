import { reportSlugOf } from "#src/web/params.ts";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { h } from "preact";
import { loadDraft } from "#src/features/reports/draft.ts";
import { localized, primaryOf, type Language } from "#src/domain/languages.ts";
import { isLanguage } from "#src/i18n/i18n.ts";
import * as catalog from "#src/features/catalog/repository.ts";
import * as repo from "#src/features/reports/repository.ts";
import { ChapterInput, MoveInput, MoveToInput, RenameInput, ReportInput, SectionAddInput, StatusInput } from "#src/features/reports/schemas.ts";
import { TechnologyInput, TechnologyLinkInput } from "#src/features/catalog/schemas.ts";
import * as structure from "#src/features/reports/structure.ts";
import { createTechnology, setTechnologyLink, updateTechnology } from "#src/features/catalog/technologies.ts";
import { OutlinePage, ReportsPage } from "#src/features/reports/views/outline.tsx";
import { TechnologiesPage, TechnologyPage } from "#src/features/reports/views/technologies.tsx";
import { appError } from "#src/lib/errors.ts";
import { idFrom, parseInput } from "#src/lib/validation.ts";
import { actorOf, setFlash } from "#src/web/context.ts";
import { formBody, submitForm } from "#src/web/forms.ts";
import { pageContext, sendPage } from "#src/web/render.ts";

const editor = { config: { policy: "editor" as const } };

const idOf = (request: FastifyRequest) => idFrom(request.params);

/** Editors' pages for a report's structure (outline, chapters, sections) and the technologies. */
export async function editorRoutes(app: FastifyInstance) {
  const { db } = app.database;
  const outlineUrl = async (chapterId: string, lang?: Language) => {
    const chapter = await repo.getChapter(db, chapterId);
    const report = chapter && (await catalog.getReport(db, chapter.reportId));
    return report ? `/editor/reports/${report.slug}${lang ? `?lang=${lang}` : ""}#ch-${chapterId}` : "/editor";
  };
  const sectionOutlineUrl = async (sectionId: string) => {
    const found = await repo.getSection(db, sectionId);
    return found ? `/editor/reports/${found.report.slug}#ch-${found.chapter.id}` : "/editor";
  };

  app.get("/editor", editor, async (request, reply) => sendPage(reply, h(ReportsPage, { ctx: pageContext(request, reply), reports: await catalog.listReports(db) })));

  app.post("/editor/reports", editor, async (request, reply) => {
    const body = formBody(request.body);
    return submitForm(
      reply,
      async () => {
        const report = await structure.createReport(db, actorOf(request), parseInput(ReportInput, body));
        setFlash(reply, "reports.created", { title: report.titles.en });
        return reply.redirect(`/editor/reports/${report.slug}`, 303);
      },
      async (error) => h(ReportsPage, { ctx: pageContext(request, reply), reports: await catalog.listReports(db), values: body, error }),
    );
  });

  app.get("/editor/reports/:report", editor, async (request, reply) => {
    const draft = await loadDraft(db, reportSlugOf(request));
    const asked = (request.query as { lang?: unknown }).lang;
    const titleLanguage = isLanguage(asked) && draft.report.languages.includes(asked) ? asked : draft.primary;
    return sendPage(reply, h(OutlinePage, { ctx: pageContext(request, reply), draft, titleLanguage, technologies: await catalog.listActiveTechnologies(db) }));
  });

  app.post("/editor/reports/:report/chapters", editor, async (request, reply) => {
    const draft = await loadDraft(db, reportSlugOf(request));
    const body = formBody(request.body);
    return submitForm(
      reply,
      async () => {
        const chapter = await structure.addChapter(db, actorOf(request), draft.report.id, parseInput(ChapterInput, body));
        setFlash(reply, "outline.saved");
        return reply.redirect(`/editor/reports/${draft.report.slug}#ch-${chapter.id}`, 303);
      },
      async (error) => h(OutlinePage, { ctx: pageContext(request, reply), draft, technologies: await catalog.listActiveTechnologies(db), values: body, error }),
    );
  });

  // Structural actions: each a small form; the outline is shown again at the chapter concerned.

  app.post("/editor/chapters/:id/rename", editor, async (request, reply) => {
    // The title's language is the form's choice, never the interface's: an English-speaking editor
    // fixing the French title must not overwrite the English one.
    const input = parseInput(RenameInput, formBody(request.body));
    const chapter = await structure.renameChapter(db, actorOf(request), idOf(request), input.language ?? request.lang, input.title);
    setFlash(reply, "outline.saved");
    return reply.redirect(await outlineUrl(chapter.id, input.language), 303);
  });

  app.post("/editor/chapters/:id/move", editor, async (request, reply) => {
    const chapter = await structure.moveChapter(db, actorOf(request), idOf(request), parseInput(MoveInput, formBody(request.body)).direction);
    return reply.redirect(await outlineUrl(chapter.id), 303);
  });

  app.post("/editor/chapters/:id/remove", editor, async (request, reply) => {
    const chapter = await structure.removeChapter(db, actorOf(request), idOf(request));
    setFlash(reply, "outline.removed", { name: localized(chapter.titles, request.lang, "en") });
    return reply.redirect(await outlineUrl(chapter.id), 303);
  });

  app.post("/editor/chapters/:id/sections", editor, async (request, reply) => {
    const section = await structure.addSection(db, actorOf(request), idOf(request), parseInput(SectionAddInput, formBody(request.body)).heading);
    const found = await repo.getSection(db, section.id);
    return reply.redirect(`/editor/sections/${section.id}/${primaryOf(found!.report)}`, 303);
  });

  app.post("/editor/sections/:id/move", editor, async (request, reply) => {
    const section = await structure.moveSection(db, actorOf(request), idOf(request), parseInput(MoveInput, formBody(request.body)).direction);
    return reply.redirect(await sectionOutlineUrl(section.id), 303);
  });

  app.post("/editor/sections/:id/move-to", editor, async (request, reply) => {
    const section = await structure.moveSectionToChapter(db, actorOf(request), idOf(request), parseInput(MoveToInput, formBody(request.body)).chapterId);
    setFlash(reply, "outline.saved");
    return reply.redirect(await sectionOutlineUrl(section.id), 303);
  });

  app.post("/editor/sections/:id/remove", editor, async (request, reply) => {
    const section = await structure.removeSection(db, actorOf(request), idOf(request));
    setFlash(reply, "outline.removed", { name: section.slug });
    return reply.redirect(await sectionOutlineUrl(section.id), 303);
  });

  app.post("/editor/sections/:id/status", editor, async (request, reply) => {
    const section = await structure.setSectionStatus(db, actorOf(request), idOf(request), parseInput(StatusInput, formBody(request.body)).status);
    const found = await repo.getSection(db, section.id);
    setFlash(reply, "outline.saved");
    return reply.redirect(`/editor/sections/${section.id}/${primaryOf(found!.report)}`, 303);
  });

  // Technologies

  app.get("/editor/technologies", editor, async (request, reply) =>
    sendPage(reply, h(TechnologiesPage, { ctx: pageContext(request, reply), technologies: await catalog.listTechnologies(db) })),
  );

  app.post("/editor/technologies", editor, async (request, reply) => {
    const body = formBody(request.body);
    return submitForm(
      reply,
      async () => {
        const tech = await createTechnology(db, actorOf(request), parseInput(TechnologyInput, body));
        setFlash(reply, "tech.created", { name: tech.names.en });
        return reply.redirect(`/editor/technologies/${tech.id}`, 303);
      },
      async (error) => h(TechnologiesPage, { ctx: pageContext(request, reply), technologies: await catalog.listTechnologies(db), values: body, error }),
    );
  });

  const technologyPage = async (id: string) => {
    const tech = await catalog.getTechnology(db, id);
    if (!tech) throw appError("NOT_FOUND");
    return { tech, all: await catalog.listTechnologies(db), links: await catalog.listTechnologyLinks(db) };
  };

  app.get("/editor/technologies/:id", editor, async (request, reply) =>
    sendPage(reply, h(TechnologyPage, { ctx: pageContext(request, reply), ...(await technologyPage(idOf(request))) })),
  );

  app.post("/editor/technologies/:id", editor, async (request, reply) => {
    const id = idOf(request);
    const body = formBody(request.body);
    return submitForm(
      reply,
      async () => {
        const tech = await updateTechnology(db, actorOf(request), id, parseInput(TechnologyInput, body));
        setFlash(reply, "tech.saved", { name: tech.names.en });
        return reply.redirect(`/editor/technologies/${id}`, 303);
      },
      async (error) => h(TechnologyPage, { ctx: pageContext(request, reply), ...(await technologyPage(id)), values: body, error }),
    );
  });

  for (const [path, present] of [["links", true], ["links/remove", false]] as const) {
    app.post(`/editor/technologies/:id/${path}`, editor, async (request, reply) => {
      const id = idOf(request);
      return submitForm(
        reply,
        async () => {
          const link = parseInput(TechnologyLinkInput, formBody(request.body));
          await setTechnologyLink(db, actorOf(request), { fromId: id, ...link }, present);
          setFlash(reply, "outline.saved");
          return reply.redirect(`/editor/technologies/${id}`, 303);
        },
        async (error) => h(TechnologyPage, { ctx: pageContext(request, reply), ...(await technologyPage(id)), error }),
      );
    });
  }
}
