import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Lazily loaded pages (report, monitor) are transformed on first import; a busy CI machine needs more than 1 s.
configure({ asyncUtilTimeout: 4_000 });

afterEach(() => cleanup());
