import type { Db } from "#src/db/client.ts";
import { SYSTEM_ACTOR } from "#src/domain/actors.ts";
import type { Language } from "#src/domain/languages.ts";
import { getEdition } from "#src/features/editions/repository.ts";
import { saveEditionTexts } from "#src/features/editions/service.ts";

// The demo editions' own words in each language: a subtitle and a short foreword, written for the
// demo. English first, so that the translations record the words they were made from.

type Words = { subtitle: string; foreword: string };

const TEXTS: Record<string, Record<"en" | "fr" | "es", Words>> = {
  "2019": {
    en: {
      subtitle: "A first survey of new technologies at the border",
      foreword: "This first edition describes seven technologies that customs administrations were beginning to try, and what members told us about their early pilots. It is meant as a shared starting point, not as guidance.",
    },
    fr: {
      subtitle: "Un premier tour d'horizon des nouvelles technologies à la frontière",
      foreword: "Cette première édition décrit sept technologies que les administrations douanières commençaient à essayer, et ce que les membres nous ont dit de leurs premiers projets pilotes. Elle se veut un point de départ commun, non une orientation.",
    },
    es: {
      subtitle: "Un primer panorama de las nuevas tecnologías en la frontera",
      foreword: "Esta primera edición describe siete tecnologías que las administraciones aduaneras empezaban a probar y lo que los miembros nos contaron de sus primeros proyectos piloto. Pretende ser un punto de partida común, no una orientación.",
    },
  },
  "2022": {
    en: {
      subtitle: "From pilots to practice: an update prepared with the trade community",
      foreword: "Three years on, many pilots have become daily work. This edition revisits each technology, adds the results of the members' survey and chapters on questions that cut across them, and gathers the recommendations adopted at our meetings.",
    },
    fr: {
      subtitle: "Des projets pilotes à la pratique : une mise à jour préparée avec les milieux commerciaux",
      foreword: "Trois ans plus tard, bien des projets pilotes sont devenus le travail de tous les jours. Cette édition revient sur chaque technologie, ajoute les résultats de l'enquête auprès des membres et des chapitres sur les questions transversales, et rassemble les recommandations adoptées lors de nos réunions.",
    },
    es: {
      subtitle: "De los proyectos piloto a la práctica: una actualización preparada con el sector comercial",
      foreword: "Tres años después, muchos proyectos piloto se han convertido en trabajo diario. Esta edición vuelve sobre cada tecnología, añade los resultados de la encuesta a los miembros y capítulos sobre cuestiones transversales, y reúne las recomendaciones adoptadas en nuestras reuniones.",
    },
  },
};

/** Gives a demo edition its subtitle and foreword in every language (its titles come from freezing). */
export async function describeEdition(db: Db, editionId: string, label: string): Promise<void> {
  const texts = TEXTS[label];
  if (!texts) return;
  for (const lang of ["en", "fr", "es"] as const satisfies Language[]) {
    const edition = (await getEdition(db, editionId))!;
    await saveEditionTexts(db, SYSTEM_ACTOR, editionId, lang, { title: edition.titles[lang] ?? edition.titles.en, subtitle: texts[lang].subtitle, foreword: texts[lang].foreword, dateStyle: "long" });
  }
}
