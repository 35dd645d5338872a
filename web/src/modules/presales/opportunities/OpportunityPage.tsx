import { Stack, Tabs, Title } from '@mantine/core';
import { useParams, useSearchParams } from 'react-router-dom';
import { OpportunityOverview } from './OpportunityOverview';
import { OpportunityPocsTab } from '../pocs/OpportunityPocsTab';
import { RequirementsTab } from '../solutions/RequirementsTab';
import { SolutionDesignTab } from '../solutions/SolutionDesignTab';
import { StatementsOfWorkTab } from '../solutions/StatementsOfWorkTab';
import { OpportunityQuestionnairesTab } from '../questionnaires/OpportunityQuestionnairesTab';
import { OpportunityCollateralTab } from '../collateral/OpportunityCollateralTab';

const TABS = [
  { value: 'overview', label: 'Overview', Panel: OpportunityOverview },
  { value: 'pocs', label: 'Proofs of concept', Panel: OpportunityPocsTab },
  { value: 'requirements', label: 'Requirements', Panel: RequirementsTab },
  { value: 'design', label: 'Solution design', Panel: SolutionDesignTab },
  { value: 'sow', label: 'Statements of work', Panel: StatementsOfWorkTab },
  { value: 'questionnaires', label: 'Questionnaires', Panel: OpportunityQuestionnairesTab },
  { value: 'collateral', label: 'Collateral', Panel: OpportunityCollateralTab },
] as const;

/**
 * One deal: its header, and a tab per kind of work on it. The tab is kept in `?tab=` so a link can
 * open a deal's requirements or statement of work directly.
 */
export function OpportunityPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'overview';
  return (
    <Stack>
      <Title order={2}>Opportunity</Title>
      <Tabs value={tab} onChange={(value) => setParams({ tab: value ?? 'overview' }, { replace: true })} keepMounted={false}>
        <Tabs.List>
          {TABS.map((t) => (
            <Tabs.Tab key={t.value} value={t.value}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {TABS.map(({ value, Panel }) => (
          <Tabs.Panel key={value} value={value} pt="md">
            <Panel opportunityId={id} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
