// Editions: public once published (and after withdrawal, with a notice); before that, for members.

import type { editions } from "#src/db/schema/editions.ts";
import { isPublic } from "#src/domain/editions.ts";
import { isSecretariat, type Rule } from "#src/access/who.ts";

export type EditionResource = { kind: "edition"; edition: Pick<typeof editions.$inferSelect, "status"> };

export const editionRules = {
  /** Its pages and figures: anyone when public; drafts and editions in review ask for signing in. */
  read: (who, { edition }) => (isPublic(edition.status) || who ? null : "UNAUTHENTICATED"),
  /** Moving it along its statuses (review, publish, withdraw): the secretariat's call; when is NEXT_STATUS's. */
  publish: (who) => (isSecretariat(who) ? null : "FORBIDDEN"),
  withdraw: (who) => (isSecretariat(who) ? null : "FORBIDDEN"),
} satisfies Record<string, Rule<EditionResource>>;
