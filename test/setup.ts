// Shared test setup. DOM matchers are only meaningful where a test opts into jsdom
// (`// @vitest-environment jsdom` at the top of the file), but registering them is harmless elsewhere.
import '@testing-library/jest-dom/vitest';
