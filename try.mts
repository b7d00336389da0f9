import { readFileSync } from "node:fs";
import { importWord } from "#src/features/case-studies/word.ts";
import { checkDocx } from "#src/features/case-studies/uploads.ts";
const techs = [{ slug: "blockchain", names: { en: "Blockchain", fr: "Chaîne de blocs" } }, { slug: "internet-of-things", names: { en: "Internet of Things" } }, { slug: "drones", names: { en: "Drones", fr: "Drones" } }];
for (const f of process.argv.slice(2)) {
  const data = readFileSync(f);
  await checkDocx(data);
  const r = await importWord(data, techs, "en");
  console.log("=====", f, JSON.stringify({ ...r, images: r.images.map((i) => [i.placeholder, i.mediaType, i.alt, i.data.length]) }, null, 1));
}
