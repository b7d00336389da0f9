// Soak: the real server on the demo under mixed use for SOAK_SECONDS (600): readers (public pages,
// library, search and the API with ever-new query strings and unknown labels, as crawlers and
// attackers send), editors (open, preview, save), exports (PDF, DOCX, HTML, zip of the draft and of
// the edition, downloaded) and imports (case-study Word files, a survey's spreadsheet exported and
// imported back, a broken file), and a new edition frozen and published every SOAK_PUBLISH_SECONDS
// (45). The server's resident memory (VmRSS from /proc) is sampled every SOAK_SAMPLE_SECONDS (5);
// the run fails (exit 1) when RSS at the end is above 1.3 × RSS after the warm-up
// (SOAK_WARMUP_SECONDS, 60). PGlite by default; DATABASE_URL (an empty database) for PostgreSQL.
// `npm run bench -- soak` runs it after the other benchmarks, `node bench/soak.mjs` alone.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { register } from "tsx/esm/api";

register();
const { startProductServer, demoAccount } = await import("../e2e/helpers/server.ts");
const { HttpSession } = await import("../e2e/helpers/http.ts");

const ROOT = join(import.meta.dirname, "..");
const seconds = Number(process.env.SOAK_SECONDS ?? 600);
const warmup = Math.min(Number(process.env.SOAK_WARMUP_SECONDS ?? 60), seconds / 2);
const every = Number(process.env.SOAK_SAMPLE_SECONDS ?? 5);
const LIMIT = 1.3;
const REPORT = "disruptive-technologies";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const WORD_FILES = ["libreoffice-en.docx", "pandoc-en.docx", "pandoc-fr.docx"].map((name) => ({ name, type: DOCX, data: readFileSync(join(ROOT, "test", "fixtures", "word", name)) }));

