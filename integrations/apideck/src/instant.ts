import { defineTrigger, type Bundle, type PlainInputField, type ZObject } from 'zapier-platform-core';
import type { Output } from './map';
import { INSTANT_HELP, performHook, subscribeTo, unsubscribe, type CrmEventType, type WebhookEvent } from './webhooks';

type OutputField = {
  key: string;
  label: string;
  type?: 'string' | 'number' | 'boolean' | 'datetime' | 'integer';
  list?: boolean;
};
/** Static labels, and functions that label per-account keys (custom fields). */
type OutputFields = (OutputField | ((z: ZObject, bundle: Bundle) => Promise<OutputField[]>))[];
/** Static inputs of an instant trigger (the Zap editor's form). */
type InputFields = readonly PlainInputField[];

export interface InstantSpec {
  key: string;
  noun: string;
  /**
   * e.g. "New Contact": the Zap editor's label, as the polling trigger's (Zapier badges hook
   * triggers as Instant). The webhook's description in Apideck says "(Instant)".
   */
  label: string;
  description: string;
  eventType: CrmEventType;
  /**
   * The event as the trigger's output: the record read once, or the event alone for a deletion;
   * `null` when the record is not one the Zap's inputs ask for.
   */
  toOutput: (z: ZObject, event: WebhookEvent, bundle: Bundle) => Promise<Output | null>;
  /** Inputs of the trigger, shown after the note on what "instant" means. */
  inputFields?: InputFields;
  /** The polling request: what the Zap editor shows as samples, key for key what `perform` returns. */
  performList: (z: ZObject, bundle: Bundle) => Promise<Output[]>;
  sample: Output;
  outputFields: OutputFields;
}

/** A REST hook trigger on Apideck's Webhook API: one webhook per Zap, for one event type. */
export const instantTrigger = (spec: InstantSpec) => {
  return defineTrigger({
    key: spec.key,
    noun: spec.noun,
    display: { label: spec.label, description: spec.description },
    operation: {
      type: 'hook',
      inputFields: [INSTANT_HELP, ...(spec.inputFields ?? [])],
      performSubscribe: subscribeTo(spec.eventType, `${spec.label} (Instant)`),
      performUnsubscribe: unsubscribe,
      perform: performHook(spec.eventType, spec.toOutput),
      performList: spec.performList,
      sample: spec.sample,
      outputFields: spec.outputFields,
    },
  });
};

/**
 * A polling trigger's request, sample and output fields, reused as an instant trigger's
 * `performList`, sample and outputs, so that the two agree key for key.
 */
export const fromPolling = (trigger: {
  operation: unknown;
}): Pick<InstantSpec, 'performList' | 'sample' | 'outputFields'> => {
  const op = trigger.operation as {
    perform: (z: ZObject, bundle: Bundle) => Promise<Output[]>;
    sample: Output;
    outputFields: OutputFields;
  };
  return { performList: (z, bundle) => op.perform(z, bundle), sample: op.sample, outputFields: op.outputFields };
};
