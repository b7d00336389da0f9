import { TECHNOLOGY_LINK_KINDS } from "#src/domain/reports.ts";
import { localized } from "#src/domain/languages.ts";
import type { TechnologyRow } from "#src/features/catalog/repository.ts";
import type { AppError } from "#src/lib/errors.ts";
import { ErrorSummary, Form, SelectField, TextAreaField, TextField, type FormValues } from "#src/web/components.tsx";
import { Layout } from "#src/web/layout.tsx";
import type { PageContext } from "#src/web/render.ts";

type Link = { fromId: string; toId: string; kind: (typeof TECHNOLOGY_LINK_KINDS)[number] };

const formValues = (tech: TechnologyRow): FormValues => ({
  slug: tech.slug,
  nameEn: tech.names.en,
  nameFr: tech.names.fr ?? "",
  nameEs: tech.names.es ?? "",
  descriptionEn: tech.descriptions.en ?? "",
  aliasesEn: (tech.aliases.en ?? []).join("\n"),
  aliasesFr: (tech.aliases.fr ?? []).join("\n"),
  aliasesEs: (tech.aliases.es ?? []).join("\n"),
});

function TechnologyFields({ ctx, values, error }: { ctx: PageContext; values: FormValues | undefined; error: AppError | undefined }) {
  const { t } = ctx;
  const f = error?.fields;
  return (
    <>
      <TextField t={t} name="nameEn" label={t("tech.name", { lang: "English" })} values={values} errors={f} required />
      <TextField t={t} name="nameFr" label={t("tech.name", { lang: "Français" })} values={values} errors={f} optional />
      <TextField t={t} name="nameEs" label={t("tech.name", { lang: "Español" })} values={values} errors={f} optional />
      <TextField t={t} name="slug" label={t("tech.slug")} hint={t("reports.hint.slug")} values={values} errors={f} required size="medium" />
      <TextField t={t} name="descriptionEn" label={t("tech.description")} values={values} errors={f} optional />
      <TextAreaField t={t} name="aliasesEn" label={t("search.aliases", { lang: "English" })} hint={t("search.aliasesHint")} values={values} errors={f} optional rows={3} />
      <TextAreaField t={t} name="aliasesFr" label={t("search.aliases", { lang: "Français" })} values={values} errors={f} optional rows={3} />
      <TextAreaField t={t} name="aliasesEs" label={t("search.aliases", { lang: "Español" })} values={values} errors={f} optional rows={3} />
    </>
  );
}

const labels = (ctx: PageContext) => ({
  slug: ctx.t("tech.slug"),
  nameEn: ctx.t("tech.name", { lang: "English" }),
  aliasesEn: ctx.t("search.aliases", { lang: "English" }),
  aliasesFr: ctx.t("search.aliases", { lang: "Français" }),
  aliasesEs: ctx.t("search.aliases", { lang: "Español" }),
});

/** The technologies (topics) chapters can cover, with a form for a new one. */
export function TechnologiesPage({ ctx, technologies, values, error }: { ctx: PageContext; technologies: TechnologyRow[]; values?: FormValues; error?: AppError }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t("tech.title")} section="editor">
      <p class="breadcrumb">
        <a href="/editor">{t("nav.editor")}</a>
      </p>
      <h1>{t("tech.title")}</h1>
      {technologies.length === 0 ? (
        <p class="empty">{t("tech.none")}</p>
      ) : (
        <ul class="plain-list">
          {technologies.map((x) => (
            <li>
              <a href={`/editor/technologies/${x.id}`}>{localized(x.names, lang, "en")}</a> <span class="muted">({x.slug})</span>
            </li>
          ))}
        </ul>
      )}
      <section class="panel" aria-labelledby="new-tech">
        <h2 id="new-tech">{t("tech.new")}</h2>
        <ErrorSummary t={t} errors={error?.fields} code={error?.code} labels={labels(ctx)} />
        <Form ctx={ctx} action="/editor/technologies" class="stack form-wide">
          <TechnologyFields ctx={ctx} values={values} error={error} />
          <div class="actions">
            <button class="button">{t("common.create")}</button>
          </div>
        </Form>
      </section>
    </Layout>
  );
}

/** One technology: names, description, and its relations to others. */
export function TechnologyPage(props: { ctx: PageContext; tech: TechnologyRow; all: TechnologyRow[]; links: Link[]; values?: FormValues; error?: AppError }) {
  const { ctx, tech, all, links, values, error } = props;
  const { t, lang } = ctx;
  const name = (id: string) => localized(all.find((x) => x.id === id)?.names ?? { en: id }, lang, "en");
  const mine = links.filter((l) => l.fromId === tech.id);
  const others = all.filter((x) => x.id !== tech.id);
  return (
    <Layout ctx={ctx} title={name(tech.id)} section="editor">
      <p class="breadcrumb">
        <a href="/editor/technologies">{t("tech.title")}</a>
      </p>
      <h1>{name(tech.id)}</h1>
      <ErrorSummary t={t} errors={error?.fields} code={error?.code} labels={labels(ctx)} />
      <Form ctx={ctx} action={`/editor/technologies/${tech.id}`} class="stack form-wide">
        <TechnologyFields ctx={ctx} values={values ?? formValues(tech)} error={error} />
        <div class="actions">
          <button class="button">{t("common.save")}</button>
        </div>
      </Form>
      <section aria-labelledby="links-h">
        <h2 id="links-h">{t("tech.links")}</h2>
        {mine.length === 0 ? (
          <p class="empty">{t("tech.noLinks")}</p>
        ) : (
          <ul class="plain-list">
            {mine.map((l) => (
              <li>
                {name(tech.id)} {t(`linkKind.${l.kind}`)} <a href={`/editor/technologies/${l.toId}`}>{name(l.toId)}</a>{" "}
                <Form ctx={ctx} action={`/editor/technologies/${tech.id}/links/remove`} class="inline-form">
                  <input type="hidden" name="toId" value={l.toId} />
                  <input type="hidden" name="kind" value={l.kind} />
                  <button class="link-button link-danger">{t("outline.remove")}</button>
                </Form>
              </li>
            ))}
          </ul>
        )}
        {others.length > 0 && (
          <Form ctx={ctx} action={`/editor/technologies/${tech.id}/links`} class="row">
            <SelectField t={t} name="kind" label={t("tech.linkKind")} options={TECHNOLOGY_LINK_KINDS.map((k) => [k, t(`linkKind.${k}`)])} />
            <SelectField t={t} name="toId" label={t("tech.target")} options={others.map((x) => [x.id, localized(x.names, lang, "en")])} />
            <div class="actions">
              <button class="button button-secondary">{t("tech.addLink")}</button>
            </div>
          </Form>
        )}
      </section>
    </Layout>
  );
}
