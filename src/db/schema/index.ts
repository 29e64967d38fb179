export * from './audit';
export * from './billing';
export * from './catalog';
export * from './companies';
export * from './departments';
export * from './messages';
export * from './subscriptions';
export * from './users';
