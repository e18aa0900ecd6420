// Your data: backup, CSV export, import and deletion (RULES.md §11: records kept safe, legible and retrievable).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useDb } from '@/components/DbContext';
import { errorText } from '@/components/hooks';
import {
  applyImport,
  backupText,
  deleteEverything,
  exportAssignmentsCsv,
  exportBackup,
  parseBackup,
  previewImport,
  type Backup,
  type ImportPreview,
} from '@/utils/db';
import { formatNumber, t, type Lang, type StringKey } from '@/utils/i18n';
import { datedFileName, downloadText } from './download';
import { FileChooser } from '@/components/FileChooser';
import { SeverityPrefix } from '@/components/SeverityBadge';

type ImportState =
  | { step: 'idle' }
  | { step: 'reading' }
  | { step: 'error'; message: string }
  | { step: 'preview'; fileName: string; backup: Backup; preview: ImportPreview }
  | { step: 'done' };

const TABLE_LABELS: Record<string, StringKey> = {
  workplaces: 'tableWorkplaces',
  assignments: 'tableAssignments',
  history: 'tableHistory',
  checklists: 'tableChecklists',
  settings: 'tableSettings',
  auditSnapshots: 'tableAuditSnapshots',
};

export function DataSection({ lang, headingId, showTckn }: { lang: Lang; headingId: string; showTckn: boolean }) {
  const db = useDb();
  const client = useQueryClient();
  const id = useId();
  const [notice, setNotice] = useState('');
  const [importState, setImportState] = useState<ImportState>({ step: 'idle' });
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [chosenFile, setChosenFile] = useState('');
  const fileRef = useRef<HTMLInputElement>(null);
  const cancelDeleteRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirmDelete) cancelDeleteRef.current?.focus();
  }, [confirmDelete]);

  const exportJson = useMutation({
    mutationFn: async () => {
      const backup = await exportBackup(db);
      const name = datedFileName('katip-asistani-yedek', 'json');
      downloadText(name, backupText(backup), 'application/json');
      return name;
    },
    onSuccess: (name) => setNotice(t(lang, 'exported', { file: name })),
  });
  const exportCsv = useMutation({
    mutationFn: async () => {
      const csv = await exportAssignmentsCsv(db, { showTckn });
      const name = datedFileName('katip-asistani-gorevlendirmeler', 'csv');
      downloadText(name, csv, 'text/csv;charset=utf-8');
      return name;
    },
    onSuccess: (name) => setNotice(t(lang, 'exported', { file: name })),
  });
  const confirmImport = useMutation({
    mutationFn: (backup: Backup) => applyImport(db, backup),
    onSuccess: () => {
      setImportState({ step: 'done' });
      setNotice(t(lang, 'importDone'));
      if (fileRef.current) fileRef.current.value = '';
      setChosenFile('');
      void client.invalidateQueries();
    },
    onError: (error) => setImportState({ step: 'error', message: t(lang, 'importFailed', { detail: errorText(error) }) }),
  });
  const wipe = useMutation({
    mutationFn: () => deleteEverything(db),
    onSuccess: () => {
      setConfirmDelete(false);
      setNotice(t(lang, 'deleteAllDone'));
      void client.invalidateQueries();
    },
  });

  const onFile = async (file: File | undefined) => {
    setNotice('');
    if (!file) {
      setImportState({ step: 'idle' });
      return;
    }
    setImportState({ step: 'reading' });
    let text: string;
    try {
      text = await file.text();
    } catch {
      setImportState({ step: 'error', message: t(lang, 'importFailed', { detail: t(lang, 'importUnreadable') }) });
      return;
    }
    const parsed = parseBackup(text);
    if (!parsed.ok) {
      setImportState({ step: 'error', message: t(lang, 'importFailed', { detail: parsed.error[lang] }) });
      return;
    }
    try {
      const preview = await previewImport(db, parsed.backup);
      setImportState({ step: 'preview', fileName: file.name, backup: parsed.backup, preview });
    } catch (error) {
      setImportState({ step: 'error', message: t(lang, 'importFailed', { detail: errorText(error) }) });
    }
  };

  const failure = exportJson.error ?? exportCsv.error ?? wipe.error;

  return (
    <section aria-labelledby={headingId} id="verilerim">
      <h2 id={headingId}>{t(lang, 'navData')}</h2>
      <p>{t(lang, 'dataIntro')}</p>
      <p role="status" aria-live="polite" className="options-notice">
        {notice}
      </p>
      {failure && (
        <p role="alert" className="katip-error-text">
          {t(lang, 'sevError')}: {errorText(failure)}
        </p>
      )}
      <div className="options-row">
        <button type="button" onClick={() => exportJson.mutate()} disabled={exportJson.isPending}>
          {t(lang, 'exportBackup')}
        </button>
        <button type="button" onClick={() => exportCsv.mutate()} disabled={exportCsv.isPending}>
          {t(lang, 'exportCsv')}
        </button>
      </div>

      <div className="katip-field">
        <label htmlFor={`${id}-file`}>{t(lang, 'importLabel')}</label>
        <FileChooser
          id={`${id}-file`}
          inputRef={fileRef}
          accept="application/json,.json"
          lang={lang}
          fileName={chosenFile}
          onChoose={(file) => {
            setChosenFile(file?.name ?? '');
            void onFile(file);
          }}
        />
      </div>
      {importState.step === 'reading' && <p role="status">{t(lang, 'loading')}</p>}
      {importState.step === 'error' && (
        <p role="alert" className="katip-error-text">
          <SeverityPrefix kind="error" language={lang} />{importState.message}
        </p>
      )}
      {importState.step === 'preview' && (
        <div className="options-import-preview" role="region" aria-labelledby={`${id}-preview`}>
          <h3 id={`${id}-preview`}>
            {t(lang, 'importPreview')}: {importState.fileName}
          </h3>
          <table className="katip-table">
            <thead>
              <tr>
                <th scope="col">
                  <span className="katip-visually-hidden">{t(lang, 'importTable')}</span>
                </th>
                <th scope="col">{t(lang, 'importAdd')}</th>
                <th scope="col">{t(lang, 'importChange')}</th>
              </tr>
            </thead>
            <tbody>
              {Object.keys(TABLE_LABELS).map((table) => {
                const add = (importState.preview.add as unknown as Record<string, number | undefined>)[table];
                const change = (importState.preview.change as unknown as Record<string, number | boolean | undefined>)[table];
                return (
                  <tr key={table}>
                    <th scope="row">{t(lang, TABLE_LABELS[table]!)}</th>
                    <td>{add === undefined ? '—' : formatNumber(lang, add)}</td>
                    <td>{typeof change === 'boolean' ? (change ? t(lang, 'yes') : '—') : change === undefined ? '—' : formatNumber(lang, change)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p>{t(lang, 'importUnchanged', { n: importState.preview.unchanged })}</p>
          <button type="button" disabled={confirmImport.isPending} onClick={() => confirmImport.mutate(importState.backup)}>
            {t(lang, 'importConfirm')}
          </button>{' '}
          <button
            type="button"
            onClick={() => {
              setImportState({ step: 'idle' });
              if (fileRef.current) fileRef.current.value = '';
      setChosenFile('');
            }}
          >
            {t(lang, 'cancel')}
          </button>
        </div>
      )}

      <div className="options-danger-zone">
        {!confirmDelete ? (
          <button type="button" className="options-danger" onClick={() => setConfirmDelete(true)}>
            {t(lang, 'deleteAll')}
          </button>
        ) : (
          <div className="options-confirm" role="group" aria-label={t(lang, 'deleteAll')}>
            <p>
              <SeverityPrefix kind="warn" language={lang} />{t(lang, 'deleteAllConfirm')}
            </p>
            <button type="button" className="options-danger" disabled={wipe.isPending} onClick={() => wipe.mutate()}>
              {t(lang, 'deleteAllYes')}
            </button>{' '}
            <button type="button" ref={cancelDeleteRef} onClick={() => setConfirmDelete(false)}>
              {t(lang, 'cancel')}
            </button>
          </div>
        )}
      </div>
    </section>
  );
}