const rssMiB = (pid) => Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024);
const random = () => Math.random().toString(36).slice(2, 10);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function run() {
  // The server runs the bundle: build it from the sources being measured.
  execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit" });
  const databaseUrl = process.env.DATABASE_URL;
  // A busy machine can take longer than the helper waits for the first start (migrations, demo).
  let server;
  for (let attempt = 1; !server; attempt++) {
    try {
      server = await startProductServer("pglite", databaseUrl ? { DATABASE_URL: databaseUrl, DEMO: "1" } : {});
    } catch (e) {
      if (attempt === 3 || databaseUrl) throw e;
      console.error(`soak: the server did not start; again. ${String(e).slice(-1000)}`);
    }
  }
  const engine = databaseUrl ? "PostgreSQL" : "PGlite";
  const counts = { published: 0, requests: 0, serverErrors: 0, failures: 0, exports: 0, imports: 0, saves: 0 };
  const failures = [];
  const note = (what, status) => {
    counts.requests++;
    if (status >= 500 || status === 0) {
      counts.serverErrors++;
      if (failures.length < 20) failures.push(`${what}: ${status}`);
    }
  };
  const samples = [];
  try {
    const admin = await new HttpSession(server.url).signIn(demoAccount(server, "admin").email, demoAccount(server, "admin").password);
    const editor = await new HttpSession(server.url).signIn(demoAccount(server, "editor").email, demoAccount(server, "editor").password);
    const contributor = await new HttpSession(server.url).signIn(demoAccount(server, "contributor").email, demoAccount(server, "contributor").password);
    const outline = await admin.get(`/editor/reports/${REPORT}`);
    const sections = [...new Set([...outline.body.matchAll(/\/editor\/sections\/([0-9a-f-]{36})\/en/g)].map((m) => m[1]))];
    const surveys = [...new Set([...(await admin.get("/editor/surveys")).body.matchAll(/\/editor\/surveys\/([0-9a-f-]{36})/g)].map((m) => m[1]))];
    const chapters = [...new Set([...(await admin.get(`/reports/${REPORT}/2022/en/`)).body.matchAll(/\/reports\/disruptive-technologies\/2022\/en\/([a-z0-9-]+)/g)].map((m) => m[1]))];
    if (!sections.length || !surveys.length || !chapters.length) throw new Error("The demo has no sections, surveys or chapters to work on");

    const started = Date.now();
    const until = started + seconds * 1000;
    const sampler = (async () => {
      for (let t = 0; Date.now() < until; t += every) {
        await sleep(Math.max(0, started + t * 1000 - Date.now()));
        samples.push({ at: Math.round((Date.now() - started) / 1000), rss: rssMiB(server.pid) });
      }
    })();

    const anonymous = new HttpSession(server.url);
    const reads = [
      () => `/reports/${REPORT}/2022/${["en", "fr", "es"][Math.floor(Math.random() * 3)]}/${chapters[Math.floor(Math.random() * chapters.length)]}`,
      () => `/reports/${REPORT}/2022/en/`,
      () => `/reports/${REPORT}/${random()}/en/`,
      () => `/reports/${random()}/2022/en/`,
      () => `/case-studies?q=${random()}&region=AMS`,
      () => `/case-studies?q=data`,
      () => `/search?q=ledger+${random()}`,
      () => `/api/v1/reports/${REPORT}/editions/2022?lang=${["en", "fr", "es"][Math.floor(Math.random() * 3)]}`,
      () => `/api/v1/case-studies?q=${random()}`,
      () => `/api/v1/search?q=${random()}`,
      () => `/reports/${REPORT}/feed.xml`,
      () => `/surveys/adoption-2024/results`,
      () => `/${random()}/${random()}`,
    ];
    // A new edition of the living draft frozen and published every SOAK_PUBLISH_SECONDS (45).
    const published = ["2022"];
    const publisher = async () => {
      for (let n = 1; Date.now() < until; n++) {
        await sleep(Number(process.env.SOAK_PUBLISH_SECONDS ?? 45) * 1000);
        if (Date.now() >= until) break;
        await admin.get(`/editor/reports/${REPORT}/editions`);
        const label = `soak-${n}`;
        const frozen = await admin.post(`/editor/reports/${REPORT}/editions`, { label, title: `Soak edition ${n}`, editionDate: "2026-12-01", foreword: "" });
        note("freeze", frozen.status);
        if (frozen.status !== 303 || !frozen.location) continue;
        await admin.get(frozen.location);
        // Confirmed with the label, the warnings acknowledged; the job publishes it while readers keep reading.
        const asked = await admin.post(`${frozen.location}/publish`, { confirm: label, note: "Soak test: published as it stands." });
        note("publish", asked.status);
        if (asked.status !== 303 || !asked.location) continue;
        let job = await admin.get(asked.location);
        for (let wait = 0; job.body.includes("data-job=") && wait < 120; wait++) {
          await sleep(1000);
          job = await admin.get(asked.location);
        }
        const ok = job.body.includes(`Edition ${label} is published.`);
        note("publish job", ok ? 200 : 500);
        if (ok) {
          published.push(label);
          counts.published++;
        }
      }
    };
    const pick = (xs) => xs[Math.floor(Math.random() * xs.length)];
    reads.push(
      () => `/reports/${REPORT}/${pick(published)}/${pick(["en", "fr", "es"])}/${pick(chapters)}`,
      () => `/reports/${REPORT}/${pick(published)}/${pick(["en", "fr", "es"])}/`,
      () => `/api/v1/reports/${REPORT}/editions/${pick(published)}?lang=${pick(["en", "fr", "es"])}`,
    );
    const reader = async (n) => {
      for (let i = n; Date.now() < until; i++) {
        const path = reads[i % reads.length]();
        try {
          note(path, (await anonymous.get(path)).status);
        } catch (e) {
          note(`${path} ${e}`, 0);
        }
      }
    };
    const member = async (session, n) => {
      for (let i = 0; Date.now() < until; i++) {
        const section = sections[(n + i) % sections.length];
        const page = await session.get(`/editor/sections/${section}/en`);
        note("section editor", page.status);
        const base = /name="baseRevisionId" value="(\d*)"/.exec(page.body)?.[1] ?? "";
        // Long sections (about 60 KB, different every time), so that published pages are large.
        const body = `Soak edit ${n}.${i}: editors save while readers read.\n\n${Array.from({ length: 150 }, () => `A paragraph of the living draft, ${random()} ${random()} ${random()}. `.repeat(8)).join("\n\n")}`;
        note("preview", (await session.post("/editor/preview", { body })).status);
        const saved = await session.post(`/editor/sections/${section}/en`, { heading: `Section ${n}`, body, baseRevisionId: base, summary: "soak" });
        note("save", saved.status);
        if (saved.status === 303) counts.saves++;
        note("draft", (await session.get(`/draft/${REPORT}/en/`)).status);
      }
    };
    const exporter = async () => {
      const formats = ["pdf", "docx", "html", "zip"];
      for (let i = 0; Date.now() < until; i++) {
        const edition = i % 2 ? "draft" : "2022";
        const start = await editor.get(`/reports/${REPORT}/${edition}/${["en", "fr"][i % 2]}/export/${formats[i % formats.length]}`);
        note("export", start.status);
        const job = /\/jobs\/([0-9a-f-]{36})/.exec(start.location ?? "")?.[1];
        if (!job) continue;
        for (let polls = 0; polls < 600 && Date.now() < until + 60_000; polls++) {
          const res = await fetch(`${server.url}/jobs/${job}`, { headers: { accept: "application/json", cookie: editor.cookieHeader } });
          note("job", res.status);
          const status = res.ok ? (await res.json()).status : "failed";
          if (status === "done") {
            note("download", (await editor.get(`/jobs/${job}/download`)).status);
            counts.exports++;
            break;
          }
          if (status === "failed") {
            counts.failures++;
            if (failures.length < 20) failures.push(`export ${edition} ${formats[i % formats.length]} failed`);
            break;
          }
          await sleep(500);
        }
      }
    };
    const importer = async () => {
      for (let i = 0; Date.now() < until; i++) {
        await contributor.get("/member");
        const word = await contributor.upload("/member/case-studies/import", "document", WORD_FILES[i % WORD_FILES.length]);
        note("import word", word.status);
        if (word.status === 303) counts.imports++;
        note("import broken", (await contributor.upload("/member/case-studies/import", "document", { name: "broken.docx", type: DOCX, data: Buffer.from(`PK\u0003\u0004${random()}`) })).status);
        const survey = surveys[i % surveys.length];
        const sheet = await fetch(`${server.url}/editor/surveys/${survey}/responses.xlsx`, { headers: { cookie: editor.cookieHeader } });
        note("survey export", sheet.status);
        await editor.get(`/editor/surveys/${survey}`);
        const imported = await editor.upload(`/editor/surveys/${survey}/import`, "responses", { name: "responses.xlsx", type: XLSX, data: new Uint8Array(await sheet.arrayBuffer()) });
        note("survey import", imported.status);
        if (imported.status === 200) counts.imports++;
      }
    };
    await Promise.all([...Array.from({ length: 6 }, (_, n) => reader(n)), member(editor, 0), member(admin, 1), publisher(), exporter(), importer()]);
    await sampler;
    // Memory a few seconds after the load stopped: what the server keeps.
    await sleep(every * 1000);
    samples.push({ at: Math.round((Date.now() - started) / 1000), rss: rssMiB(server.pid) });
  } finally {
    await server.stop();
  }
  const afterWarmup = samples.find((s) => s.at >= warmup) ?? samples[0];
  const end = samples.at(-1);
  const peak = Math.max(...samples.map((s) => s.rss));
  const ratio = end.rss / afterWarmup.rss;
  const ok = ratio <= LIMIT;
  console.error(`soak ${engine}: RSS ${samples.map((s) => `${s.at}s=${s.rss}`).join(" ")}`);
  for (const f of failures) console.error(`soak ${engine}: ${f}`);
  const label = `soak ${seconds} s, ${engine}: readers, editors, exports, imports`;
  return {
    ok,
    rows: [
      { benchmark: `${label}: server RSS after ${warmup} s → end (peak)`, value: `${afterWarmup.rss} → ${end.rss} MiB (peak ${peak})`, baseline: `limit ${LIMIT}× = ${Math.round(afterWarmup.rss * LIMIT)} MiB`, ratio: `${ratio.toFixed(2)}× ${ok ? "ok" : "FAIL"}` },
      { benchmark: `${label}: work done`, value: `${counts.requests} requests (${counts.serverErrors} 5xx or failed), ${counts.saves} saves, ${counts.published} editions published, ${counts.exports} exports (${counts.failures} failed), ${counts.imports} imports`, baseline: "", ratio: "" },
    ],
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { ok, rows } = await run();
  console.log("| benchmark | ours | baseline | ratio |\n|---|---|---|---|");
  for (const r of rows) console.log(`| ${r.benchmark} | ${r.value} | ${r.baseline} | ${r.ratio} |`);
  process.exit(ok ? 0 : 1);
}
