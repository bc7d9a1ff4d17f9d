import { Flag, Int, ListOf, NULLABLE, OneOf, Text, type Answer, type Fields } from '../common/api-response';
import { NOTIFICATION_KINDS } from '../../../../libs/domain';
import type { NotificationView } from './notification-view';
import type { NotificationsService } from './notifications.service';

export class NotificationDto implements Fields<NotificationView> {
  @Text() id!: string;
  @OneOf(
    NOTIFICATION_KINDS,
    'returned: a file the caller nominated came back; outcome: the round decided it; reminder, escalation: a stage due soon or overdue; assignment: a panel seat or an inspection batch',
  )
  kind!: string;
  @Text('the message, in Chinese') text!: string;
  @Text(undefined, NULLABLE) candidateId!: string | null;
  @Text(undefined, NULLABLE) roundId!: string | null;
  @Text('ISO instant') createdAt!: string;
  @Flag('read by the caller') read!: boolean;
}

export class NotificationListDto implements Fields<Answer<NotificationsService, 'list'>> {
  @ListOf(NotificationDto, 'newest first') items!: NotificationDto[];
  @Int('all of the caller’s notifications') total!: number;
  @Int('of them not yet read') unread!: number;
}

export class NotificationCountsDto implements Fields<Answer<NotificationsService, 'markAllRead'>> {
  @Int() total!: number;
  @Int() unread!: number;
}
