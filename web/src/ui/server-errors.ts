import { notifications } from '@mantine/notifications';
import { ApiError } from '../lib/api-client';

interface FormWithErrors {
  setErrors: (errors: Record<string, string>) => void;
}

/**
 * Puts a failed request's problems where the user looks for them: each validation issue under its
 * field (`domains.0` lands on the `domains` input), a duplicate under the field it names, and
 * anything else in a notification. `fields` lists the form's inputs; `aliases` maps server field
 * names that differ from them.
 */
export function showServerErrors(
  form: FormWithErrors,
  error: unknown,
  fields: readonly string[],
  aliases: Record<string, string> = {},
): void {
  const fieldFor = (path: string): string | undefined => {
    const parts = path.split('.');
    for (let n = parts.length; n > 0; n--) {
      const candidate = parts.slice(0, n).join('.');
      const mapped = aliases[candidate] ?? candidate;
      if (fields.includes(mapped)) return mapped;
    }
    return Object.entries(aliases).find(([prefix]) => path.startsWith(prefix))?.[1];
  };

  if (error instanceof ApiError) {
    const found: Record<string, string> = {};
    for (const issue of error.issues) {
      const field = fieldFor(issue.path);
      if (field) found[field] = found[field] ? `${found[field]}; ${issue.message}` : issue.message;
    }
    const duplicate = typeof error.details.field === 'string' ? fieldFor(error.details.field) : undefined;
    if (duplicate) found[duplicate] = error.message;
    if (Object.keys(found).length > 0) {
      form.setErrors(found);
      return;
    }
  }
  notifyError(error);
}

export function notifyError(error: unknown, title = 'That did not work'): void {
  const message = error instanceof Error ? error.message : 'Something went wrong; try again.';
  notifications.show({ color: 'red', title, message });
}

export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal', message });
}
