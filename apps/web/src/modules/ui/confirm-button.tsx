import { ReactNode, useState } from 'react';
import { Button, ButtonProps, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface ConfirmButtonProps extends Omit<ButtonProps, 'onClick'> {
  /** The question asked before acting; the action runs only on confirm. */
  question: string;
  confirmLabel: string;
  onConfirm: () => void | Promise<unknown>;
  children: ReactNode;
  'aria-label'?: string;
}

export function ConfirmButton({ question, confirmLabel, onConfirm, children, ...button }: ConfirmButtonProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };
  return (
    <>
      <Button {...button} onClick={() => setOpen(true)}>
        {children}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={confirmLabel} size="sm" closeButtonProps={{ 'aria-label': t('common.close') }}>
        <Text mb="md">{question}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={() => void confirm()} loading={busy}>
            {confirmLabel}
          </Button>
        </Group>
      </Modal>
    </>
  );
}

export interface RowActionButtonProps extends Omit<ConfirmButtonProps, 'children' | 'confirmLabel'> {
  /** The button's text and the confirming button's. */
  label: string;
}

/** A table row's destructive action (revoke, remove), asked about first. */
export function RowActionButton({ label, ...props }: RowActionButtonProps) {
  return (
    <ConfirmButton size="xs" variant="subtle" color="red" confirmLabel={label} {...props}>
      {label}
    </ConfirmButton>
  );
}
