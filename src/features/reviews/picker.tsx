import { localized, type Language } from "#src/domain/languages.ts";
import { ORGANIZATION_KINDS, type OrganizationKind } from "#src/domain/members.ts";
import { countryName } from "#src/i18n/countries.ts";
import type { Translate } from "#src/i18n/i18n.ts";
import type { FieldErrors } from "#src/lib/errors.ts";
import { isMessageKey } from "#src/i18n/i18n.ts";

// Whom a review round invites. The organizations are listed by region, each region with a button
// that selects all of it (a plain submit: the form comes back with that region ticked), so the
// picker works without JavaScript. invite.js adds filters by region and kind, a search on name,
// short name, country and code, a live count, "select all shown" / "clear shown" and the list of
// those selected. Either way the form posts the same list of organization ids.

export type Invitable = { id: string; name: string; shortName: string | null; kind: OrganizationKind; country: string | null; regionCode: string | null };
export type RegionRow = { code: string; names: Partial<Record<Language, string>> };

/** The value of the "no region" group's button. */
export const NO_REGION = "none";

/** Lower case without accents: what the search compares ("donnees" finds "Données"). */
export const folded = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

export type Group = { code: string; name: string; organizations: Invitable[] };

export function regionGroups(regions: RegionRow[], organizations: Invitable[], t: Translate, lang: Language): Group[] {
  const known = new Set(regions.map((r) => r.code));
  const groups: Group[] = regions.map((r) => ({ code: r.code, name: localized(r.names, lang, "en"), organizations: organizations.filter((o) => o.regionCode === r.code) }));
  groups.push({ code: NO_REGION, name: t("review.invite.noRegion"), organizations: organizations.filter((o) => !o.regionCode || !known.has(o.regionCode)) });
  return groups.filter((g) => g.organizations.length > 0);
}

/** The ids of one region group's organizations, added to those already ticked (the region button without JavaScript). */
export function withRegion(checked: string[], region: Group): string[] {
  return [...new Set([...checked, ...region.organizations.map((o) => o.id)])];
}

export function InvitePicker(props: { t: Translate; lang: Language; regions: RegionRow[]; organizations: Invitable[]; checked: string[]; errors?: FieldErrors | undefined; added?: { region: string; count: number } | undefined }) {
  const { t, lang, organizations, checked } = props;
  const groups = regionGroups(props.regions, organizations, t, lang);
  const error = props.errors?.organizationIds;
  const describedBy = ["invite-hint", error ? "e-organizationIds" : ""].filter(Boolean).join(" ");
  const chosen = organizations.filter((o) => checked.includes(o.id));
  const kinds = ORGANIZATION_KINDS.filter((k) => organizations.some((o) => o.kind === k));
  return (
    <fieldset class={error ? "field field-error invite-picker" : "field invite-picker"} id="f-organizationIds" aria-describedby={describedBy} data-invite-picker>
      <legend>{t("review.invited")}</legend>
      <p class="hint" id="invite-hint" data-js-hint={t("review.invite.hintJs")}>
        {t("review.invite.hint")}
      </p>
      {error && (
        <p class="error-message" id="e-organizationIds">
          {isMessageKey(error) ? t(error) : t("field.invalid")}
        </p>
      )}
      {props.added && (
        <p class="notice notice-success" role="status">
          {t("review.invite.regionAdded", { count: props.added.count, region: props.added.region })}
        </p>
      )}
      <div class="invite-tools" hidden data-invite-tools>
        <div class="invite-filters">
          <div class="field">
            <label for="invite-region">{t("review.invite.region")}</label>
            <select id="invite-region" class="input" data-filter="region">
              <option value="">{t("review.invite.allRegions")}</option>
              {groups.map((g) => (
                <option value={g.code}>{g.name}</option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="invite-kind">{t("review.invite.kind")}</label>
            <select id="invite-kind" class="input" data-filter="kind">
              <option value="">{t("review.invite.allKinds")}</option>
              {kinds.map((k) => (
                <option value={k}>{t(`org.kind.${k}`)}</option>
              ))}
            </select>
          </div>
          <div class="field field-grow">
            <label for="invite-q">{t("review.invite.search")}</label>
            <input id="invite-q" type="search" class="input" autocomplete="off" aria-describedby="invite-q-hint" data-filter="q" />
            <p class="hint" id="invite-q-hint">
              {t("review.invite.searchHint")}
            </p>
          </div>
        </div>
        <div class="invite-bar">
          <p class="invite-count" role="status">
            {t("review.invite.shown")} <strong data-shown>{organizations.length}</strong> · {t("review.invite.selected")} <strong data-selected>{chosen.length}</strong>
          </p>
          <button type="button" class="button button-small button-secondary" data-select-shown>
            {t("review.invite.selectShown")}
          </button>
          <button type="button" class="button button-small button-secondary" data-clear-shown>
            {t("review.invite.clearShown")}
          </button>
        </div>
        <p class="invite-none" data-no-match hidden>
          {t("review.invite.noMatch")}
        </p>
        <h3 class="invite-chosen-title" id="invite-chosen-title">
          {t("review.invite.chosen")}
        </h3>
        <p class="hint" data-none-chosen hidden={chosen.length > 0}>
          {t("review.invite.noneChosen")}
        </p>
        <ul class="invite-chosen" aria-labelledby="invite-chosen-title" data-chosen data-remove-label={t("review.invite.remove", { name: "{name}" })}>
          {chosen.map((o) => (
            <li>
              <span>{o.name}</span>{" "}
              <button type="button" class="chip-remove" data-remove={o.id} aria-label={t("review.invite.remove", { name: o.name })}>
                ×
              </button>
            </li>
          ))}
        </ul>
      </div>
      <div class="invite-regions">
        {groups.map((g) => (
          <fieldset class="invite-region" data-region={g.code}>
            <legend>
              {g.name} <span class="muted">({g.organizations.length})</span>
            </legend>
            <button type="submit" name="selectRegion" value={g.code} formnovalidate class="button button-small button-secondary" data-region-button>
              {t("review.invite.inviteRegion", { region: g.name })}
            </button>
            <ul class="invite-list">
              {g.organizations.map((o) => {
                const country = o.country ? countryName(o.country, lang) : "";
                const search = folded([o.name, o.shortName ?? "", o.country ?? "", country].join(" "));
                return (
                  <li data-kind={o.kind} data-search={search}>
                    <label class="check">
                      <input type="checkbox" name="organizationIds" value={o.id} checked={checked.includes(o.id)} data-name={o.name} />
                      <span>
                        {o.name}
                        {o.shortName && <> ({o.shortName})</>}
                        <span class="invite-meta">
                          {[country, t(`org.kind.${o.kind}`)].filter(Boolean).join(" · ")}
                        </span>
                      </span>
                    </label>
                  </li>
                );
              })}
            </ul>
          </fieldset>
        ))}
      </div>
    </fieldset>
  );
}
