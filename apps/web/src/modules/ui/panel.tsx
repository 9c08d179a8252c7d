import { ReactNode } from 'react';
import { Paper, Title } from '@mantine/core';

export interface PanelProps {
  title: ReactNode;
  /** Space under the title. */
  titleGap?: 'sm' | 'md';
  children: ReactNode;
}

/** A bordered section of a page with its heading (h2 at h4 size), as the pages' side panels are. */
export function Panel({ title, titleGap = 'sm', children }: PanelProps) {
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h4" mb={titleGap}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}
