import { AppError } from "#src/lib/errors.ts";
import type { TaskName, TaskOutcome } from "#src/lib/pool.ts";

// The worker threads' entry (see lib/pool.ts): one function per task, each loading its modules on
// first use. Catalogue errors travel back as data; so does a stack the input was built to exhaust.

type Input = Record<string, unknown>;

const tasks: Record<TaskName, (input: never) => Promise<unknown>> = {
  markdown: async (input: import("#src/content/render.ts").RenderRequest) => (await import("#src/content/render.ts")).renderNow(input),
  references: async (markdown: string) => (await import("#src/content/render.ts")).referencesNow(markdown),
  blocks: async (input: import("#src/content/text-blocks.ts").TextBlocksRequest) => (await import("#src/content/text-blocks.ts")).textBlocksNow(input),
  inspect: async (input: Parameters<typeof import("#src/content/inspect.ts").inspectNow>[0]) => (await import("#src/content/inspect.ts")).inspectNow(input),
  word: async ({ data, technologies, language }: Input) => {
    const { importWord } = await import("#src/features/case-studies/word.ts");
    return importWord(Buffer.from(data as Uint8Array), technologies as Parameters<typeof importWord>[1], language as Parameters<typeof importWord>[2]);
  },
  spreadsheet: async ({ data }: Input) => {
    const { readTable } = await import("#src/features/surveys/spreadsheet.ts");
    // The cell-naming function stays behind: the caller rebuilds it from the columns.
    const { cellRef: _, ...table } = await readTable(Buffer.from(data as Uint8Array));
    return table;
  },
  "review-read": async (data: Uint8Array) => (await import("#src/features/reviews/word-read.ts")).readReviewWord(data),
  "review-place": async ({ read, bases, language }: Input) => {
    const { placeReviewWord } = await import("#src/features/reviews/word-place.ts");
    type Place = Parameters<typeof placeReviewWord>;
    return placeReviewWord(read as Place[0], new Map(bases as [string, import("#src/features/reviews/word-read.ts").SectionBase][]), language as Place[2]);
  },
  suggest: async (input: import("#src/features/reviews/suggestions.ts").SuggestionRequest) => (await import("#src/features/reviews/suggestions.ts")).suggestionFor(input),
  vega: async ({ spec }: Input) => (await import("#src/features/surveys/vega-svg.ts")).svgOfSpec(spec as import("vega-lite").TopLevelSpec),
  "review-docx": async (input: import("#src/features/reviews/word-export.ts").ReviewFileTask) => new Uint8Array(await (await import("#src/features/reviews/word-export.ts")).reviewDocxTask(input)),
  export: async ({ format, publication }: Input) => {
    const { renderInProcess } = await import("#src/publishing/in-process.ts");
    return renderInProcess(format as import("#src/publishing/in-process.ts").InProcessFormat, publication as import("#src/publishing/publication.ts").Publication);
  },
};

export default async function run({ task, input }: { task: TaskName; input: never }): Promise<TaskOutcome<unknown>> {
  try {
    return { ok: true, value: await tasks[task](input) };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, code: e.code, fields: e.fields };
    if (e instanceof RangeError && /call stack/i.test(e.message)) return { ok: false, code: "TOO_COMPLEX", fields: {} };
    throw e;
  }
}
