import { pagination } from "./figures/pagination.ts";
import { figureContext } from "./lib/figure.ts";
const out = await pagination(figureContext("pagination", { quick: true, profiling: false }));
console.log(JSON.stringify(out.rows, null, 1));
