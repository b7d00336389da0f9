import type { buildOpenApi } from "#src/features/api/openapi.ts";
import { isMessageKey } from "#src/i18n/i18n.ts";
import { Layout } from "#src/web/layout.tsx";
import type { PageContext } from "#src/web/render.ts";

type Doc = ReturnType<typeof buildOpenApi>;
type Operation = { operationId: string; summary: string; description?: string; tags: string[]; security?: Record<string, string[]>[]; parameters: { name: string; in: string; required: boolean; description?: string; schema: Record<string, unknown> }[]; requestBody?: unknown; responses: Record<string, { description: string }> };

const typeOf = (schema: Record<string, unknown>): string => {
  if (Array.isArray(schema.enum)) return (schema.enum as unknown[]).join(" | ");
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as Record<string, unknown>[]).map(typeOf).join(" | ");
  return String(schema.type ?? "any") + (schema.default !== undefined ? ` = ${JSON.stringify(schema.default)}` : "");
};

/** The scope an operation needs, and the scopes that include it (each security requirement is an alternative). */
const scopeTag = (t: PageContext["t"], lang: PageContext["lang"], security: Record<string, string[]>[]) => {
  const [scope = "read", ...others] = security.map((requirement) => requirement.token?.[0]).filter((s): s is string => Boolean(s));
  return others.length ? t("apiDocs.scopeIncluded", { scope, others: new Intl.ListFormat(lang, { type: "disjunction" }).format(others) }) : t("apiDocs.scope", { scope });
};

/** A group of operations by its name in the page's language; a group with no name of its own keeps the document's, marked English. */
const TagName = ({ t, tag }: { t: PageContext["t"]; tag: string }) => {
  const key = `reading.apiTag.${tag}`;
  return isMessageKey(key) ? <>{t(key)}</> : <span lang="en">{tag}</span>;
};

/**
 * The API's reference, rendered on the server from openapi.json (no script, nothing fetched from
 * elsewhere). The page's own words are in the reader's language; what the document says of each
 * operation is its English, marked as such.
 */
export function ApiDocsPage({ ctx, document }: { ctx: PageContext; document: Doc }) {
  const { t } = ctx;
  const operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op: op as Operation })));
  const tags = [...new Set(operations.map((o) => o.op.tags[0]!))];
  return (
    <Layout ctx={ctx} title={t("apiDocs.title")}>
      <h1>
        {t("apiDocs.title")} <span class="muted">{document.info.version}</span>
      </h1>
      <p class="lead" lang="en">
        {document.info.title}: {document.info.description}
      </p>
      <p>{t("reading.apiInEnglish")}</p>
      <p>
        {t("reading.apiDocument")}: <a href="/api/v1/openapi.json">openapi.json</a> (OpenAPI {document.openapi}) · {t("apiDocs.tokens")} <a href="/account#tokens-h">{t("nav.account")}</a>
      </p>
      <pre class="code">{`curl -H "Authorization: Bearer lr_…" ${"$"}SITE/api/v1/me\ncurl "${"$"}SITE/api/v1/search?q=ledger&lang=fr"`}</pre>
      {tags.map((tag) => (
        <section aria-labelledby={`tag-${tag}`}>
          <h2 id={`tag-${tag}`}>
            <TagName t={t} tag={tag} />
          </h2>
          {operations
            .filter((o) => o.op.tags[0] === tag)
            .map(({ path, method, op }) => (
              <article class="panel" id={op.operationId} aria-labelledby={`op-${op.operationId}`}>
                <h3 id={`op-${op.operationId}`}>
                  <code>
                    {method.toUpperCase()} {path}
                  </code>
                </h3>
                <p>
                  <span lang="en">{op.summary}</span>
                  {op.security && " "}
                  {op.security && <span class="tag">{scopeTag(t, ctx.lang, op.security)}</span>}
                </p>
                {op.description && (
                  <p class="small" lang="en">
                    {op.description}
                  </p>
                )}
                {op.parameters.length > 0 && (
                  // A narrow screen scrolls the table sideways: the keyboard can too.
                  <div class="table-wrap" role="region" tabindex={0} aria-labelledby={`op-${op.operationId}`}>
                    <table class="data">
                      <thead>
                        <tr>
                          <th scope="col">{t("apiDocs.parameter")}</th>
                          <th scope="col">{t("apiDocs.in")}</th>
                          <th scope="col">{t("apiDocs.type")}</th>
                          <th scope="col">{t("apiDocs.description")}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {op.parameters.map((p) => (
                          <tr>
                            <td>
                              <code>{p.name}</code>
                              {p.required ? " *" : ""}
                            </td>
                            <td>{p.in}</td>
                            <td>{typeOf(p.schema)}</td>
                            <td lang="en">{p.description ?? ""}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
                <p class="small muted">
                  {t("apiDocs.responses")}: <span lang="en">{Object.entries(op.responses).map(([status, r]) => `${status} ${r.description}`).join(" · ")}</span>
                </p>
              </article>
            ))}
        </section>
      ))}
    </Layout>
  );
}
