import { accountSearchSource, configureAccounts, contactSearchSource, portalContactDirectory } from '../modules/accounts/index.js';
import { configureDelivery, countLiveEngagements, environmentAccountOf } from '../modules/delivery/index.js';
import { configureFeedback, refreshFiguresOfAccount } from '../modules/feedback/index.js';
import { configureIdentity } from '../modules/identity/index.js';
import { configureMetrics } from '../modules/platform/index.js';
import {
  collateralSearchSource,
  openOpportunityArr,
  opportunityFeedbackSource,
  opportunityRefs,
  pocVerdictChanged,
  questionnaireQuestionSource,
} from '../modules/presales/index.js';
import { configureSearch } from '../modules/search/index.js';
import {
  articleSearchSource,
  configureSupport,
  mailMetrics,
  messageSearchSource,
  ticketInStatusSql,
  ticketSearchSource,
} from '../modules/support/index.js';
import { configureTeam, memberDirectory } from '../modules/team/index.js';
import { timeLinkPorts } from './wire-team-time.js';
import { profileSourcePorts } from './wire-team-profile.js';

/**
 * The one place where a module gets what it needs from a module above it (a port), so the import
 * graph stays one-way: accounts and support never import delivery, delivery imports them. Called at
 * start-up by the server, the CLI and the test set-up; calling it again changes nothing.
 */
export function wireModules(): void {
  configureIdentity({ members: memberDirectory, portalContacts: portalContactDirectory });
  configureTeam({ timeLinks: timeLinkPorts, profileSources: profileSourcePorts });
  configureAccounts({ countLiveEngagements, accountFiguresChanged: refreshFiguresOfAccount });
  configureSupport({ environmentAccountOf });
  configureDelivery({ opportunityRefs, pocVerdictChanged });
  configureFeedback({
    presalesSources: { opportunity: opportunityFeedbackSource, questionnaireQuestion: questionnaireQuestionSource },
    openOpportunityArr,
  });
  configureMetrics([mailMetrics]);
  configureSearch({
    sources: [
      ticketSearchSource,
      messageSearchSource,
      contactSearchSource,
      accountSearchSource,
      articleSearchSource,
      collateralSearchSource,
    ],
    ticketInStatus: ticketInStatusSql,
  });
}
