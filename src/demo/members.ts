import type { OrganizationInput } from "#src/features/members/schemas.ts";

type DemoOrganization = Pick<OrganizationInput, "name" | "shortName" | "kind" | "country" | "regionCode">;

const customs = (name: string, country: string, regionCode: string, shortName: string | null = null): DemoOrganization => ({
  name,
  shortName,
  kind: "customs_administration",
  country,
  regionCode,
});

/** Demo organizations: a spread of customs administrations over the six regions, and other contributors. */
export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  { name: "WCO Secretariat", shortName: "WCO", kind: "secretariat", country: "BE", regionCode: null },
  { name: "WTO Secretariat", shortName: "WTO", kind: "secretariat", country: "CH", regionCode: null },
  customs("Kenya Revenue Authority, Customs and Border Control", "KE", "ESA", "KRA"),
  customs("Uganda Revenue Authority, Customs", "UG", "ESA", "URA"),
  customs("Netherlands Customs", "NL", "EUR"),
  customs("Spanish Customs and Excise", "ES", "EUR"),
  customs("Singapore Customs", "SG", "AP"),
  customs("Hong Kong, China Customs and Excise", "HK", "AP"),
  customs("Korea Customs Service", "KR", "AP", "KCS"),
  customs("Moroccan Customs", "MA", "MENA"),
  customs("United Arab Emirates Federal Customs", "AE", "MENA"),
  customs("Peru Customs (SUNAT)", "PE", "AMS"),
  customs("Brazil Federal Revenue, Customs", "BR", "AMS"),
  customs("Côte d'Ivoire Customs", "CI", "WCA"),
  customs("Nigeria Customs Service", "NG", "WCA", "NCS"),
  { name: "Northbridge Logistics Group (fictional)", shortName: null, kind: "private_sector", country: "DE", regionCode: null },
  { name: "Institute for Border Technology Studies (fictional)", shortName: "IBTS", kind: "academia", country: "CA", regionCode: null },
];
