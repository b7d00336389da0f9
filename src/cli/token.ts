import { z } from "zod";
import { CliError } from "#src/cli/errors.ts";
import { withDatabase } from "#src/cli/editions.ts";
import { SYSTEM_ACTOR } from "#src/domain/actors.ts";
import { TOKEN_SCOPES } from "#src/domain/members.ts";
import { getUserByEmail } from "#src/features/members/repository.ts";
import { createToken, scopesFor } from "#src/features/members/tokens.ts";
import { email, parseInput, requiredText } from "#src/lib/validation.ts";

const TokenCreateInput = z.object({
  email: email(),
  name: requiredText(100),
  scopes: z.array(z.enum(TOKEN_SCOPES, { error: "field.invalid" })).min(1, { error: "field.required" }),
});

/**
 * `living-report token create --email E --name N --scope edit,publish`: a personal API token for
 * an active user, with scopes their role allows. The token alone goes to standard output (so a
 * script can capture it); whose it is and what it may do, to standard error.
 */
export function tokenCreateCommand(options: { email: string; name: string; scope: string }) {
  const input = parseInput(TokenCreateInput, { ...options, scopes: options.scope.split(",").map((s) => s.trim()).filter(Boolean) });
  return withDatabase(async (db) => {
    const user = await getUserByEmail(db, input.email);
    if (!user || user.deactivatedAt) throw new CliError(`No active user has the e-mail address ${input.email}.`);
    const beyond = input.scopes.filter((s) => !scopesFor(user.role).includes(s));
    if (beyond.length) throw new CliError(`A ${user.role}'s token cannot have the scope ${beyond.join(", ")} (allowed: ${scopesFor(user.role).join(", ")}).`);
    // The audit log records the creation under the owner's account, with no address: the command line.
    const { token, row } = await createToken(db, { ...SYSTEM_ACTOR, userId: user.id }, input.name, input.scopes);
    process.stderr.write(`Token "${row.name}" for ${user.name} <${user.email}> (${user.role}), scopes: ${row.scopes.join(", ")}\n`);
    console.log(token);
  });
}
