import type { TemplateInput } from '../../modules/delivery/contract/engagements.js';
import type { EngagementKind } from '../../modules/delivery/contract/kinds.js';

// The demo workspace's engagement templates: what a delivery team starts its plans from.

type Side = 'team' | 'customer';
/** [key, title, side, role, durationDays, dependsOn, customerVisible, milestone, startOffsetDays] */
type T = [string, string, Side, string, number, string[], boolean?, boolean?, number?];

function template(name: string, kind: EngagementKind, description: string, phases: [string, T[]][]): TemplateInput {
  return {
    name,
    kind,
    description,
    phases: phases.map(([phase, tasks]) => ({
      name: phase,
      tasks: tasks.map(
        ([key, title, ownerSide, ownerRole, durationDays, dependsOn, customerVisible = false, milestone = false, startOffsetDays = 0]) => ({
          key,
          title,
          description: null,
          ownerSide,
          ownerRole,
          startOffsetDays,
          durationDays,
          dependsOn,
          customerVisible: customerVisible || ownerSide === 'customer',
          milestone,
        }),
      ),
    })),
  };
}

export const DEMO_TEMPLATES: TemplateInput[] = [
  template(
    'Standard implementation',
    'implementation',
    'From kick-off to hypercare: the eight phases of a typical Beacon Platform rollout (about ten weeks).',
    [
      [
        'Discovery & requirements',
        [
          ['kickoff', 'Kick-off meeting', 'team', 'implementation', 1, [], true],
          ['stakeholders', 'Confirm stakeholders and success criteria', 'customer', 'decision_maker', 2, ['kickoff']],
          ['reqs', 'Requirements workshops', 'team', 'solutions_architect', 4, ['kickoff'], true],
          ['sso_meta', 'Provide SSO metadata', 'customer', 'it_admin', 3, ['kickoff']],
          ['data_sample', 'Share a sample data export', 'customer', 'champion', 3, ['kickoff']],
        ],
      ],
      [
        'Solution design',
        [
          ['design', 'Write the solution design', 'team', 'solutions_architect', 4, ['reqs', 'stakeholders']],
          ['design_review', 'Design review with the customer', 'team', 'solutions_architect', 1, ['design'], true],
          ['signoff', 'Design sign-off', 'customer', 'decision_maker', 1, ['design_review'], true, true],
        ],
      ],
      [
        'Deploy',
        [
          ['env', 'Provision production and staging environments', 'team', 'implementation', 3, ['signoff']],
          ['network', 'Open firewall rules for the edge connector', 'customer', 'it_admin', 2, ['signoff']],
          ['sso', 'Configure SSO', 'team', 'implementation', 2, ['env', 'sso_meta'], true],
        ],
      ],
      [
        'Configure & customise',
        [
          ['config', 'Configure workflows, roles and approval flows', 'team', 'implementation', 5, ['env']],
          ['integrations', 'Build integrations', 'team', 'implementation', 5, ['env']],
          ['config_review', 'Review the configuration', 'customer', 'champion', 2, ['config']],
        ],
      ],
      [
        'Data migration',
        [
          ['mapping', 'Data mapping', 'team', 'implementation', 3, ['data_sample', 'signoff']],
          ['trial', 'Trial migration', 'team', 'implementation', 2, ['mapping', 'env']],
          ['validate', 'Validate migrated data', 'customer', 'champion', 2, ['trial']],
          ['final_migration', 'Final migration', 'team', 'implementation', 1, ['validate', 'config', 'integrations']],
        ],
      ],
      [
        'Training',
        [
          ['attendees', 'Nominate training attendees', 'customer', 'champion', 1, ['signoff']],
          ['admin_training', 'IT administrator training', 'team', 'customer_success', 1, ['config', 'attendees'], true],
          ['user_training', 'End-user training', 'team', 'customer_success', 2, ['config_review', 'attendees'], true],
        ],
      ],
      [
        'Go-live',
        [
          [
            'readiness',
            'Go-live readiness review',
            'team',
            'implementation',
            1,
            ['final_migration', 'user_training', 'admin_training', 'sso', 'network'],
            true,
          ],
          ['golive', 'Go-live', 'team', 'implementation', 1, ['readiness'], true, true],
        ],
      ],
      [
        'Hypercare',
        [
          ['hypercare', 'Hypercare: daily check-ins', 'team', 'implementation', 10, ['golive'], true],
          ['handover', 'Hand-over to support and the account team', 'team', 'technical_account_manager', 1, ['hypercare'], true],
          ['closure', 'Project closure sign-off', 'customer', 'decision_maker', 1, ['handover'], true, true],
        ],
      ],
    ],
  ),
  template(
    'Proof of concept (2 weeks)',
    'proof_of_concept',
    'A two-week evaluation against agreed success criteria, ending in a go / no-go decision.',
    [
      [
        'Set up',
        [
          ['kickoff', 'PoC kick-off and success criteria', 'team', 'sales_engineer', 1, [], true],
          ['tenant', 'Provision the PoC tenant', 'team', 'sales_engineer', 1, ['kickoff']],
          ['data', 'Provide test data and users', 'customer', 'champion', 2, ['kickoff']],
          ['sso', 'Connect SSO (optional)', 'customer', 'it_admin', 2, ['tenant']],
        ],
      ],
      [
        'Evaluate',
        [
          ['sessions', 'Run the use-case sessions', 'team', 'sales_engineer', 5, ['tenant', 'data'], true],
          ['checkin', 'Mid-point check-in', 'team', 'sales_engineer', 1, ['tenant'], true, false, 5],
        ],
      ],
      [
        'Decide',
        [
          ['readout', 'Results read-out', 'team', 'sales_engineer', 1, ['sessions', 'checkin'], true, true],
          ['decision', 'Go / no-go decision', 'customer', 'decision_maker', 1, ['readout'], true, true],
        ],
      ],
    ],
  ),
  template('Onboarding (SMB)', 'onboarding', 'A light, three-week onboarding for small teams: set up, import, train, live.', [
    [
      'Welcome',
      [
        ['welcome', 'Welcome call', 'team', 'customer_success', 1, [], true],
        ['admins', 'Create admin accounts', 'customer', 'it_admin', 1, ['welcome']],
      ],
    ],
    [
      'Set up',
      [
        ['import', 'Import users', 'team', 'customer_success', 2, ['admins'], true],
        ['basics', 'Configure the basics', 'team', 'customer_success', 2, ['admins']],
        ['training', 'Admin training', 'team', 'customer_success', 1, ['basics'], true],
      ],
    ],
    [
      'Adopt',
      [
        ['live', 'Go live with the first team', 'customer', 'champion', 1, ['import', 'training'], true, true],
        ['checkin', 'Two-week adoption check-in', 'team', 'customer_success', 1, ['live'], true, false],
      ],
    ],
  ]),
  template(
    'Professional services — custom integration',
    'professional_services',
    'A statement-of-work integration: specify, build, test and hand over a connector.',
    [
      [
        'Scoping',
        [
          ['sow', 'Confirm the statement of work', 'team', 'professional_services', 1, [], true],
          ['credentials', 'Provide API credentials for the target system', 'customer', 'it_admin', 2, ['sow']],
          ['spec', 'Integration specification', 'team', 'professional_services', 3, ['sow'], true],
          ['spec_signoff', 'Specification sign-off', 'customer', 'decision_maker', 1, ['spec'], true, true],
        ],
      ],
      [
        'Build',
        [
          ['build', 'Build the connector', 'team', 'professional_services', 8, ['spec_signoff', 'credentials']],
          ['tests', 'Automated tests', 'team', 'professional_services', 3, ['build']],
        ],
      ],
      [
        'Test & deliver',
        [
          ['uat', 'Customer acceptance testing', 'customer', 'champion', 3, ['tests']],
          ['deploy', 'Deploy to production', 'team', 'professional_services', 1, ['uat'], true, true],
          ['docs', 'Hand-over documentation', 'team', 'professional_services', 2, ['deploy'], true],
        ],
      ],
    ],
  ),
  template('Field visit', 'field_visit', 'An on-site install: agree the date, ship, install, report.', [
    [
      'Prepare',
      [
        ['schedule', 'Agree the visit date and site access', 'team', 'field', 1, [], true],
        ['badges', 'Arrange badges and site access', 'customer', 'it_admin', 2, ['schedule']],
        ['ship', 'Ship the hardware', 'team', 'field', 2, ['schedule']],
      ],
    ],
    ['On site', [['install', 'On-site install', 'team', 'field', 1, ['badges', 'ship'], true, true]]],
    ['Follow up', [['report', 'Visit report', 'team', 'field', 1, ['install'], true]]],
  ]),
];
