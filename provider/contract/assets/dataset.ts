import { z } from "zod";

/** Only meaningful with manual evaluation; otherwise the service splits by percentage. */
export const datasetSchema = z.enum(["Train", "Test"]);
export type Dataset = z.infer<typeof datasetSchema>;
