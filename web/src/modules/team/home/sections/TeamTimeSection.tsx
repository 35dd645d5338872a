import { Button, Card, Stack, Text, Title } from '@mantine/core';
import { IconClockHour4 } from '@tabler/icons-react';
import { Link } from 'react-router-dom';

/** For engineering managers: the way to where the team's time goes. */
export function TeamTimeSection() {
  return (
    <Card component="section" aria-label="Team time" h="100%">
      <Stack gap="sm" align="flex-start">
        <Title order={4}>Team time</Title>
        <Text size="sm" c="dimmed">
          Where your team’s time goes by category, utilisation against capacity, and each person’s role profile.
        </Text>
        <Button component={Link} to="/team/time" variant="light" leftSection={<IconClockHour4 size={16} />}>
          Open team time
        </Button>
      </Stack>
    </Card>
  );
}
