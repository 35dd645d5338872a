import type { ReactNode } from 'react';
import {
  IconCalendar,
  IconChartBar,
  IconMail,
  IconMapPin,
  IconMessages,
  IconPhone,
  IconPresentation,
  IconSchool,
  IconTools,
} from '@tabler/icons-react';
import type { InteractionKind } from './labels';

export const KIND_ICONS: Record<InteractionKind, ReactNode> = {
  meeting: <IconMessages size={14} />,
  call: <IconPhone size={14} />,
  email: <IconMail size={14} />,
  site_visit: <IconMapPin size={14} />,
  training: <IconSchool size={14} />,
  demo: <IconPresentation size={14} />,
  workshop: <IconTools size={14} />,
  business_review: <IconChartBar size={14} />,
};

export const KIND_ICON_FALLBACK = <IconCalendar size={14} />;
