import { Document, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import { STAGES, TEXT_FIELDS } from "#src/domain/case-studies.ts";
import type { Language } from "#src/domain/languages.ts";
import { translator } from "#src/i18n/i18n.ts";

/**
 * The Word template members fill in: a title, then one heading per field in the member's language.
 * Its headings are the ones the import recognises, so a filled template fills every field.
 */
export async function wordTemplate(lang: Language): Promise<Buffer> {
  const t = translator(lang);
  const hint = (text: string) => new Paragraph({ children: [new TextRun({ text, italics: true, color: "555555" })] });
  const section = (heading: string, help: string) => [new Paragraph({ text: heading, heading: HeadingLevel.HEADING_2 }), hint(help)];
  const doc = new Document({
    creator: t("app.name"),
    title: t("cs.template.title"),
    styles: { default: { document: { run: { font: "Calibri", size: 22 } } } },
    sections: [
      {
        children: [
          new Paragraph({ text: t("cs.template.titlePlaceholder"), heading: HeadingLevel.HEADING_1 }),
          hint(t("cs.template.intro")),
          ...TEXT_FIELDS.flatMap((f) => section(t(`cs.field.${f}`), t(`cs.hint.${f}`))),
          ...section(t("cs.technologies"), t("cs.template.technologiesHelp")),
          ...section(t("cs.stage"), STAGES.map((s) => t(`cs.stage.${s}`)).join(" / ")),
          ...section(t("cs.period"), t("cs.template.periodHelp")),
          ...section(t("cs.partners"), t("cs.template.partnersHelp")),
          ...section(t("cs.contact"), t("cs.contactHint")),
          ...section(t("cs.links"), t("cs.linksHint")),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
