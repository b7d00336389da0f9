import { renderHtml } from "#src/content/html.ts";
import { parseMarkdown } from "#src/content/parse.ts";
import { period, TEXT_FIELDS, type CaseStudyFields, type CaseStudyState } from "#src/domain/case-studies.ts";
import type { CaseStudyListRow, FileInfo } from "#src/features/case-studies/repository.ts";
import type { TechnologyRow } from "#src/features/catalog/repository.ts";
import type { Language } from "#src/domain/languages.ts";
import type { Translate } from "#src/i18n/i18n.ts";
import { LANGUAGE_NAMES } from "#src/i18n/i18n.ts";
import { DateTime } from "#src/web/components.tsx";
import type { PageContext } from "#src/web/render.ts";

const STATE_TAG: Record<CaseStudyState, string> = {
  draft: "tag-draft",
  submitted: "tag-draft",
  in_review: "tag-draft",
  changes_requested: "tag-outOfDate",
  accepted: "tag-ready",
  published: "tag-ok",
  retired: "tag-muted",
};

export function StateTag({ t, state }: { t: Translate; state: CaseStudyState }) {
  return <span class={`tag ${STATE_TAG[state]}`}>{t(`cs.state.${state}`)}</span>;
}

export const techName = (tech: Pick<TechnologyRow, "names" | "slug">, lang: Language) => tech.names[lang] ?? tech.names.en ?? tech.slug;


/** A file size in words a person reads (kB, MB). */
export function fileSize(bytes: number, lang: Language): string {
  const fmt = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  return bytes < 1024 * 1024 ? `${fmt.format(Math.max(1, bytes / 1024))} kB` : `${fmt.format(bytes / 1024 / 1024)} MB`;
}

/** The facts of a case study as a definition list. */
export function CaseStudyFacts(props: { ctx: PageContext; fields: CaseStudyFields; technologies: TechnologyRow[]; organization: string; region?: string | undefined }) {
  const { t, lang } = props.ctx;
  const f = props.fields;
  return (
    <dl class="details">
      <dt>{t("cs.organization")}</dt>
      <dd>
        {props.organization}
        {props.region ? ` · ${props.region}` : ""}
      </dd>
      <dt>{t("cs.technologies")}</dt>
      <dd>{props.technologies.map((tech) => techName(tech, lang)).join(", ") || "—"}</dd>
      <dt>{t("cs.stage")}</dt>
      <dd>{f.stage ? t(`cs.stage.${f.stage}`) : "—"}</dd>
      {period(f) && (
        <>
          <dt>{t("cs.period")}</dt>
          <dd>{period(f)}</dd>
        </>
      )}
      {f.partners && (
        <>
          <dt>{t("cs.partners")}</dt>
          <dd>{f.partners}</dd>
        </>
      )}
      <dt>{t("cs.language")}</dt>
      <dd>{LANGUAGE_NAMES[f.language]}</dd>
    </dl>
  );
}

/** The text fields, rendered from Markdown (sanitized), each under its heading. */
export function CaseStudyText({ ctx, fields, idPrefix, headingLevel = 2 }: { ctx: PageContext; fields: CaseStudyFields; idPrefix: string; headingLevel?: 2 | 3 }) {
  const { t } = ctx;
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    // The headings are the page's words; the texts, the case study's.
    <div class="prose">
      {TEXT_FIELDS.filter((name) => fields[name].trim()).map((name) => (
        <section>
          <H>{t(`cs.field.${name}`)}</H>
          <div lang={fields.language === ctx.lang ? undefined : fields.language} dangerouslySetInnerHTML={{ __html: renderHtml(parseMarkdown(fields[name], fields.language), { t, idPrefix: `${idPrefix}-${name}`, chromeLang: fields.language === ctx.lang ? undefined : ctx.lang }).html }} />
        </section>
      ))}
      {fields.links.length > 0 && (
        <section>
          <H>{t("cs.links")}</H>
          <ul>
            {fields.links.map((href) => (
              <li>
                <a href={href} rel="noopener noreferrer">
                  {href}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

/** Attachments with their size and type; `href` gives each file's address. */
export function FileList({ ctx, files, href }: { ctx: PageContext; files: FileInfo[]; href: (f: FileInfo) => string }) {
  const { t, lang } = ctx;
  if (!files.length) return <p class="muted">{t("cs.noFiles")}</p>;
  return (
    <ul class="plain-list">
      {files.map((f) => (
        <li>
          <a href={href(f)}>{f.filename}</a> <span class="muted small">({f.kind === "original" ? `${t("cs.original")}, ` : ""}{fileSize(f.size, lang)})</span>
        </li>
      ))}
    </ul>
  );
}

/** The case studies of a list, with their state and last change. */
export function CaseStudyTable({ ctx, rows, showOrganization = false }: { ctx: PageContext; rows: CaseStudyListRow[]; showOrganization?: boolean }) {
  const { t, lang } = ctx;
  if (!rows.length) return <p class="empty">{t("cs.none")}</p>;
  return (
    <div class="table-wrap">
      <table class="data">
        <thead>
          <tr>
            <th scope="col">{t("cs.title")}</th>
            {showOrganization && <th scope="col">{t("cs.organization")}</th>}
            <th scope="col">{t("cs.stateLabel")}</th>
            <th scope="col">{t("cs.submitted")}</th>
            <th scope="col">{t("cs.updated")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <td>
                <a href={`/member/case-studies/${r.id}`}>{r.title}</a>
              </td>
              {showOrganization && <td>{r.organization}</td>}
              <td>
                <StateTag t={t} state={r.state} />
              </td>
              <td>
                <DateTime value={r.submittedAt} lang={lang} />
              </td>
              <td>
                <DateTime value={r.updatedAt} lang={lang} withTime />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
