import { z } from "zod";
import { TECHNOLOGY_LINK_KINDS } from "#src/domain/reports.ts";
import { oneOf, optionalText, requiredText, slugText } from "#src/lib/validation.ts";

export const TechnologyInput = z.object({
  slug: slugText(),
  nameEn: requiredText(200),
  nameFr: optionalText(200),
  nameEs: optionalText(200),
  descriptionEn: optionalText(1000),
});

export const TechnologyLinkInput = z.object({ toId: z.uuid({ error: "field.invalid" }), kind: oneOf(TECHNOLOGY_LINK_KINDS) });
