import { apideckPlan } from './apideck.plan';
import { apideckWebhooksPlan } from './apideck.webhooks.plan';
import { lunarsendPlan } from './lunarsend.plan';
import { nethuntPlan } from './nethunt.plan';
import { nimblePlan } from './nimble.plan';
import type { TourPlan } from './tour.lib';

/** Every CRM's plan, in the order `npm start` runs them. */
export const allPlans = (): TourPlan[] => [
  nethuntPlan(),
  lunarsendPlan(),
  nimblePlan(),
  apideckPlan(),
  apideckWebhooksPlan(),
];
