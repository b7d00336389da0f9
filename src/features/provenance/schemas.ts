import { z } from "zod";
import { INPUT_KINDS } from "#src/features/provenance/provenance.ts";

/** The traceability matrix's filter: one kind of input (`?kind=`), or all of them when absent or unknown. */
export const TraceabilityQuery = z.object({ kind: z.enum(INPUT_KINDS).optional().catch(undefined) });
