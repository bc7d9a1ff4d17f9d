import { Injectable } from '@nestjs/common';

/**
 * Where voting takes "now" from. One provider, so tests can move it across an Asia/Shanghai midnight
 * or outside the voting window without waiting real time.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
