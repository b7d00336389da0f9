// The worker threads' entry when the server runs from the TypeScript sources (tests, `npm run dev`):
// hooks do not reach worker threads, so tsx is registered here before the real entry loads.
import { register } from "tsx/esm/api";

register();
const { default: run } = await import("./worker.ts");
export default run;
