import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import { markdownProblem } from "#src/content/limits.ts";
import { renderMarkdown } from "#src/content/render.ts";
import type { ChangeTopic } from "#src/db/changes.ts";
import type { Db } from "#src/db/client.ts";
import type { Language } from "#src/domain/languages.ts";
import { textsOf, translationState } from "#src/features/reports/draft.ts";
import { cachedDraftResolver } from "#src/features/reports/draft-evidence.ts";
import { primaryOf } from "#src/domain/languages.ts";
import { wordDiff } from "#src/lib/merge.ts";
import * as repo from "#src/features/reports/repository.ts";
import { editableSection, saveSection, StaleRevisionError } from "#src/features/reports/revisions.ts";
import { mergeStaleSave, resolveConflict, type ConflictOutcome } from "#src/features/reports/conflicts.ts";
import { ConflictPage } from "#src/features/reports/views/conflict.tsx";
import { ConflictResolveInput, DiffQuery, PreviewInput, SectionParams, SectionSaveInput } from "#src/features/reports/schemas.ts";
import { DiffPage, HistoryPage } from "#src/features/reports/views/history.tsx";
import { SectionEditorPage, type EditorProps, type SectionProvenance } from "#src/features/reports/views/section-editor.tsx";
import { appError, isAppError } from "#src/lib/errors.ts";
import type { TopicCache } from "#src/lib/topic-cache.ts";
import { fieldErrors } from "#src/lib/validation.ts";
import { actorOf, setFlash } from "#src/web/context.ts";
import { formBody } from "#src/web/forms.ts";
import type { FindingsView } from "#src/web/findings.tsx";
import { pageContext, sendPage } from "#src/web/render.ts";

const editor = { config: { policy: "editor" as const } };

function paramsOf(request: FastifyRequest) {
  const parsed = SectionParams.safeParse(request.params);
  if (!parsed.success) throw appError("NOT_FOUND");
  return parsed.data;
}

type Figures = TopicCache<ChangeTopic>;

const render = async (db: Db, figures: Figures, body: string, lang: Language, idPrefix = "preview") => renderMarkdown(body, { lang, idPrefix, resolve: await cachedDraftResolver(db, figures, [body], "en") });

/** Everything the editor page shows about a section in one language, apart from the form values. */
async function editorState(db: Db, figures: Figures, pageLang: Language, sectionId: string, lang: Language) {
  const { section, chapter, report } = await editableSection(db, sectionId, lang);
  const primary = primaryOf(report);
  const withTexts = { ...section, texts: textsOf(await repo.listHeads(db, [sectionId])).get(sectionId) ?? {} };
  const states = Object.fromEntries(report.languages.filter((l) => l !== primary).map((l) => [l, translationState(withTexts, primary, l)]));
  const head = await repo.getHead(db, sectionId, lang);
  let source: EditorProps["source"];
  if (lang !== primary) {
    const current = await repo.getHead(db, sectionId, primary);
    if (current) {
      const translatedFrom = head?.sourceRevisionId ? await repo.getRevision(db, head.sourceRevisionId) : undefined;
      const changes = translatedFrom && translatedFrom.id !== current.id ? wordDiff(`${translatedFrom.heading}\n\n${translatedFrom.body}`, `${current.heading}\n\n${current.body}`) : undefined;
      source = { revision: current, html: (await render(db, figures, current.body, pageLang, "source")).html, changes };
    }
  }
  return { report, chapter, section, lang, primary, head, states, source };
}

export type SectionRoutesOptions = {
  /** What fed a section (evidence, outcomes, review comments); the provenance feature answers. */
  provenanceOf: (db: Db, sectionId: string, lang: Language) => Promise<SectionProvenance>;
  /** The checks before publishing, on this section of the living draft; the editions feature answers. */
  findingsOf: (db: Db, reportSlug: string, sectionId: string) => Promise<FindingsView>;
};

