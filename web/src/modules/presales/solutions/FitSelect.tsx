import { Badge, Select } from '@mantine/core';
import { FIT_COLORS, FIT_LABELS, REQUIREMENT_FITS, type Requirement, type RequirementFit } from './api';

export const fitOptions = REQUIREMENT_FITS.map((f) => ({ value: f, label: FIT_LABELS[f] }));

/** A requirement's fit, set in place by those who may write; a badge for the others. */
export function FitSelect({
  requirement,
  canWrite,
  onFit,
}: {
  requirement: Requirement;
  canWrite: boolean;
  onFit: (fit: RequirementFit) => void;
}) {
  if (!canWrite)
    return (
      <Badge variant="light" color={FIT_COLORS[requirement.fit]}>
        {FIT_LABELS[requirement.fit]}
      </Badge>
    );
  return (
    <Select
      aria-label={`Fit of ${requirement.reference ?? 'the requirement'}`}
      size="xs"
      data={fitOptions}
      value={requirement.fit}
      allowDeselect={false}
      onChange={(v) => v && v !== requirement.fit && onFit(v as RequirementFit)}
      leftSection={
        <span style={{ width: 8, height: 8, borderRadius: 8, background: `var(--mantine-color-${FIT_COLORS[requirement.fit]}-6)` }} />
      }
    />
  );
}
