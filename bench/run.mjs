// `npm run bench`: runs every benchmark in bench/ and prints one table with the machine and date.
import { cpus, totalmem } from "node:os";
import { run as exportsBench } from "./exports.mjs";
import { run as library } from "./library.mjs";
import { run as searchBench } from "./search.mjs";
import { run as surveyResults } from "./survey-results.mjs";
import { run as publish } from "./publish.mjs";
import { run as publishedPage } from "./published-page.mjs";
import { run as startup } from "./startup.mjs";
import { run as load } from "./load.mjs";

const rows = [...(await startup()), ...(await publishedPage()), ...(await publish()), ...(await exportsBench()), ...(await library()), ...(await searchBench()), ...(await surveyResults()), ...(await load())];
console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
console.log(`Date: ${new Date().toISOString().slice(0, 10)}\n`);
console.log("| benchmark | ours | baseline | ratio |\n|---|---|---|---|");
for (const r of rows) console.log(`| ${r.benchmark} | ${r.value} | ${r.baseline} | ${r.ratio} |`);