/** Writing a section: the editor, saving (with conflict handling), preview, history and diffs. */
export async function sectionRoutes(app: FastifyInstance, { provenanceOf, findingsOf }: SectionRoutesOptions) {
  const { db } = app.database;

  const show = async (request: FastifyRequest, reply: FastifyReply, extra: Partial<EditorProps> & { values?: EditorProps["values"] }, status = 200) => {
    const { id, lang } = paramsOf(request);
    const state = await editorState(db, app.topicCache, request.lang, id, lang);
    const provenance = await provenanceOf(db, id, lang);
    const findings = await findingsOf(db, state.report.slug, id);
    const values = extra.values ?? {
      heading: state.head?.heading ?? state.source?.revision.heading ?? "",
      body: state.head?.body ?? "",
      baseRevisionId: state.head ? String(state.head.id) : "",
    };
    // A text refused for how it is built is shown back in the form, never rendered.
    const body = String(values.body ?? "");
    const preview = markdownProblem(body) ? { html: "", warnings: [] } : await render(db, app.topicCache, body, request.lang);
    return sendPage(reply, h(SectionEditorPage, { ctx: pageContext(request, reply), ...state, provenance, findings, values, preview, ...extra }), status);
  };

  /** A stale save's merge: clean, back to the editor with the merged text; else the conflict page. */
  const answerConflict = (request: FastifyRequest, reply: FastifyReply, outcome: Exclude<ConflictOutcome, { kind: "saved" }>) => {
    if (outcome.kind === "conflict") return sendPage(reply, h(ConflictPage, { ctx: pageContext(request, reply), ...outcome.view }), outcome.status);
    const values = { heading: outcome.heading, body: outcome.body, summary: outcome.summary ?? "", baseRevisionId: String(outcome.theirs.id) };
    return show(request, reply, { values, conflict: { theirs: outcome.theirs, theirAuthor: outcome.theirAuthor ?? request.t("audit.system") } }, 409);
  };

  app.get("/editor/sections/:id/:lang", editor, (request, reply) => show(request, reply, {}));

  app.post("/editor/sections/:id/:lang", editor, async (request, reply) => {
    const { id, lang } = paramsOf(request);
    const body = formBody(request.body);
    const parsed = SectionSaveInput.safeParse(body);
    if (!parsed.success) return show(request, reply, { values: body, error: appError("VALIDATION_FAILED", fieldErrors(parsed.error)) }, 400);
    const input = parsed.data;
    if (input.intent === "preview") return show(request, reply, { values: body });
    try {
      const saved = await saveSection(db, actorOf(request), { sectionId: id, language: lang, ...input });
      if (saved.created) setFlash(reply, "editor.saved", { id: String(saved.revision.id) });
      else setFlash(reply, "editor.unchanged");
      return reply.redirect(`/editor/sections/${id}/${lang}`, 303);
    } catch (e) {
      if (e instanceof StaleRevisionError && e.current) {
        // Nobody's words are lost: merged with theirs, to check (clean) or to settle passage by passage.
        const yours = { heading: input.heading, body: input.body, summary: input.summary };
        return answerConflict(request, reply, await mergeStaleSave(db, request.lang, { sectionId: id, language: lang, baseRevisionId: input.baseRevisionId, theirs: e.current, yours }));
      }
      if (isAppError(e) && e.status === 400) return show(request, reply, { values: body, error: e }, 400);
      throw e;
    }
  });

  // The writer's choices on the conflict page: the server merges again and saves on their revision.
  app.post("/editor/sections/:id/:lang/resolve", editor, async (request, reply) => {
    const { id, lang } = paramsOf(request);
    const parsed = ConflictResolveInput.safeParse(formBody(request.body));
    if (!parsed.success) throw appError("VALIDATION_FAILED", fieldErrors(parsed.error));
    const outcome = await resolveConflict(db, actorOf(request), request.lang, { sectionId: id, language: lang, ...parsed.data });
    if (outcome.kind !== "saved") return answerConflict(request, reply, outcome);
    if (outcome.created) setFlash(reply, "editor.saved", { id: String(outcome.revision.id) });
    else setFlash(reply, "editor.unchanged");
    return reply.redirect(`/editor/sections/${id}/${lang}`, 303);
  });

  // The live preview of the editor's island: the same pipeline, as an HTML fragment.
  app.post("/editor/preview", editor, async (request, reply) => {
    const input = PreviewInput.safeParse(request.body);
    if (!input.success) throw appError("VALIDATION_FAILED", fieldErrors(input.error));
    const { html } = await render(db, app.topicCache, input.data.body, request.lang, input.data.idPrefix);
    return reply.type("text/html; charset=utf-8").header("cache-control", "no-store").send(html);
  });

  app.get("/editor/sections/:id/:lang/history", editor, async (request, reply) => {
    const { id, lang } = paramsOf(request);
    const { section } = await editableSection(db, id, lang);
    const rows = await repo.listRevisions(db, id, lang);
    const heading = rows[0]?.revision.heading ?? section.slug;
    return sendPage(reply, h(HistoryPage, { ctx: pageContext(request, reply), section, lang, rows, heading }));
  });

  app.get("/editor/sections/:id/:lang/diff", editor, async (request, reply) => {
    const { id, lang } = paramsOf(request);
    const query = DiffQuery.safeParse(request.query);
    if (!query.success) throw appError("VALIDATION_FAILED", fieldErrors(query.error));
    const { section } = await editableSection(db, id, lang);
    const [from, to] = await Promise.all([repo.getRevision(db, query.data.from), repo.getRevision(db, query.data.to)]);
    const belongs = (r: repo.RevisionRow | undefined): r is repo.RevisionRow => r?.sectionId === id && r.language === lang;
    if (!belongs(from) || !belongs(to)) throw appError("NOT_FOUND");
    return sendPage(
      reply,
      h(DiffPage, { ctx: pageContext(request, reply), section, lang, from, to, heading: wordDiff(from.heading, to.heading), body: wordDiff(from.body, to.body), view: query.data.view }),
    );
  });
}
