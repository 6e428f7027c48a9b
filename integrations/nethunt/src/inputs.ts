import { inputs } from '@crm-zapier/kit';
import { z as zod } from 'zod';

/** What the folder triggers take, checked before any request (an id goes into the URL path). */
export const FolderInput = zod.object({ folder_id: inputs.id() });

/** Field names to filter on: blank entries dropped, none at all means "every field". */
const fieldNames = zod
  .array(zod.string())
  .optional()
  .transform((names) => {
    const kept = (names ?? []).map((n) => n.trim()).filter(Boolean);
    return kept.length ? kept : undefined;
  });

export const UpdatedRecordInput = FolderInput.extend({ field_names: fieldNames });

export const ChangeInput = FolderInput.extend({ record_id: inputs.id().optional(), field_names: fieldNames });
