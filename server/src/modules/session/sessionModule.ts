import { ContainerModule } from 'inversify';
import { TYPES } from '../../types';
import { CompleteFirstRunSetup } from './application/CompleteFirstRunSetup';
import { OpenFirstRunSetup } from './application/OpenFirstRunSetup';
import { RequestLoginCode } from './application/RequestLoginCode';
import { RevokeSession } from './application/RevokeSession';
import { StartSession } from './application/StartSession';
import { KnexLoginCodeRepository } from './infrastructure/KnexLoginCodeRepository';
import { KnexSessionRepository } from './infrastructure/KnexSessionRepository';
import { KnexSetupTokenRepository } from './infrastructure/KnexSetupTokenRepository';
import { KnexStaffLookup } from './infrastructure/KnexStaffLookup';

/** Sign-in to the web console (SPEC §20): login codes, sessions, the first-run setup. */
export const sessionModule = new ContainerModule(({ bind }) => {
  bind(TYPES.LoginCodeRepository).to(KnexLoginCodeRepository);
  bind(TYPES.SessionRepository).to(KnexSessionRepository);
  bind(TYPES.SetupTokenRepository).to(KnexSetupTokenRepository);
  bind(TYPES.StaffLookup).to(KnexStaffLookup);
  bind(TYPES.RequestLoginCode).to(RequestLoginCode);
  bind(TYPES.StartSession).to(StartSession);
  bind(TYPES.RevokeSession).to(RevokeSession);
  bind(TYPES.OpenFirstRunSetup).to(OpenFirstRunSetup);
  bind(TYPES.CompleteFirstRunSetup).to(CompleteFirstRunSetup);
});
