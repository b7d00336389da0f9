import type { ComponentChildren } from "preact";
import { LANGUAGES, reportTitle, type Language } from "#src/domain/languages.ts";
import { landingFor, roleAtLeast, SECRETARIAT_WORK } from "#src/domain/members.ts";
import { assetUrl } from "#src/web/assets.ts";
import { LANGUAGE_NAMES } from "#src/i18n/i18n.ts";
import type { PageContext } from "#src/web/render.ts";

type LayoutProps = {
  ctx: PageContext;
  title: string;
  children: ComponentChildren;
  /** Which top-level section is current, for aria-current in the navigation. */
  section?: "home" | "draft" | "editor" | "admin" | "account" | "signIn" | "reports" | "library" | "member" | "search" | "notifications";
  /** Where each language's version of this page is (published pages); otherwise the preference switch. */
  languageLinks?: Partial<Record<Language, string>>;
  /** Extra elements for the head (canonical link, feed link). */
  head?: ComponentChildren;
};

/**
 * A menu of the header: a disclosure (<details>) whose summary names it and whose panel lists
 * links. It opens and closes with the keyboard without any script; menu.js adds Escape (which
 * closes it and returns focus to the summary), closing on a click elsewhere, and one open at a time.
 */
function Menu(props: { label: string; current: boolean; class?: string; children: ComponentChildren }) {
  return (
    <details class={`nav-menu ${props.class ?? ""}`.trim()} data-menu>
      <summary class={props.current ? "nav-menu-current" : undefined}>{props.label}</summary>
      <div class="nav-menu-panel">{props.children}</div>
    </details>
  );
}

