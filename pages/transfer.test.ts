import { describe, expect, it } from 'vitest';
import { receiveText, type Ask } from './transfer';

describe('receiveText', () => {
  it('reads an export piece by piece', async () => {
    const text = 'abcdefgh';
    const ask = (async (_type: string, data: { offset: number }) => ({ text: text.slice(data.offset, data.offset + 3) })) as unknown as Ask;
    await expect(receiveText({ id: 't', length: text.length }, ask)).resolves.toBe(text);
  });

  it('stops with an error the page can word when the export ends early', async () => {
    const ask = (async () => ({ text: '' })) as unknown as Ask;
    await expect(receiveText({ id: 't', length: 10 }, ask)).rejects.toMatchObject({ code: 'export-incomplete' });
  });
});
