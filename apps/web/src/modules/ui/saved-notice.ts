import { notifications } from '@mantine/notifications';

/**
 * Says that a change was saved, once the dialog that made it has closed: a short notice that goes
 * by itself, read out politely (role status, not alert: nothing went wrong).
 */
export function showSaved(message: string): void {
  notifications.show({ message, color: 'green', withBorder: true, autoClose: 5_000, role: 'status' });
}
