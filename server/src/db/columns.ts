import { Column, type ColumnOptions } from 'typeorm';

/**
 * Column types that mean the same on SQLite and MariaDB (see TOOLCHAIN.md): tsx emits no
 * decorator metadata, so every column names its type here.
 */
export const DateTimeColumn = (options: ColumnOptions = {}) => Column({ type: 'datetime', precision: 3, ...options });
export const TextColumn = (length: number, options: ColumnOptions = {}) => Column({ type: 'varchar', length, ...options });
export const JsonColumn = (options: ColumnOptions = {}) => Column({ type: 'simple-json', ...options });
export const BoolColumn = (options: ColumnOptions = {}) => Column({ type: 'boolean', ...options });
