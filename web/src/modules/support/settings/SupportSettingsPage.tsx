import { Tabs } from '@mantine/core';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../../ui/PageHeader';
import { CalendarsSection } from './CalendarsSection';
import { EscalationRulesSection } from './EscalationRulesSection';
import { GroupsSection } from './GroupsSection';
import { SlaPoliciesSection } from './SlaPoliciesSection';

const TABS = ['sla-policies', 'calendars', 'escalation-rules', 'groups'] as const;
type Tab = (typeof TABS)[number];

/** The support desk's policies: SLA targets, business hours, escalation rules and groups. */
export function SupportSettingsPage() {
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: Tab = (TABS as readonly string[]).includes(requested ?? '') ? (requested as Tab) : 'sla-policies';
  return (
    <>
      <PageHeader
        title="Support settings"
        description="SLA policies and the calendars they count in, escalation rules, and the groups tickets are routed to."
      />
      <Tabs value={tab} onChange={(value) => setParams({ tab: value ?? 'sla-policies' }, { replace: true })} keepMounted={false}>
        <Tabs.List mb="lg">
          <Tabs.Tab value="sla-policies">SLA policies</Tabs.Tab>
          <Tabs.Tab value="calendars">Business calendars</Tabs.Tab>
          <Tabs.Tab value="escalation-rules">Escalation rules</Tabs.Tab>
          <Tabs.Tab value="groups">Groups</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="sla-policies">
          <SlaPoliciesSection />
        </Tabs.Panel>
        <Tabs.Panel value="calendars">
          <CalendarsSection />
        </Tabs.Panel>
        <Tabs.Panel value="escalation-rules">
          <EscalationRulesSection />
        </Tabs.Panel>
        <Tabs.Panel value="groups">
          <GroupsSection />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
