import type { NotificationRow } from './notifications.repository';

/** A notification as every answer shows it: no recipient, no address, times as ISO instants. */
export function notificationView(n: NotificationRow) {
  return { id: n.id, kind: n.kind, text: n.text, candidateId: n.candidateId, roundId: n.roundId, createdAt: new Date(n.createdAt).toISOString(), read: n.read };
}
export type NotificationView = ReturnType<typeof notificationView>;
