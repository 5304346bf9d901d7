// Shared test setup. DOM matchers are only meaningful where a test opts into jsdom
// (`// @vitest-environment jsdom` at the top of the file), but registering them is harmless elsewhere.
import '@testing-library/jest-dom/vitest';
import * as analyzer from '../src/analyzer/index.ts';
import { provideAnalyzer } from '../src/store/analyzer-loader.ts';

// The app loads the analyzer after its first paint (src/store/analyzer-loader.ts); tests hand the real module
// over synchronously, so every store starts with it and reads finished analyses (tests of the pending state
// create their store with `{ analyzer: null }`).
provideAnalyzer(analyzer);
