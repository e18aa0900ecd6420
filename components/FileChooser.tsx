// A file control that speaks the interface's language: the browser's own <input type=file> says
// "Choose File / No file chosen" in the browser's language, whatever the user chose. The input stays
// (visually hidden, focusable, labelled): a button-like label opens it, the chosen name is shown beside.
import type { Ref } from 'react';
import { t, type Lang } from '@/utils/i18n';

export function FileChooser({
  id,
  accept,
  lang,
  fileName,
  disabled,
  testId,
  inputRef,
  onChoose,
}: {
  id: string;
  accept: string;
  lang: Lang;
  /** the chosen file's name, shown beside the button ('' = none yet) */
  fileName: string;
  disabled?: boolean;
  testId?: string;
  inputRef?: Ref<HTMLInputElement>;
  onChoose: (file: File | undefined, input: HTMLInputElement) => void;
}) {
  return (
    <span className="katip-file">
      <input
        id={id}
        ref={inputRef}
        className="katip-visually-hidden katip-file-input"
        type="file"
        accept={accept}
        disabled={disabled}
        data-testid={testId}
        aria-describedby={`${id}-file-name`}
        onChange={(e) => onChoose(e.currentTarget.files?.[0], e.currentTarget)}
      />
      <label htmlFor={id} className="katip-file-button">
        {t(lang, 'importChoose')}
      </label>
      <span id={`${id}-file-name`} className="katip-file-name">
        {fileName || t(lang, 'importNoFile')}
      </span>
    </span>
  );
}
