import { TECHNICAL_WIN_LABELS } from '../../../../../src/modules/presales/contract/opportunities';
import type { TechnicalWinStatus } from '../../../../../src/modules/presales/contract/kinds';

/** Display names and colours of a deal's technical win (the values live in the presales contract). */
export { TECHNICAL_WIN_LABELS };
export type { TechnicalWinStatus };

export const TECHNICAL_WIN_COLORS: Record<TechnicalWinStatus, string> = {
  not_started: 'gray',
  in_progress: 'blue',
  won: 'teal',
  lost: 'red',
};

/** A technical win as delivery hands it over (a plain string), with a fallback for a value this screen does not know. */
export const technicalWinLabel = (status: string) => TECHNICAL_WIN_LABELS[status as TechnicalWinStatus] ?? status;
export const technicalWinColor = (status: string) => TECHNICAL_WIN_COLORS[status as TechnicalWinStatus] ?? 'gray';
