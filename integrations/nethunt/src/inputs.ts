import { inputs, lazySchema } from '@crm-zapier/kit';

/** What the folder triggers take, checked before any request (an id goes into the URL path). */
export const FolderInput = lazySchema((zod) => zod.object({ folder_id: inputs.id() }));

/** Field names to filter on: blank entries dropped, none at all means "every field". */
const fieldNames = lazySchema((zod) =>
  zod
    .array(zod.string())
    .optional()
    .transform((names) => {
      const kept = (names ?? []).map((n) => n.trim()).filter(Boolean);
      return kept.length ? kept : undefined;
    }),
);

export const UpdatedRecordInput = lazySchema(() => FolderInput.schema.extend({ field_names: fieldNames.schema }));

export const ChangeInput = lazySchema(() =>
  FolderInput.schema.extend({ record_id: inputs.id().optional(), field_names: fieldNames.schema }),
);
