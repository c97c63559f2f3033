export * from '@/lib/format';
