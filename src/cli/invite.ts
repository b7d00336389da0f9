import { z } from "zod";
import { CliError } from "#src/cli/errors.ts";
import { loadConfig, type Config } from "#src/config.ts";
import { openDatabase, type Db } from "#src/db/client.ts";
import { migrate } from "#src/db/migrate.ts";
import { SYSTEM_ACTOR } from "#src/domain/actors.ts";
import { LANGUAGES } from "#src/domain/languages.ts";
import { ROLES } from "#src/domain/members.ts";
import { closeTransports, deliverPendingMail, mailSettings } from "#src/features/mail/sender.ts";
import { mailOfToken } from "#src/features/members/account-tokens.ts";
import { inviteUser } from "#src/features/members/invitations.ts";
import { listOrganizations } from "#src/features/members/repository.ts";
import { UserInviteInput } from "#src/features/members/schemas.ts";
import { isMessageKey, translator } from "#src/i18n/i18n.ts";
import { fieldErrors } from "#src/lib/validation.ts";

const InviteOptions = z.object({
  email: z.string().min(1, "give the person's address with --email"),
  name: z.string().min(1, "give the person's name with --name"),
  org: z.string().min(1, "name the organization with --org"),
  role: z.enum(ROLES, { error: `--role must be one of ${ROLES.join(", ")}` }),
  language: z.enum(LANGUAGES, { error: `--language must be one of ${LANGUAGES.join(", ")}` }).default("en"),
});
export type InviteOptions = z.input<typeof InviteOptions>;

/** The option each field of an invitation comes from. */
const OPTION_OF: Record<string, string> = { name: "--name", email: "--email", role: "--role", language: "--language", organizationId: "--org" };

/** The person as an invitation takes them (the web form's rules), or every problem, one per line, as the command's refusal. */
function personOf(input: Omit<z.output<typeof InviteOptions>, "org">): Omit<UserInviteInput, "organizationId"> {
  const parsed = UserInviteInput.safeParse({ ...input, organizationId: null });
  if (parsed.success) return parsed.data;
  const t = translator("en");
  const problems = Object.entries(fieldErrors(parsed.error)).map(([field, key]) => `  ${OPTION_OF[field] ?? field}: ${isMessageKey(key) ? t(key) : key}`);
  throw new CliError(["The invitation was refused:", ...problems].join("\n"));
}

/** What the command says and how it ends: 0 sent or kept in the outbox, 2 the mail could not be delivered. */
export type InviteOutcome = { exitCode: 0 | 2; line: string };

/**
 * Invites a person (as the system) and delivers the message at once. Refused input (unknown
 * organization, taken address, bad field) throws: the program prints it and exits with 1.
 */
export async function invite(db: Db, config: Config, options: InviteOptions): Promise<InviteOutcome> {
  const parsed = InviteOptions.safeParse(options);
  if (!parsed.success) throw new CliError(parsed.error.issues.map((i) => i.message).join("\n"));
  const { org: code, ...given } = parsed.data;
  const person = personOf(given);
  const organizations = await listOrganizations(db, {});
  const wanted = code.toLowerCase();
  const org = organizations.find((o) => o.id === code || o.shortName?.toLowerCase() === wanted);
  if (!org) {
    const codes = organizations.filter((o) => !o.deactivatedAt).map((o) => (o.shortName ? `  ${o.shortName}  ${o.name}` : `  ${o.id}  ${o.name}`));
    throw new CliError([`No organization has the code "${code}". Give its short name or its id:`, ...(codes.length ? codes : ["  (there are no organizations yet)"])].join("\n"));
  }
  const { user, tokenId } = await inviteUser(db, SYSTEM_ACTOR, { ...person, organizationId: org.id });
  try {
    await deliverPendingMail(db, mailSettings(config));
  } finally {
    closeTransports();
  }
  const mail = await mailOfToken(db, tokenId);
  if (mail?.status === "sent") return { exitCode: 0, line: `Invitation sent to ${user.email}.` };
  if (mail?.status === "held") return { exitCode: 0, line: `Invitation to ${user.email} kept in the outbox (no SMTP_URL): an administrator can copy its link at /admin/outbox.` };
  // Queued again (a temporary refusal, retried by the server) or failed for good.
  const state = mail?.status === "failed" ? "failed" : "not delivered yet (the running server retries it)";
  return { exitCode: 2, line: `Invitation to ${user.email} created, but the mail was ${state}: ${mail?.lastError ?? "unknown error"}` };
}

/** `living-report invite --email E --name N --org CODE --role R [--language L]`. */
export async function inviteCommand(options: InviteOptions) {
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    await migrate(database);
    const outcome = await invite(database.db, config, options);
    if (outcome.exitCode === 0) console.log(outcome.line);
    else console.error(outcome.line);
    process.exitCode = outcome.exitCode;
  } finally {
    await database.close();
  }
}
