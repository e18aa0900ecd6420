// Checklist (RULES.md §10): ticking a step persists in IndexedDB and shows how and when it was ticked.
import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Checklist } from '@/components/Checklist';
import { getChecklist } from '@/utils/db';
import { freshDb, renderWithDb, teardown } from './helpers';

afterEach(teardown);

const STEP4 = /^4\. Durumu "Onay Bekliyor" olan satırı bulun\.$/;

describe('Checklist', () => {
  it('shows ten labelled steps and the progress', async () => {
    renderWithDb(<Checklist assignmentKey="portal:1" language="tr" />);
    expect(await screen.findByText('0/10 adım tamam')).toBeTruthy();
    expect(screen.getAllByRole('checkbox')).toHaveLength(10);
    expect(screen.getByRole('checkbox', { name: STEP4 })).toBeTruthy();
  });

  it('persists a manual tick and shows it after a fresh render', async () => {
    const db = freshDb();
    const first = renderWithDb(<Checklist assignmentKey="portal:1" language="tr" />, db);
    await first.user.click(await screen.findByRole('checkbox', { name: STEP4 }));
    await waitFor(async () => expect((await getChecklist(db, 'portal:1')).steps[4]).toMatchObject({ done: true, how: 'manual' }));
    expect(await screen.findByText('1/10 adım tamam')).toBeTruthy();
    expect(screen.getByText(/^elle işaretlendi \d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/)).toBeTruthy();
    first.unmount();

    renderWithDb(<Checklist assignmentKey="portal:1" language="tr" />, db);
    const box = (await screen.findByRole('checkbox', { name: STEP4 })) as HTMLInputElement;
    expect(box.checked).toBe(true);
    expect(screen.getByText('1/10 adım tamam')).toBeTruthy();
  });

  it('unticking persists too', async () => {
    const db = freshDb();
    await db.checklists.put({ assignmentKey: 'portal:2', steps: { 4: { done: true, at: new Date().toISOString(), how: 'manual' } }, updatedAt: '' });
    const { user } = renderWithDb(<Checklist assignmentKey="portal:2" language="tr" />, db);
    const box = (await screen.findByRole('checkbox', { name: STEP4 })) as HTMLInputElement;
    await waitFor(() => expect(box.checked).toBe(true));
    await user.click(box);
    await waitFor(async () => expect((await getChecklist(db, 'portal:2')).steps[4]?.done).toBe(false));
    expect(await screen.findByText('0/10 adım tamam')).toBeTruthy();
  });

  it('says when a step was seen on the portal, in local time', async () => {
    const db = freshDb();
    const at = new Date(2026, 10, 22, 10, 41).toISOString();
    await db.checklists.put({ assignmentKey: 'portal:3', steps: { 2: { done: true, at, how: 'seen' } }, updatedAt: at });
    renderWithDb(<Checklist assignmentKey="portal:3" language="tr" />, db);
    expect(await screen.findByText('görüldü 22.11.2026 10:41')).toBeTruthy();
  });
});
