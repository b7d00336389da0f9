import { createInterface } from "node:readline";
import { z } from "zod";
import { loadConfig } from "#src/config.ts";
import { openDatabase } from "#src/db/client.ts";
import { migrate } from "#src/db/migrate.ts";
import { SYSTEM_ACTOR } from "#src/domain/actors.ts";
import { createAdmin } from "#src/features/members/auth.ts";
import { email, newPassword, parseInput, requiredText } from "#src/lib/validation.ts";

const CreateAdminInput = z.object({ name: requiredText(200), email: email(), password: newPassword() });

/** Reads one line from standard input; on a terminal, asks for it without echoing. */
async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) {
    process.stderr.write("Password (at least 10 characters): ");
    const rl = createInterface({ input: process.stdin, output: undefined, terminal: true });
    const line = await new Promise<string>((resolve) => rl.once("line", resolve));
    rl.close();
    process.stderr.write("\n");
    return line;
  }
  let data = "";
  for await (const chunk of process.stdin) data += String(chunk);
  return data.split(/\r?\n/)[0] ?? "";
}

/** `living-report create-admin --email E --name N`: creates an administrator (password from stdin). */
export async function createAdminCommand(options: { email: string; name: string }) {
  const config = loadConfig();
  const input = parseInput(CreateAdminInput, { ...options, password: await readPassword() });
  const database = await openDatabase(config);
  try {
    await migrate(database);
    const user = await createAdmin(database.db, SYSTEM_ACTOR, input);
    console.log(`Administrator ${user.email} created.`);
  } finally {
    await database.close();
  }
}
