import deletedContactInstant from './deletedContactInstant';
import newCompanyInstant from './newCompanyInstant';
import newContactInstant from './newContactInstant';
import newDealInstant from './newDealInstant';
import newLeadInstant from './newLeadInstant';
import updatedContactInstant from './updatedContactInstant';
import updatedDealInstant from './updatedDealInstant';

/** The instant (REST hook) triggers, keyed as `triggers` wants them: `...instantTriggers`. */
export const instantTriggers = {
  [newContactInstant.key]: newContactInstant,
  [updatedContactInstant.key]: updatedContactInstant,
  [newDealInstant.key]: newDealInstant,
  [updatedDealInstant.key]: updatedDealInstant,
  [newCompanyInstant.key]: newCompanyInstant,
  [newLeadInstant.key]: newLeadInstant,
  [deletedContactInstant.key]: deletedContactInstant,
};
