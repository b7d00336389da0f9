// Compiles one Typst document to PDF and exits. Run in a child process per job: the compiler
// keeps memory it never gives back, so each job gets a fresh process.
import { readFileSync } from "node:fs";
import { NodeCompiler } from "@myriaddreamin/typst-ts-node-compiler";

process.once("message", (job) => {
  const reply = (message, code) => process.send(message, () => process.exit(code));
  try {
    // No workspace files and no package registry: the document and the fonts are all it has.
    const compiler = NodeCompiler.create({ fontArgs: [{ fontBlobs: job.fontFiles.map((file) => readFileSync(file)) }] });
    const compiled = compiler.compile({ mainFileContent: job.source });
    if (!compiled.result) {
      const error = compiled.takeDiagnostics() ?? compiled.takeError();
      return reply({ error: JSON.stringify(error?.shortDiagnostics ?? "Typst failed").slice(0, 4000) }, 1);
    }
    const pdf = compiler.pdf(compiled.result, { ...(job.pdfStandard ? { pdfStandard: job.pdfStandard } : {}), creationTimestamp: job.timestamp });
    reply({ pdf: Buffer.from(pdf).toString("base64"), maxRssKb: process.resourceUsage().maxRSS }, 0);
  } catch (error) {
    reply({ error: String(error?.stack ?? error) }, 1);
  }
});
