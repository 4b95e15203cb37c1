import { describe, expect, it } from 'vitest';
import { CLI_V8_FLAGS, cliV8Flags } from '../../src/cli/v8-flags.js';

describe('cliV8Flags', () => {
  it('sets the inlining budget and the starting old generation when Node was started without them', () => {
    expect(cliV8Flags([])).toEqual([
      '--max-inlined-bytecode-size-cumulative=230',
      '--initial-old-space-size=256',
    ]);
    expect(cliV8Flags(['--enable-source-maps', '--max-old-space-size=8192'])).toEqual([
      ...CLI_V8_FLAGS,
    ]);
  });

  it("keeps the user's own value, in either spelling", () => {
    expect(cliV8Flags(['--max-inlined-bytecode-size-cumulative=920'])).toEqual([
      '--initial-old-space-size=256',
    ]);
    expect(cliV8Flags(['--max_inlined_bytecode_size_cumulative=920'])).toEqual([
      '--initial-old-space-size=256',
    ]);
    expect(cliV8Flags(['--initial_old_space_size=0'])).toEqual([
      '--max-inlined-bytecode-size-cumulative=230',
    ]);
  });
});
