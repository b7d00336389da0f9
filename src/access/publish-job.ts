// Publish jobs: an edition being published or withdrawn, watched by the secretariat that asked.

import { isSecretariat, type Rule } from "#src/access/who.ts";

export type PublishJobResource = { kind: "publish-job" };

export const publishJobRules = {
  /** Its progress page: editors and administrators; anyone else is asked to sign in, or refused. */
  watch: (who) => (!who ? "UNAUTHENTICATED" : isSecretariat(who) ? null : "FORBIDDEN"),
} satisfies Record<string, Rule<PublishJobResource>>;
