// FileChooser (options import, Denetim page): the control speaks the interface's language, not the
// browser's, shows the chosen file's name, and the same file can be chosen again.
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FileChooser } from '@/components/FileChooser';

afterEach(cleanup);

describe('FileChooser', () => {
  for (const [lang, choose, none] of [
    ['tr', 'Dosya seçin…', 'Dosya seçilmedi'],
    ['en', 'Choose a file…', 'No file chosen'],
  ] as const) {
    it(`${lang}: says "${choose}" and "${none}", then the chosen file's name`, async () => {
      const user = userEvent.setup();
      const chosen: (string | undefined)[] = [];
      function Harness() {
        const [name, setName] = useState('');
        return (
          <FileChooser
            id="f"
            accept=".xlsx"
            lang={lang}
            fileName={name}
            onChoose={(f) => {
              chosen.push(f?.name);
              setName(f?.name ?? '');
            }}
          />
        );
      }
      render(<Harness />);
      expect(screen.getByText(choose)).toBeTruthy();
      expect(screen.getByText(none)).toBeTruthy();
      const input = screen.getByLabelText(choose) as HTMLInputElement;
      expect(input.type).toBe('file');
      await user.upload(input, new File(['x'], 'ISG_HIZMET_SOZLESME_SURECI_DISA_AKTAR_1.xlsx'));
      expect(chosen).toEqual(['ISG_HIZMET_SOZLESME_SURECI_DISA_AKTAR_1.xlsx']);
      expect(screen.getByText('ISG_HIZMET_SOZLESME_SURECI_DISA_AKTAR_1.xlsx')).toBeTruthy();
      expect(screen.queryByText(none)).toBeNull();
    });
  }

  it('a disabled chooser takes no file', async () => {
    const user = userEvent.setup();
    const onChoose = vi.fn();
    render(<FileChooser id="g" accept=".xlsx" lang="tr" fileName="" disabled onChoose={onChoose} />);
    await user.upload(screen.getByLabelText('Dosya seçin…'), new File(['x'], 'a.xlsx'));
    expect(onChoose).not.toHaveBeenCalled();
  });
});