/** The secretariat's many destinations: across reports, each report's pages, and administration for administrators. */
function SecretariatMenu({ ctx, current }: { ctx: PageContext; current: boolean }) {
  const { t, user, lang } = ctx;
  const path = ctx.path.split(/[?#]/)[0];
  const groups: { title: string; links: [href: string, label: string][] }[] = [
    {
      title: t("menu.work"),
      links: [
        [SECRETARIAT_WORK, t("nav.member")],
        ["/editor", t("menu.allReports")],
        ["/draft", t("nav.draft")],
        ["/editor/case-studies", t("cs.queue")],
        ["/editor/surveys", t("survey.title")],
        ["/editor/technologies", t("tech.title")],
      ],
    },
    ...(ctx.navReports ?? []).map((report) => {
      const base = `/editor/reports/${report.slug}`;
      return {
        title: reportTitle(report, lang),
        links: [
          [base, t("outline.title")],
          [`${base}/status`, t("status.title")],
          [`${base}/editions`, t("edition.manage")],
          [`${base}/events`, t("event.title")],
          [`${base}/recommendations`, t("rec.title")],
          [`${base}/reviews`, t("review.title")],
          [`${base}/traceability`, t("trace.title")],
          [`${base}/annex`, t("annex.manage")],
        ] as [string, string][],
      };
    }),
    ...(user && roleAtLeast(user.role, "admin")
      ? [
          {
            title: t("nav.admin"),
            links: [
              ["/admin", t("menu.overview")],
              ["/admin/organizations", t("admin.organizations")],
              ["/admin/users", t("admin.users")],
              ["/admin/audit", t("admin.audit")],
            ] as [string, string][],
          },
        ]
      : []),
  ];
  return (
    <Menu label={t("menu.secretariat")} current={current} class="nav-secretariat">
      <div class="nav-menu-groups">
        {groups.map((group, i) => (
          <div class="nav-menu-group">
            <p class="nav-menu-heading" id={`menu-group-${i}`}>
              {group.title}
            </p>
            <ul aria-labelledby={`menu-group-${i}`}>
              {group.links.map(([href, label]) => (
                <li>
                  <a href={href} aria-current={href === path ? "page" : undefined}>
                    {label}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </Menu>
  );
}

/**
 * Everything of the header but the brand: the main navigation, the search box and the languages.
 * On a wide screen it is all in one row (the disclosure's summary is hidden and its content always
 * shown, see app.css); on a phone it folds behind "Menu", a <details> that opens without script.
 */
function SiteMenu({ ctx, children }: { ctx: PageContext; children: ComponentChildren }) {
  return (
    <details class="site-menu" data-site-menu>
      <summary>
        <span class="site-menu-bars" aria-hidden="true" />
        {ctx.t("shell.menu")}
      </summary>
      <div class="site-menu-panel">{children}</div>
    </details>
  );
}

/** The search box of every page: a plain GET form to /search, holding the query while on /search. */
function HeaderSearch({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  const [path = "", query = ""] = ctx.path.split("#")[0]!.split("?");
  const q = path === "/search" ? (new URLSearchParams(query).get("q") ?? "") : "";
  return (
    <form role="search" method="get" action="/search" class="header-search" aria-label={t("shell.searchLabel")}>
      <label for="header-q" class="visually-hidden">
        {t("shell.searchLabel")}
      </label>
      <input id="header-q" type="search" name="q" value={q} placeholder={t("shell.searchPlaceholder")} />
      <button type="submit">
        <svg aria-hidden="true" focusable="false" viewBox="0 0 20 20" width="18" height="18">
          <circle cx="8.5" cy="8.5" r="5.75" fill="none" stroke="currentColor" stroke-width="2.2" />
          <path d="M12.8 12.8 18 18" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" />
        </svg>
        <span class="visually-hidden">{t("shell.searchButton")}</span>
      </button>
    </form>
  );
}

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
        {/* The two faces every page shows above the fold (the brand and headings, the text around them); app.css asks for the same URLs. */}
        <link rel="preload" href={assetUrl("source-serif-4-600.woff2")} as="font" type="font/woff2" crossorigin="anonymous" />
        <link rel="preload" href={assetUrl("source-sans-3-400.woff2")} as="font" type="font/woff2" crossorigin="anonymous" />
        <link rel="icon" href={assetUrl("favicon.svg")} type="image/svg+xml" />
        <script src={assetUrl("menu.js")} defer />
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
            <SiteMenu ctx={ctx}>
              <nav aria-label={t("nav.main")} class="main-nav">
                <ul>
                  {!user && (
                    <li>
                      <a href="/" aria-current={current("home")}>
                        {t("nav.home")}
                      </a>
                    </li>
                  )}
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
                  {user && (
                    <li>
                      <a href={landingFor(user)} aria-current={current("member")}>
                        {t("nav.member")}
                      </a>
                    </li>
                  )}
                  {user && (
                    <li>
                      <a href="/notifications" class="nav-notifications" title={t("notifications.title")} aria-current={current("notifications")}>
                        {/* A bell on a wide header (the row must hold every language's labels), the word in the phone menu. */}
                        <svg class="nav-bell" aria-hidden="true" viewBox="0 0 24 24" width="18" height="18" focusable="false">
                          <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
                        </svg>
                        <span class="nav-notifications-label">{t("notifications.title")}</span>
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
                  {user && !roleAtLeast(user.role, "editor") && (
                    <li>
                      <a href="/draft" aria-current={current("draft")}>
                        {t("nav.draft")}
                      </a>
                    </li>
                  )}
                  {user && roleAtLeast(user.role, "editor") && (
                    <li>
                      <SecretariatMenu ctx={ctx} current={section === "editor" || section === "admin" || section === "draft"} />
                    </li>
                  )}
                  <li>
                    {user ? (
                      <Menu label={t("menu.account")} current={section === "account"} class="nav-account">
                        <p class="nav-menu-who">{t("nav.signedInAs", { name: user.name })}</p>
                        <ul>
                          <li>
                            <a href="/account" aria-current={current("account")}>
                              {t("nav.account")}
                            </a>
                          </li>
                          <li>
                            <form method="post" action="/sign-out" class="inline-form">
                              <input type="hidden" name="_csrf" value={ctx.csrf} />
                              <button type="submit" class="link-button">
                                {t("nav.signOut")}
                              </button>
                            </form>
                          </li>
                        </ul>
                      </Menu>
                    ) : (
                      <a href={`/sign-in?next=${encodeURIComponent(ctx.path)}`} aria-current={current("signIn")}>
                        {t("nav.signIn")}
                      </a>
                    )}
                  </li>
                </ul>
              </nav>
              <HeaderSearch ctx={ctx} />
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
            </SiteMenu>
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
