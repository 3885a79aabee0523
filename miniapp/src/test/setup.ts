import '../zod-config';
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { fake } from './taro';

beforeEach(() => fake.reset());
afterEach(() => cleanup());
