import { notifications } from '@mantine/notifications';

/**
 * Says that a change was saved, once the dialog that made it has closed: a short notice that goes
 * by itself, read out politely (role status, not alert: nothing went wrong). It takes no clicks, so
 * it never covers a button someone is about to press (or pauses while the pointer rests on it).
 */
export function showSaved(message: string): void {
  notifications.show({ message, color: 'green', withBorder: true, withCloseButton: false, autoClose: 4_000, role: 'status', style: { pointerEvents: 'none' } });
}
