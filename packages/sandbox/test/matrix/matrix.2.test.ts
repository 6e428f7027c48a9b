import { defineMatrix } from './matrix.suite';

// core exits the process after 250 runs above 450 MB of RSS (Lambda's recycling), and a jest worker's
// RSS includes jest and every app: in tests that check would end the run, so it is switched off here.
jest.mock('zapier-platform-core/src/tools/memory-checker', () => () => undefined);

// One shard of the reliability matrix (see matrix.suite.ts): operations dealt round-robin over 4 files.
defineMatrix(2, 4);
