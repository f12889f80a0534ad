import { ContainerModule } from 'inversify';
import { TYPES } from '../../types';
import { AppendToLead } from './application/AppendToLead';
import { CreateLeadFromEnquiry } from './application/CreateLeadFromEnquiry';
import { UpdateLead } from './application/UpdateLead';
import { KnexLeadRepository } from './infrastructure/KnexLeadRepository';
import { KnexSalesRepSelector } from './infrastructure/KnexSalesRepSelector';

export const leadModule = new ContainerModule(({ bind }) => {
  bind(TYPES.LeadRepository).to(KnexLeadRepository);
  bind(TYPES.SalesRepSelector).to(KnexSalesRepSelector);
  bind(TYPES.CreateLeadFromEnquiry).to(CreateLeadFromEnquiry);
  bind(TYPES.AppendToLead).to(AppendToLead);
  bind(TYPES.UpdateLead).to(UpdateLead);
});
