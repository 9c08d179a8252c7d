import type { ReactNode } from 'react';
import { Anchor, Badge, Group, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CommitmentQuery } from '../../../gql/graphql';
import { useFormat } from '../../ui/use-format';

export interface CommitmentDetailsProps {
  commitment: CommitmentQuery['commitment'];
}

export function CommitmentDetails({ commitment: c }: CommitmentDetailsProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const owner = [
    c.owner ? `${c.owner.acronym} — ${c.owner.name}` : null,
    c.ownerPerson ? `${c.ownerPerson.name}${c.ownerPerson.title ? `, ${c.ownerPerson.title}` : ''}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
  const facts: [string, ReactNode][] = [
    [
      t('fields.agreement'),
      <Anchor component={Link} to={`/agreements/${c.agreement.id}`}>
        {c.agreement.title}
      </Anchor>,
    ],
    [t('fields.parties'), c.parties.map((p) => p.name).join(', ')],
    [t('fields.owner'), owner || '—'],
    [t('fields.dueOn'), format.date(c.dueOn)],
    [t('fields.priority'), t(`priority.${c.priority}`)],
    [
      t('fields.themes'),
      c.themes.length ? (
        <Group gap={4}>
          {c.themes.map((th) => (
            <Badge key={th.slug} variant="outline" color="gray.8">
              {th.name}
            </Badge>
          ))}
        </Group>
      ) : (
        '—'
      ),
    ],
  ];
  return (
    <SimpleGrid component="dl" cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" m={0}>
      {facts.map(([label, value]) => (
        <div key={label}>
          <Text component="dt" size="xs" c="dimmed" tt="uppercase" fw={600}>
            {label}
          </Text>
          <Text component="dd" m={0} size="sm">
            {value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}
