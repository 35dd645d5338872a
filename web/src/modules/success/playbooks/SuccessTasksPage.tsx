import { Title } from '@mantine/core';

export function SuccessTasksPage() {
  return <Title order={2}>Success tasks</Title>;
}
