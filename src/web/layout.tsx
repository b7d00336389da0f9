import type { ComponentChildren } from "preact";
import { LANGUAGES, type Language } from "#src/domain/languages.ts";
import { roleAtLeast } from "#src/domain/members.ts";
import { assetUrl } from "#src/web/assets.ts";
import { LANGUAGE_NAMES } from "#src/i18n/i18n.ts";
import type { PageContext } from "#src/web/render.ts";

type LayoutProps = {
  ctx: PageContext;
  title: string;
  children: ComponentChildren;
  /** Which top-level section is current, for aria-current in the navigation. */
  section?: "home" | "draft" | "editor" | "admin" | "account" | "signIn" | "reports" | "library" | "member" | "search";
  /** Where each language's version of this page is (published pages); otherwise the preference switch. */
  languageLinks?: Partial<Record<Language, string>>;
  /** Extra elements for the head (canonical link, feed link). */
  head?: ComponentChildren;
};

/** The page shell: skip link, header with navigation and language switcher, main, footer. */
export function Layout({ ctx, title, children, section, languageLinks, head }: LayoutProps) {
  const { t, user } = ctx;
  const current = (s: LayoutProps["section"]) => (s === section ? "page" : undefined);
  return (
    <html lang={ctx.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${t("app.name")}`}</title>
        <link rel="stylesheet" href={assetUrl("app.css")} />
        <link rel="icon" href={assetUrl("favicon.svg")} type="image/svg+xml" />
        {head}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t("nav.skip")}
        </a>
        <header class="site-header">
          <div class="wrap header-row">
            <a class="brand" href="/">
              <span class="brand-mark" aria-hidden="true" />
              {t("app.name")}
            </a>
            <nav aria-label={t("nav.main")} class="main-nav">
              <ul>
                <li>
                  <a href="/" aria-current={current("home")}>
                    {t("nav.home")}
                  </a>
                </li>
                <li>
                  <a href="/reports" aria-current={current("reports")}>
                    {t("nav.reports")}
                  </a>
                </li>
                <li>
                  <a href="/case-studies" aria-current={current("library")}>
                    {t("nav.caseStudies")}
                  </a>
                </li>
                <li>
                  <a href="/search" aria-current={current("search")}>
                    {t("nav.search")}
                  </a>
                </li>
                {user && (
                  <li>
                    <a href="/member" aria-current={current("member")}>
                      {t("nav.member")}
                      {user.unread > 0 && (
                        <span class="count-badge">
                          {" "}
                          {user.unread}
                          <span class="visually-hidden"> {t("nav.unread", { count: user.unread })}</span>
                        </span>
                      )}
                    </a>
                  </li>
                )}
                {user && (
                  <li>
                    <a href="/draft" aria-current={current("draft")}>
                      {t("nav.draft")}
                    </a>
                  </li>
                )}
                {user && roleAtLeast(user.role, "editor") && (
                  <li>
                    <a href="/editor" aria-current={current("editor")}>
                      {t("nav.editor")}
                    </a>
                  </li>
                )}
                {user && roleAtLeast(user.role, "admin") && (
                  <li>
                    <a href="/admin" aria-current={current("admin")}>
                      {t("nav.admin")}
                    </a>
                  </li>
                )}
                {user && (
                  <li>
                    <a href="/account" aria-current={current("account")} title={t("nav.signedInAs", { name: user.name })}>
                      {t("nav.account")}
                    </a>
                  </li>
                )}
                <li>
                  {user ? (
                    <form method="post" action="/sign-out" class="inline-form">
                      <input type="hidden" name="_csrf" value={ctx.csrf} />
                      <button type="submit" class="link-button">
                        {t("nav.signOut")}
                      </button>
                    </form>
                  ) : (
                    <a href={`/sign-in?next=${encodeURIComponent(ctx.path)}`} aria-current={current("signIn")}>
                      {t("nav.signIn")}
                    </a>
                  )}
                </li>
              </ul>
            </nav>
            <nav aria-label={t("nav.language")} class="lang-nav">
              <ul>
                {LANGUAGES.filter((lang) => !languageLinks || languageLinks[lang]).map((lang) => (
                  <li>
                    <a
                      href={languageLinks?.[lang] ?? `/language/${lang}?next=${encodeURIComponent(ctx.path)}`}
                      lang={lang}
                      hreflang={lang}
                      aria-current={lang === ctx.lang ? "true" : undefined}
                    >
                      {LANGUAGE_NAMES[lang]}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" tabindex={-1} class="wrap">
          {ctx.flash && (
            <p class="notice notice-success" role="status">
              {t(ctx.flash.key, ctx.flash.params)}
            </p>
          )}
          {children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>{t("footer.text")}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
