export * from './data-source';
export * from './entities/candidate.entity';
export * from './entities/payment-task.entity';
export * from './payment-task.store';
