import { Stack, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';

export interface CaseValues {
  title: string;
  steps: string;
  expected: string;
}

export const emptyCase = (): CaseValues => ({ title: '', steps: '', expected: '' });

export const caseRules = {
  title: (v: string) => (v.trim() ? null : 'Give the test case a title'),
  steps: (v: string) => (v.trim() ? null : 'Write the steps the tester follows'),
  expected: (v: string) => (v.trim() ? null : 'Say what the tester should see'),
};

/** A test case's three fields; `prefix` places them in a larger form (the cases of a new round). */
export function CaseFields<T>({ form, prefix = '', label }: { form: UseFormReturnType<T>; prefix?: string; label?: string }) {
  return (
    <Stack gap="xs" aria-label={label} role={label ? 'group' : undefined}>
      <TextInput
        label="Case"
        placeholder="Export a month of usage"
        withAsterisk
        maxLength={200}
        {...form.getInputProps(`${prefix}title`)}
      />
      <Textarea
        label="Steps"
        placeholder={'1. Open Reports\n2. Export March'}
        withAsterisk
        autosize
        minRows={2}
        maxRows={8}
        maxLength={10_000}
        {...form.getInputProps(`${prefix}steps`)}
      />
      <Textarea
        label="Expected result"
        withAsterisk
        autosize
        minRows={1}
        maxRows={5}
        maxLength={5_000}
        {...form.getInputProps(`${prefix}expected`)}
      />
    </Stack>
  );
}
