// `npm run bench`: runs every benchmark in bench/ and prints one table with the machine and date
// (`npm run bench -- soak` adds the soak run).
import { execFileSync } from "node:child_process";
import { cpus, totalmem } from "node:os";
import { run as exportsBench } from "./exports.mjs";
import { run as library } from "./library.mjs";
import { run as searchBench } from "./search.mjs";
import { run as surveyResults } from "./survey-results.mjs";
import { run as publish } from "./publish.mjs";
import { run as publishedPage } from "./published-page.mjs";
import { run as pageWeight } from "./page-weight.mjs";
import { run as startup } from "./startup.mjs";
import { run as routes } from "./routes.mjs";
import { run as load } from "./load.mjs";
import { run as hostile } from "./hostile.mjs";

// The tools the benchmarks drive, checked first so a missing one is named rather than met mid-run.
const missing = [["wrk", ["--version"], "wrk"], ["pdfinfo", ["-v"], "poppler-utils"], ["chromium", ["--version"], "chromium"]].filter(([tool, args]) => {
  try {
    execFileSync(tool, args, { stdio: "ignore" });
    return false;
  } catch (e) {
    return e.code === "ENOENT";
  }
});
if (missing.length > 0) {
  console.error(`npm run bench needs ${missing.map(([tool]) => tool).join(", ")}: apt-get install ${missing.map(([, , pkg]) => pkg).join(" ")}`);
  process.exit(1);
}

const rows = [...(await startup()), ...(await publishedPage()), ...(await pageWeight()), ...(await publish()), ...(await exportsBench()), ...(await library()), ...(await searchBench()), ...(await surveyResults()), ...(await routes()), ...(await load()), ...(await hostile())];
// `npm run bench -- soak`: ten more minutes of mixed use, failing the run when memory keeps growing.
if (process.argv.includes("soak")) {
  const { run: soak } = await import("./soak.mjs");
  const result = await soak();
  rows.push(...result.rows);
  if (!result.ok) process.exitCode = 1;
}
console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
console.log(`Date: ${new Date().toISOString().slice(0, 10)}\n`);
console.log("| benchmark | ours | baseline | ratio |\n|---|---|---|---|");
for (const r of rows) console.log(`| ${r.benchmark} | ${r.value} | ${r.baseline} | ${r.ratio} |`);
