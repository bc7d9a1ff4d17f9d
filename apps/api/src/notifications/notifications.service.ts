import { Injectable, NotFoundException } from '@nestjs/common';
import type { TokenClaims } from '../../../../libs/security/token';
import { notificationView } from './notification-view';
import { NotificationsRepository } from './notifications.repository';

/** The caller's notification centre: its in-console notifications, newest first, and how many are unread. */
@Injectable()
export class NotificationsService {
  constructor(private readonly repo: NotificationsRepository) {}

  async list(claims: TokenClaims, limit = 50) {
    const [items, counts] = await Promise.all([this.repo.newest(claims, limit), this.repo.counts(claims)]);
    return { items: items.map(notificationView), ...counts };
  }

  async markRead(claims: TokenClaims, id: string) {
    const row = await this.repo.markRead(claims, id);
    // Someone else's notification answers as if it did not exist.
    if (!row) throw new NotFoundException(`notification ${id} not found`);
    return notificationView(row);
  }

  async markAllRead(claims: TokenClaims) {
    await this.repo.markAllRead(claims);
    return this.repo.counts(claims);
  }
}
